import type { FastifyRequest } from 'fastify';
import type { Locale, LocalizedText } from '@tongban/engine';

/** zh-CN unless the client asks for English first. */
export function localeOf(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^en\b/i.test(header.trim()) ? 'en' : 'zh-CN';
}

export function say(text: LocalizedText | string, locale: Locale): string {
  return typeof text === 'string' ? text : text[locale];
}
