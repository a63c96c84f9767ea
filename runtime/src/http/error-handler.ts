import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { EngineError, type LocalizedText } from '@tongban/engine';
import { ApiError, type ErrorDetail } from '../errors/api-error.js';
import { engineErrorStatus, runtimeErrors, type RuntimeErrorCode } from '../errors/catalog.js';
import { describeAjvErrors } from '../forms/form-errors.js';
import { frameworkDetails } from './framework-errors.js';
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

  app.setNotFoundHandler(sendRouteNotFound);
}

/** The 404 of an address nothing answers (also the web apps' for a file they do not have). */
export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply) {
  const locale = localeOf(request);
  const text = runtimeErrors.TB_ROUTE_NOT_FOUND.message[locale]
    .replace('{method}', request.method)
    .replace('{url}', request.url.split('?')[0] ?? '');
  return reply
    .status(404)
    .send({ error: 'TB_ROUTE_NOT_FOUND', message: text, details: [] } satisfies ErrorBody);
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
    const details = describeAjvErrors(fastifyError.validation as unknown as ErrorObject[], {
      prefix: `/${part}`,
      root: partNames[part] ?? partNames.body,
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
  request.log.info({ code: fastifyError.code }, fastifyError.message);
  const text = runtimeErrors[code].message;
  const limit = request.routeOptions.config?.sizeLimit ?? request.routeOptions.bodyLimit ?? 0;
  const type = request.headers['content-type'] || (locale === 'en' ? '(none given)' : '（未注明）');
  const message = say(text, locale)
    .replace('{limit}', sizeOf(limit))
    .replace('{type}', String(type))
    .replace('{seconds}', String(reply.getHeader('retry-after') ?? 60));
  return send(status, code, message, frameworkDetails(fastifyError));
}

/** 256 KB, 1 MB, 10 MB. */
const sizeOf = (bytes: number): string =>
  bytes < 1048576 ? `${Math.round(bytes / 1024)} KB` : `${Number((bytes / 1048576).toFixed(1))} MB`;

/** What a problem with a whole part of the request (not one of its fields) calls that part. */
const partNames: Record<string, LocalizedText> = {
  body: { 'zh-CN': '请求内容', en: 'the request body' },
  querystring: { 'zh-CN': '查询参数', en: 'the query string' },
  params: { 'zh-CN': '网址参数', en: 'the path parameters' },
  headers: { 'zh-CN': '请求头', en: 'the headers' },
};

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
