export {
  languages,
  defaultLanguage,
  matchLanguage,
  type Language,
  type Catalog,
  type Messages,
} from './catalog.js';
export {
  i18n,
  registerCatalog,
  setLanguage,
  currentLanguage,
  detectLanguage,
  languageStorageKey,
  useT,
  useLanguage,
} from './i18n.js';
