/** The i18n namespace of the address control's catalog. */
export const addressNamespace = 'address';
