import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { CategorizationRendererEntry, categorizationTester } from './categorization.layout.js';
import { GroupLayoutRendererEntry, groupLayoutTester } from './group.layout.js';
import { HorizontalLayoutRendererEntry, horizontalLayoutTester } from './horizontal.layout.js';
import { LabelRendererEntry, labelTester } from './label.layout.js';
import { VerticalLayoutRendererEntry, verticalLayoutTester } from './vertical.layout.js';

export { layoutChildren, type LayoutChildrenProps } from './layout-children.js';

/** Vertical, horizontal (stacking on a phone), group, label, and categories as sections. */
export const renderers: JsonFormsRendererRegistryEntry[] = [
  { tester: verticalLayoutTester, renderer: VerticalLayoutRendererEntry },
  { tester: horizontalLayoutTester, renderer: HorizontalLayoutRendererEntry },
  { tester: groupLayoutTester, renderer: GroupLayoutRendererEntry },
  { tester: labelTester, renderer: LabelRendererEntry },
  { tester: categorizationTester, renderer: CategorizationRendererEntry },
];
