/** The i18n namespace of the mobile number control's catalog. */
export const phoneNamespace = 'phone';
