import { createTongbanClient } from '@tongban/client';
import { i18n } from '@tongban/ui';

/** The designer's API client: same origin, answers in the UI's language. */
export const api = createTongbanClient({ language: () => i18n.language });
