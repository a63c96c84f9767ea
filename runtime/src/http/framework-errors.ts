import type { FastifyError } from 'fastify';
import type { LocalizedText } from '@tongban/engine';
import type { ErrorDetail } from '../errors/api-error.js';

const say = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** Fastify's own refusals by code, worded for a person (Fastify's English goes to the log only). */
const byCode: Record<string, { path: string; message: LocalizedText }> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    path: '/body',
    message: say('请求声明为 JSON，但内容为空', 'the body is declared as JSON but is empty'),
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    path: '/body',
    message: say('请求内容的长度与声明的不符', 'the body is not as long as its Content-Length says'),
  },
  // secure-json-parse refuses __proto__ and constructor.prototype keys as if the JSON were broken
  FST_ERR_CTP_INVALID_JSON_BODY: {
    path: '/body',
    message: say(
      '请求内容不是有效的 JSON（或含有 __proto__ 等不允许的键）',
      'the body is not valid JSON (or has a key such as __proto__ that is not allowed)',
    ),
  },
  FST_ERR_BAD_URL: { path: '', message: say('网址无法解码', 'the address cannot be decoded') },
  FST_ERR_MAX_PARAM_LENGTH: {
    path: '',
    message: say('网址中的某一部分太长', 'a part of the address is too long'),
  },
};

/**
 * The details of an error Fastify raised before a route ran (a body that is not JSON, an address that
 * cannot be decoded), in both languages. Size, type and rate refusals need none: their message says it.
 */
export function frameworkDetails(error: FastifyError): ErrorDetail[] {
  const known = byCode[error.code ?? ''];
  return known ? [known] : [];
}
