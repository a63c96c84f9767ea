import { rankWith, uiTypeIs, type HorizontalLayout, type LayoutProps } from '@jsonforms/core';
import { withJsonFormsLayoutProps } from '@jsonforms/react';
import { SimpleGrid } from '@mantine/core';
import { layoutChildren } from './layout-children.js';

/** Fields side by side on a desk, one under another on a phone (a column each from 48em up). */
function HorizontalLayoutRenderer({
  uischema,
  schema,
  path,
  enabled,
  visible,
  renderers,
  cells,
}: LayoutProps) {
  if (!visible) return null;
  const { elements } = uischema as HorizontalLayout;
  return (
    <SimpleGrid
      cols={{ base: 1, sm: Math.max(1, Math.min(elements.length, 4)) }}
      spacing="md"
      verticalSpacing="lg"
    >
      {layoutChildren({ elements, schema, path, enabled, renderers, cells })}
    </SimpleGrid>
  );
}

export const horizontalLayoutTester = rankWith(2, uiTypeIs('HorizontalLayout'));
export const HorizontalLayoutRendererEntry = withJsonFormsLayoutProps(HorizontalLayoutRenderer);
