import { createTongbanClient, type TongbanClient } from '@tongban/client';
import { currentLanguage } from '../../i18n/index.js';

let client: TongbanClient | undefined;

/**
 * The app's one client of the runtime's API, on the page's own origin (the runtime serves the apps),
 * asking for answers in the language the person chose. Made at first use, not at import.
 */
export function tongbanApi(): TongbanClient {
  client ??= createTongbanClient({ language: currentLanguage });
  return client;
}
