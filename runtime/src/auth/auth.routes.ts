import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Runtime } from '../runtime.js';
import { SESSION_COOKIE, signedIn } from '../http/auth-hook.js';
import { addressOf, perMinute } from '../http/limits.js';
import { responses, uuidParam } from '../http/schemas.js';
import { roles } from '../db/schema.js';
import type { OpenedSession } from './auth.service.js';

/** Who is signed in: the account and its memberships. */
export const accountJson = {
  type: 'object',
  required: ['id', 'username', 'displayName', 'roles', 'memberships'],
  properties: {
    id: uuidParam,
    username: { type: 'string' },
    displayName: { type: 'string' },
    roles: { type: 'array', items: { enum: roles } },
    memberships: {
      type: 'array',
      items: {
        type: 'object',
        required: ['department', 'role'],
        properties: { department: { type: 'string' }, role: { enum: roles } },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

const okJson = {
  type: 'object',
  required: ['ok'],
  properties: { ok: { type: 'boolean' } },
  additionalProperties: false,
} as const;

/** The session cookie of a sign-in, whichever way it was made (a password, a phone code). */
export function setSessionCookie(reply: FastifyReply, runtime: Runtime, session: OpenedSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: runtime.config.secureCookies,
    path: '/',
    expires: session.expiresAt,
  });
}

export async function authRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  // one address trying many names, and many addresses trying one name: each has a limit of its own
  const perAddress = perMinute(app, 'login-address', runtime.config.loginsPerAddressPerMinute, addressOf);
  const perName = perMinute(app, 'login-name', runtime.config.loginsPerNamePerMinute, (request) =>
    String((request.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase(),
  );
  app.post(
    '/auth/login',
    {
      // the address before the body is even read; the name once it is
      onRequest: perAddress,
      preHandler: perName,
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a local account; sets an HTTP-only session cookie',
        body: {
          type: 'object',
          required: ['username', 'password'],
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 100 },
            password: { type: 'string', minLength: 1, maxLength: 200 },
          },
          additionalProperties: false,
        },
        response: responses({ 200: accountJson }),
      },
    },
    async (request, reply) => {
      const { username, password } = request.body as { username: string; password: string };
      const session = await runtime.auth.login(username, password);
      setSessionCookie(reply, runtime, session);
      return session.actor.toJSON();
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out', response: responses({ 200: okJson }) } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await runtime.auth.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'Who is signed in', response: responses({ 200: accountJson }) } },
    async (request) => signedIn(request).toJSON(),
  );

  app.get(
    '/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary:
          'The session of this browser: who is signed in, or `user: null` (not an error: a page asks before anyone signs in)',
        response: responses({
          200: {
            type: 'object',
            required: ['user'],
            properties: { user: { anyOf: [accountJson, { type: 'null' }] } },
            additionalProperties: false,
          },
        }),
      },
    },
    async (request) => ({ user: request.actor ? request.actor.toJSON() : null }),
  );
}
