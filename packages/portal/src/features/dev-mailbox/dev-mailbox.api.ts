import { TongbanApiError, unwrap, type paths } from '@tongban/client';
import { tongbanApi } from '@tongban/ui';

/** One message of the development mailbox: to (masked), text, when. */
export type Mail =
  paths['/api/dev/mailbox']['get']['responses'][200]['content']['application/json']['items'][number];

/** The mailbox's recent messages, newest first; null when this server has no mailbox (it answers 404). */
export async function loadMailbox(): Promise<Mail[] | null> {
  try {
    return (await unwrap(tongbanApi().GET('/api/dev/mailbox', { params: { query: { limit: 50 } } }))).items;
  } catch (error) {
    if (error instanceof TongbanApiError && error.status === 404) return null;
    throw error;
  }
}

/** The sign-in code a message carries (its first six digits together), if any. */
export const codeOf = (text: string): string | undefined => /(?<!\d)\d{6}(?!\d)/.exec(text)?.[0];
