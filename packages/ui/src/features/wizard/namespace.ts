/** The i18n namespace of the wizard's catalog. */
export const wizardNamespace = 'wizard';
