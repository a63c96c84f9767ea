/** The i18n namespace of the ID number control's catalog. */
export const idNumberNamespace = 'idNumber';
