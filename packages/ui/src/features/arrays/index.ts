import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { registerCatalog } from '../../i18n/index.js';
import { ArrayLayoutRenderer, arrayLayoutTester } from './array.layout.js';
import { arraysLocales } from './locales.js';
import { arraysNamespace } from './namespace.js';

registerCatalog(arraysNamespace, arraysLocales);

/** Lists as cards (add, remove with undo, move up and down). */
export const renderers: JsonFormsRendererRegistryEntry[] = [
  { tester: arrayLayoutTester, renderer: ArrayLayoutRenderer },
];
