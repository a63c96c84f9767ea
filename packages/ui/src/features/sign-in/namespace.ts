import { registerCatalog } from '../../i18n/index.js';
import { signInCatalog } from './locales.js';

/**
 * The i18n namespace of the sign-in form's catalog, registered here where every user of the namespace
 * imports it from (the package declares no side effects: a module's statements stay only when imported).
 */
export const signInNamespace = 'signIn';
registerCatalog(signInNamespace, signInCatalog);
