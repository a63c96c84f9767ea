import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Runtime } from '../runtime.js';
import { addressOf, perMinute } from '../http/limits.js';
import { localeOf } from '../http/locale.js';
import { responses } from '../http/schemas.js';
import { mobilePhoneJson, phoneKeyOf } from '../messages/phone-number.js';
import { accountJson, setSessionCookie } from './auth.routes.js';
import { RetryLater } from './phone-sign-in.service.js';

const phoneBody = {
  type: 'object',
  required: ['phone'],
  properties: { phone: mobilePhoneJson },
  additionalProperties: false,
} as const;

const signInBody = {
  type: 'object',
  required: ['phone', 'code'],
  properties: { phone: mobilePhoneJson, code: { type: 'string', pattern: '^[0-9]{6}$' } },
  additionalProperties: false,
} as const;

const issuedJson = {
  type: 'object',
  required: ['expiresInSeconds', 'resendInSeconds'],
  properties: {
    expiresInSeconds: { type: 'integer', minimum: 1 },
    resendInSeconds: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
} as const;

/** Sign-in by mobile number and one-time code (decision 0023). */
export async function phoneSignInRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const codes = runtime.config.phoneCodes;
  // limits count a number by its keyed hash: a counter's key is logged when it is exceeded
  const phoneOf = (request: FastifyRequest) => {
    const phone = (request.body as { phone?: unknown } | undefined)?.phone;
    return typeof phone === 'string' ? phoneKeyOf(runtime.audit.key, phone) : '';
  };
  const codesPerAddress = perMinute(app, 'phone-code-address', codes.perAddressPerMinute, addressOf);
  const codesPerPhone = perMinute(app, 'phone-code-phone', codes.perPhonePerMinute, phoneOf);
  const signInsPerAddress = perMinute(
    app,
    'phone-sign-in-address',
    runtime.config.loginsPerAddressPerMinute,
    addressOf,
  );
  const signInsPerPhone = perMinute(
    app,
    'phone-sign-in-phone',
    runtime.config.loginsPerNamePerMinute,
    phoneOf,
  );

  app.post(
    '/auth/phone-codes',
    {
      onRequest: codesPerAddress,
      preHandler: codesPerPhone,
      schema: {
        tags: ['auth'],
        summary:
          'Send a one-time sign-in code to a mainland mobile number. The answer is the same whether or not the number has an account, and never holds the code',
        body: phoneBody,
        response: responses({ 202: issuedJson }),
      },
    },
    async (request, reply) => {
      const { phone } = request.body as { phone: string };
      try {
        const issued = await runtime.phoneSignIn.issue(phone, localeOf(request));
        return reply.status(202).send(issued);
      } catch (error) {
        if (error instanceof RetryLater) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
    },
  );

  app.post(
    '/auth/phone-sign-in',
    {
      onRequest: signInsPerAddress,
      preHandler: signInsPerPhone,
      schema: {
        tags: ['auth'],
        summary:
          "Sign in with a mobile number and the code sent to it; the number's first sign-in makes a resident account. Sets the session cookie as /auth/login does",
        body: signInBody,
        response: responses({ 200: accountJson }),
      },
    },
    async (request, reply) => {
      const { phone, code } = request.body as { phone: string; code: string };
      const session = await runtime.phoneSignIn.signIn(phone, code);
      setSessionCookie(reply, runtime, session);
      return session.actor.toJSON();
    },
  );
}
