/** The i18n namespace of the app shell's catalog. */
export const shellNamespace = 'shell';
