/** The i18n namespace of the read-only rendering's text. */
export const readonlyNamespace = 'readonly';
