import type { paths } from './schema.js';

/**
 * The runtime's error body, the same for every failure (docs/errors.md), as its OpenAPI document
 * declares it: `{ error, message, details: [{ path, message }] }`. `error` is a stable code
 * (`TB_FORM_DATA_INVALID`) the UI translates by; `message` a sentence in the language asked for; each
 * detail's `path` a JSON Pointer into the request (`/body/data/idNumber`).
 */
export type ApiErrorBody =
  paths['/api/auth/login']['post']['responses']['4XX']['content']['application/json'];

/** One problem the runtime found, at a JSON Pointer into the request. */
export type ApiErrorDetail = ApiErrorBody['details'][number];

/** The client's own codes, for failures that never reached the runtime or came back unreadable. */
export const clientErrorCodes = {
  /** No answer at all: offline, the server down, the request aborted. */
  networkUnreachable: 'TB_NETWORK_UNREACHABLE',
  /** An answer that is not the runtime's error body (a proxy's HTML 502, say). */
  unexpectedResponse: 'TB_UNEXPECTED_RESPONSE',
} as const;

/** A failed call, carrying the runtime's error body so a form can put `details[].path` on its fields. */
export class TongbanApiError extends Error {
  override readonly name = 'TongbanApiError';
  constructor(
    /** The HTTP status; 0 when there was no answer. */
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }

  get code(): string {
    return this.body.error;
  }

  get details(): ApiErrorDetail[] {
    return this.body.details;
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return (
    typeof body.error === 'string' &&
    typeof body.message === 'string' &&
    Array.isArray(body.details) &&
    body.details.every(
      (detail: unknown) =>
        typeof detail === 'object' &&
        detail !== null &&
        typeof (detail as ApiErrorDetail).path === 'string' &&
        typeof (detail as ApiErrorDetail).message === 'string',
    )
  );
}

/** Any error body as the runtime's shape: what the runtime sent, or one made from the status. */
export function toApiErrorBody(value: unknown, response: Response): ApiErrorBody {
  if (isApiErrorBody(value)) return value;
  return {
    error: clientErrorCodes.unexpectedResponse,
    message: `${response.status} ${response.statusText}`.trim(),
    details: [],
  };
}
