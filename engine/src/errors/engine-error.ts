import { format, type LocalizedText, type MessageParams } from '../i18n/text.js';
import { engineErrors, type EngineErrorCode } from './catalog.js';

/**
 * The one error the engine throws. `code` is stable and documented in docs/errors.md; `path` points
 * into the definition or the event that was wrong.
 */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly text: LocalizedText;
  readonly path: string;
  /** true when the caller sent something that is not allowed (4xx), false for a broken invariant. */
  readonly isUserError: boolean;

  constructor(code: EngineErrorCode, params: MessageParams = {}, path = '') {
    const entry = engineErrors[code];
    const text = format(entry.message, params);
    super(text.en);
    this.name = 'EngineError';
    this.code = code;
    this.text = text;
    this.path = path;
    this.isUserError = entry.user;
  }
}

export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError;
}
