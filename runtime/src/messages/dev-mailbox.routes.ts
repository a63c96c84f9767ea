import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { devMailbox } from '../db/schema.js';
import { sendRouteNotFound } from '../http/error-handler.js';
import { instant, listOf, responses, uuidParam, wholeList } from '../http/schemas.js';
import { mobilePhoneJson, phoneKeyOf } from './phone-number.js';

const mailJson = {
  type: 'object',
  required: ['id', 'to', 'text', 'createdAt'],
  properties: {
    id: uuidParam,
    /** The number masked (`138****8000`): the mailbox keeps only its keyed hash besides. */
    to: { type: 'string' },
    text: { type: 'string' },
    createdAt: instant,
  },
  additionalProperties: false,
} as const;

/**
 * The development mailbox (decision 0023): the text messages the `log` channel sent, newest first, so a
 * developer and the browser tests can read a sign-in code. Only where the mailbox is on (the embedded mode
 * without an SMS webhook, or TONGBAN_DEV_MAILBOX=true); elsewhere the route answers as if it did not exist.
 */
export async function devMailboxRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.get(
    '/dev/mailbox',
    {
      // `?to=` holds a phone number in clear: the request's URL stays out of the info-level request log
      logLevel: 'warn',
      schema: {
        tags: ['development'],
        summary:
          'Recent text messages of the development mailbox, newest first (only when it is on: the embedded mode without an SMS webhook; 404 otherwise)',
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            /** Only the messages sent to this number. */
            to: mobilePhoneJson,
          },
          additionalProperties: false,
        },
        response: responses({ 200: listOf(mailJson) }),
      },
    },
    async (request, reply) => {
      if (!runtime.config.devMailbox) return sendRouteNotFound(request, reply);
      const { limit, to } = request.query as { limit: number; to?: string };
      const rows = await runtime.db
        .select({
          id: devMailbox.id,
          to: devMailbox.toMasked,
          text: devMailbox.text,
          createdAt: devMailbox.createdAt,
        })
        .from(devMailbox)
        .where(to === undefined ? undefined : eq(devMailbox.toKey, phoneKeyOf(runtime.audit.key, to)))
        .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
        .limit(limit);
      return wholeList(rows);
    },
  );
}
