import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { registerCatalog } from '../../i18n/index.js';
import { AddressRenderer } from './address.control.js';
import { addressTester } from './address.tester.js';
import { addressLocales } from './locales.js';
import { addressNamespace } from './namespace.js';

registerCatalog(addressNamespace, addressLocales);

export { addressTester, isAddressSchema } from './address.tester.js';
export { joinAddress, splitAddress, type AddressParts } from './address-text.js';
export { loadRegions, type Region, type Regions } from './regions.js';

export const renderers: JsonFormsRendererRegistryEntry[] = [
  { tester: addressTester, renderer: AddressRenderer },
];
