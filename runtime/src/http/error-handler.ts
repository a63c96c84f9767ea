import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EngineError } from '@tongban/engine';
import { ApiError, type ErrorDetail } from '../errors/api-error.js';
import { engineErrorStatus, runtimeErrors, type RuntimeErrorCode } from '../errors/catalog.js';
import { localeOf, say } from './locale.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The size a 413 names, where it is not the body limit (attachments: the file, not its base64). */
    sizeLimit?: number;
  }
}

interface ErrorBody {
  error: string;
  message: string;
  details: Array<{ path: string; message: string }>;
}

/** One error shape for every failure: `{ error, message, details: [{ path, message }] }`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(sendError);

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const locale = localeOf(request);
    const text = runtimeErrors.TB_ROUTE_NOT_FOUND.message[locale]
      .replace('{method}', request.method)
      .replace('{url}', request.url.split('?')[0] ?? '');
    return reply
      .status(404)
      .send({ error: 'TB_ROUTE_NOT_FOUND', message: text, details: [] } satisfies ErrorBody);
  });
}

/** Sends any error in that shape; also used for errors Fastify raises before routing (an undecodable URL). */
export function sendError(
  error: FastifyError | ApiError | EngineError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const locale = localeOf(request);
  const send = (status: number, code: string, message: string, details: ErrorDetail[] = []) => {
    const body: ErrorBody = {
      error: code,
      message,
      details: details.map((detail) => ({ path: detail.path, message: say(detail.message, locale) })),
    };
    return reply.status(status).send(body);
  };
  if (error instanceof ApiError) {
    request.log.info({ code: error.code }, error.message);
    return send(error.status, error.code, say(error.text, locale), error.details);
  }
  if (error instanceof EngineError) {
    const status = engineErrorStatus[error.code] ?? (error.isUserError ? 422 : 500);
    if (status >= 500) request.log.error({ err: error }, 'engine invariant broken');
    else request.log.info({ code: error.code }, error.message);
    return send(
      status,
      error.code,
      say(error.text, locale),
      error.path ? [{ path: error.path, message: error.text }] : [],
    );
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const part = fastifyError.validationContext ?? 'body';
    const details = fastifyError.validation.map((issue) => {
      const missing =
        issue.keyword === 'required'
          ? `/${String((issue.params as { missingProperty?: string }).missingProperty)}`
          : '';
      const extra =
        issue.keyword === 'additionalProperties'
          ? `/${String((issue.params as { additionalProperty?: string }).additionalProperty)}`
          : '';
      return {
        path: `/${part}${issue.instancePath}${missing}${extra}`,
        message: issue.message ?? issue.keyword,
      };
    });
    return send(400, 'TB_REQUEST_INVALID', say(runtimeErrors.TB_REQUEST_INVALID.message, locale), details);
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'unexpected error');
    return send(500, 'TB_INTERNAL', say(runtimeErrors.TB_INTERNAL.message, locale));
  }
  const code: RuntimeErrorCode =
    status === 413
      ? 'TB_PAYLOAD_TOO_LARGE'
      : status === 415
        ? 'TB_UNSUPPORTED_MEDIA_TYPE'
        : status === 429
          ? 'TB_RATE_LIMITED'
          : 'TB_REQUEST_INVALID';
  const text = runtimeErrors[code].message;
  const limit = request.routeOptions.config?.sizeLimit ?? request.routeOptions.bodyLimit ?? 0;
  const message = say(text, locale)
    .replace('{limit}', `${Number((limit / 1048576).toFixed(1))} MB`)
    .replace('{type}', String(request.headers['content-type'] ?? ''));
  return send(status, code, message, [{ path: '', message: fastifyError.message }]);
}

export const errorResponse = {
  type: 'object',
  required: ['error', 'message', 'details'],
  properties: {
    error: { type: 'string' },
    message: { type: 'string' },
    details: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
} as const;
