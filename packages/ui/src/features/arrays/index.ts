import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { ArrayLayoutRenderer, arrayLayoutTester } from './array.layout.js';

/** Lists as cards (add, remove with undo, move up and down). */
export const renderers: JsonFormsRendererRegistryEntry[] = [
  { tester: arrayLayoutTester, renderer: ArrayLayoutRenderer },
];
