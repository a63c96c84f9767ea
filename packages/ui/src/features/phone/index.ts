import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { registerCatalog } from '../../i18n/index.js';
import { phoneLocales } from './locales.js';
import { phoneNamespace } from './namespace.js';
import { PhoneRenderer } from './phone.control.js';
import { phoneTester } from './phone.tester.js';

registerCatalog(phoneNamespace, phoneLocales);

export { isMobilePhoneSchema, phoneTester } from './phone.tester.js';
export { formatPhoneNumber, normalizePhoneNumber, phoneProblem } from './phone-number.js';

export const renderers: JsonFormsRendererRegistryEntry[] = [{ tester: phoneTester, renderer: PhoneRenderer }];
