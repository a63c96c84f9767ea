/** The i18n namespace of the list (array) renderer's text. */
export const arraysNamespace = 'arrays';
