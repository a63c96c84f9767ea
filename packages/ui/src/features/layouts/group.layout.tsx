import { rankWith, uiTypeIs, type GroupLayout, type LayoutProps } from '@jsonforms/core';
import { withJsonFormsLayoutProps } from '@jsonforms/react';
import { Fieldset, Stack } from '@mantine/core';
import { layoutChildren } from './layout-children.js';

/** Fields that belong together, in a frame with a legend a screen reader reads before each of them. */
function GroupLayoutRenderer({
  uischema,
  schema,
  path,
  enabled,
  visible,
  renderers,
  cells,
  label,
}: LayoutProps) {
  if (!visible) return null;
  const { elements } = uischema as GroupLayout;
  return (
    <Fieldset
      legend={label || undefined}
      // narrower frames on a phone, where groups inside list cards would squeeze the fields
      px={{ base: 'sm', sm: 'lg' }}
      styles={{ legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Stack gap="lg">{layoutChildren({ elements, schema, path, enabled, renderers, cells })}</Stack>
    </Fieldset>
  );
}

export const groupLayoutTester = rankWith(2, uiTypeIs('Group'));
export const GroupLayoutRendererEntry = withJsonFormsLayoutProps(GroupLayoutRenderer);
