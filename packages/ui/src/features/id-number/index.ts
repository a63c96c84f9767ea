import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { registerCatalog } from '../../i18n/index.js';
import { IdNumberRenderer } from './id-number.control.js';
import { idNumberTester } from './id-number.tester.js';
import { idNumberLocales } from './locales.js';
import { idNumberNamespace } from './namespace.js';

registerCatalog(idNumberNamespace, idNumberLocales);

export { isIdNumberSchema, idNumberTester } from './id-number.tester.js';

export const renderers: JsonFormsRendererRegistryEntry[] = [
  { tester: idNumberTester, renderer: IdNumberRenderer },
];
