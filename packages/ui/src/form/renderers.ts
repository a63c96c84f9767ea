import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { renderers as addressRenderers } from '../features/address/index.js';
import { renderers as arrayRenderers } from '../features/arrays/index.js';
import { renderers as controlRenderers } from '../features/controls/index.js';
import { renderers as fileUploadRenderers } from '../features/file-upload/index.js';
import { renderers as idNumberRenderers } from '../features/id-number/index.js';
import { renderers as layoutRenderers } from '../features/layouts/index.js';
import { renderers as phoneRenderers } from '../features/phone/index.js';
import { renderers as wizardRenderers } from '../features/wizard/index.js';
// One line per feature: `import { renderers as <feature>Renderers } from '../features/<feature>/index.js';`
// and its spread in the list below. Testers rank themselves; order here does not matter.

/**
 * Every renderer of Tongban's set, each with a ranked tester (JSON Forms picks the highest rank).
 * Ranks: 1 text, vertical layout, label, categories as sections; 2 numbers, booleans, enums, dates'
 * fallbacks, objects, horizontal layout, group; 3 lists, oneOf / anyOf / allOf; 4 date, time,
 * date-time; 5 oneOf-enum choices, multi-choice; 10+ features for one kind of field (ID number,
 * phone, address, upload) and the wizard.
 */
export const renderers: JsonFormsRendererRegistryEntry[] = [
  ...controlRenderers,
  ...layoutRenderers,
  ...arrayRenderers,
  ...idNumberRenderers,
  ...phoneRenderers,
  ...addressRenderers,
  ...fileUploadRenderers,
  ...wizardRenderers,
];
