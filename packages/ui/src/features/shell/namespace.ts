import { registerCatalog } from '../../i18n/index.js';
import { shellCatalog } from './locales.js';

/**
 * The i18n namespace of the app shell's catalog, registered here where every user of the namespace
 * imports it from (the package declares no side effects: a module's statements stay only when imported).
 */
export const shellNamespace = 'shell';
registerCatalog(shellNamespace, shellCatalog);
