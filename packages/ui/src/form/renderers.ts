import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { renderers as addressRenderers } from '../features/address/index.js';
import { renderers as fileUploadRenderers } from '../features/file-upload/index.js';
import { renderers as idNumberRenderers } from '../features/id-number/index.js';
import { renderers as phoneRenderers } from '../features/phone/index.js';
// One line per feature: `import { renderers as <feature>Renderers } from '../features/<feature>/index.js';`
// and its spread in the list below. Testers rank themselves; order here does not matter.

/**
 * Every renderer of Tongban's set, each with a ranked tester (JSON Forms picks the highest rank).
 * Ranks used: 1-2 generic controls and layouts, 3-5 specialised controls (enum as radios, multi-choice),
 * 10+ features for one kind of field (ID number, phone, address, upload, wizard).
 */
export const renderers: JsonFormsRendererRegistryEntry[] = [
  ...idNumberRenderers,
  ...phoneRenderers,
  ...addressRenderers,
  ...fileUploadRenderers,
];
