import { rankWith, uiTypeIs, type LayoutProps, type VerticalLayout } from '@jsonforms/core';
import { withJsonFormsLayoutProps } from '@jsonforms/react';
import { Stack } from '@mantine/core';
import { layoutChildren } from './layout-children.js';

/** Fields one under another, with room between them. */
function VerticalLayoutRenderer({ uischema, schema, path, enabled, visible, renderers, cells }: LayoutProps) {
  if (!visible) return null;
  const { elements } = uischema as VerticalLayout;
  return <Stack gap="lg">{layoutChildren({ elements, schema, path, enabled, renderers, cells })}</Stack>;
}

export const verticalLayoutTester = rankWith(1, uiTypeIs('VerticalLayout'));
export const VerticalLayoutRendererEntry = withJsonFormsLayoutProps(VerticalLayoutRenderer);
