import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { defaultLanguage, languages, matchLanguage, type Catalog, type Language } from './catalog.js';

/** Where the person's choice is kept between visits (all three apps share the origin, so one key). */
export const languageStorageKey = 'tongban.language';

/**
 * The person's language: what they chose before (localStorage), else the browser's preference,
 * else zh-CN. Safe where there is no window (node tests, prerendering).
 */
export function detectLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored) return stored;
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return defaultLanguage;
}

function readStoredLanguage(): Language | undefined {
  try {
    return matchLanguage(globalThis.localStorage?.getItem(languageStorageKey));
  } catch {
    // storage can be switched off (private mode, a sandboxed frame): then the browser decides
    return undefined;
  }
}

/**
 * The ONE i18next instance: the apps' text, the JSON Forms translator and the server's messages all
 * go through it. Initialised synchronously (resources are bundled, never fetched), so the first
 * render is already in the right language.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: detectLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  ns: [],
  defaultNS: false,
  resources: {},
  initAsync: false,
  // React escapes text itself
  interpolation: { escapeValue: false },
  returnNull: false,
});
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

/** Keeps `<html lang>` right, so screen readers pronounce the text in its language. */
function syncDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * Adds a feature's catalog under its namespace (`registerCatalog('wizard', { 'zh-CN': {...}, en: {...} })`).
 * Call it at module level beside the feature; registering again replaces the earlier text.
 */
export function registerCatalog(namespace: string, catalog: Catalog): void {
  for (const language of languages) {
    i18n.addResourceBundle(language, namespace, catalog[language], true, true);
  }
}

/** Switches every app to `language` and remembers the choice. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(languageStorageKey, language);
  } catch {
    // not remembered, but still switched
  }
  await i18n.changeLanguage(language);
}

/** The language in force now. */
export function currentLanguage(): Language {
  return matchLanguage(i18n.language) ?? defaultLanguage;
}

/** `t` for one namespace, re-rendering the component when the language changes. */
export function useT(namespace: string) {
  return useTranslation(namespace, { i18n }).t;
}

/** The language in force, re-rendering the component when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation(undefined, { i18n });
  return matchLanguage(instance.language) ?? defaultLanguage;
}
