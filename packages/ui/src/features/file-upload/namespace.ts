/** The i18n namespace of the file upload control's catalog. */
export const fileUploadNamespace = 'fileUpload';
