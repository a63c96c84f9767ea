import { format, type LocalizedText, type MessageParams } from '@tongban/engine';
import { runtimeErrors, type RuntimeErrorCode } from './catalog.js';

export interface ErrorDetail {
  path: string;
  /** Localized where we wrote the sentence; plain where a library did (ajv's messages are English). */
  message: LocalizedText | string;
}

/** An error with a stable code, an HTTP status and a sentence in zh-CN and en, thrown by services. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly text: LocalizedText;
  readonly details: ErrorDetail[];

  constructor(code: RuntimeErrorCode, params: MessageParams = {}, details: ErrorDetail[] = []) {
    const entry = runtimeErrors[code];
    const text = format(entry.message, params);
    super(text.en);
    this.name = 'ApiError';
    this.code = code;
    this.status = entry.status;
    this.text = text;
    this.details = details;
  }
}

export const notFound = (what: LocalizedText | string): ApiError =>
  new ApiError('TB_NOT_FOUND', { what: typeof what === 'string' ? { 'zh-CN': what, en: what } : what });

export const forbidden = (): ApiError => new ApiError('TB_FORBIDDEN');
