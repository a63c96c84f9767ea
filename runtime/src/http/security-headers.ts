import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { runtimeErrors } from '../errors/catalog.js';

/**
 * Every response says `X-Content-Type-Options: nosniff`: a browser takes the declared type (JSON, a PDF
 * download) and never guesses a page to run from the bytes. `onSend` runs for answers, errors, 404s and
 * the docs alike.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });
}

/**
 * Errors Fastify answers before routing (an undecodable URL) skip the hooks: the header is set here.
 */
export function withSecurityHeaders<Args extends [unknown, unknown, FastifyReply]>(
  handler: (...args: Args) => unknown,
): (...args: Args) => unknown {
  return (...args) => {
    args[2].header('x-content-type-options', 'nosniff');
    return handler(...args);
  };
}

/**
 * The answer to a request Node's HTTP parser cannot read (it never reaches Fastify's hooks): the same
 * header and error shape as any other, then the connection is closed (Fastify's `clientErrorHandler`).
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = JSON.stringify({
    error: 'TB_REQUEST_INVALID',
    message: runtimeErrors.TB_REQUEST_INVALID.message['zh-CN'],
    details: [],
  });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Content-Type-Options: nosniff\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}

/**
 * The Content-Security-Policy of the web apps (docs/decisions/0020-one-origin.md): everything from this
 * origin only, no framing. 'unsafe-eval' because ajv compiles a form's JSON Schema into a function in the
 * browser (the one validator configuration of decision 0014); 'unsafe-inline' styles because Mantine sets
 * style attributes and its CSS variables in a <style> element. Scripts stay 'self': no inline script.
 */
export const webAppContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Headers on every response of the web apps (pages, assets, the page saying they are not built). */
export const webAppSecurityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': webAppContentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  // case and task ids appear in the apps' addresses: they never leave this origin in a Referer
  'referrer-policy': 'same-origin',
  // for browsers that predate frame-ancestors
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** Adds the web apps' headers to every response of the plugin it is installed in (an encapsulated one). */
export function installWebAppSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(webAppSecurityHeaders);
    return payload;
  });
}
