/** The i18n namespace of the sign-in form's catalog. */
export const signInNamespace = 'signIn';
