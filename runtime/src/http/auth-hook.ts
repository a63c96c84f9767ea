import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../auth/actor.js';
import type { AuthService } from '../auth/auth.service.js';
import type { Role } from '../db/schema.js';
import { ApiError, forbidden } from '../errors/api-error.js';

export const SESSION_COOKIE = 'tb_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Reads the session cookie on every request; routes then ask `signedIn(request)` or `requireRole(...)`. */
export const authHook = fp(async (app: FastifyInstance, options: { auth: AuthService }) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await options.auth.actorForToken(token) : null;
  });
});

export function signedIn(request: FastifyRequest): Actor {
  if (!request.actor) throw new ApiError('TB_UNAUTHENTICATED');
  return request.actor;
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): Actor {
  const actor = signedIn(request);
  if (!actor.isAdmin && !roles.some((role) => actor.has(role))) throw forbidden();
  return actor;
}
