/** Tongban's shared web parts: i18n, theme, and the JSON Forms renderer set over Mantine. */
export * from './i18n/index.js';
export * from './theme/index.js';
export * from './form/index.js';
export * from './features/shell/index.js';
export * from './features/sign-in/index.js';
export * from './features/navigation/index.js';
export * from './features/loading/index.js';
export {
  WizardSettingsProvider,
  useWizardSettings,
  useWizardDraft,
  type WizardSettings,
  type WizardDraft,
  type WizardDraftOptions,
} from './features/wizard/index.js';
export * from './features/readonly/index.js';
