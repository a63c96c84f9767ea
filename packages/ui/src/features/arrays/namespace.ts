import { registerCatalog } from '../../i18n/index.js';
import { arraysLocales } from './locales.js';

/**
 * The i18n namespace of the list (array) renderer's text. Its catalog is registered here, where every user of the namespace imports it from, so the
 * text is there whichever part of the feature an app uses (the package declares no side effects:
 * a bundler keeps this module's statements only when something imports it).
 */
export const arraysNamespace = 'arrays';
registerCatalog(arraysNamespace, arraysLocales);
