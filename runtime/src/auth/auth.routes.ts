import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { SESSION_COOKIE, signedIn } from '../http/auth-hook.js';

export async function authRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.post(
    '/auth/login',
    {
      config: {
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          // after the body is parsed, so the key has the user name (on onRequest every name shared one key)
          hook: 'preHandler',
          keyGenerator: (request) =>
            `${request.ip}:${String((request.body as { username?: unknown } | undefined)?.username ?? '')}`,
        },
      },
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
      },
    },
    async (request, reply) => {
      const { username, password } = request.body as { username: string; password: string };
      const { token, actor, expiresAt } = await runtime.auth.login(username, password);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: runtime.config.secureCookies,
        path: '/',
        expires: expiresAt,
      });
      return actor.toJSON();
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await runtime.auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/auth/me', { schema: { tags: ['auth'], summary: 'Who is signed in' } }, async (request) =>
    signedIn(request).toJSON(),
  );
}
