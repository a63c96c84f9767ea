import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { registerCatalog } from '../../i18n/index.js';
import { wizardCatalog } from './locales.js';
import { wizardNamespace } from './namespace.js';
import { WizardRenderer } from './wizard.layout.js';
import { wizardTester } from './wizard.tester.js';

registerCatalog(wizardNamespace, wizardCatalog);

export { WizardSettingsProvider, useWizardSettings, type WizardSettings } from './wizard-settings.js';
export { wizardTester, wizardRank } from './wizard.tester.js';
export {
  useWizardDraft,
  type WizardDraft,
  type WizardDraftOptions,
  type DraftLoad,
  type DraftSave,
} from './use-wizard-draft.js';
export { DraftSaver, type DraftContent, type DraftStore } from './draft-saver.js';

export const renderers: JsonFormsRendererRegistryEntry[] = [
  { tester: wizardTester, renderer: WizardRenderer },
];
