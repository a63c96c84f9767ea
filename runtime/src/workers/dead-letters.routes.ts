import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { deadLetters, outbox } from '../db/schema.js';
import { requireRole } from '../http/auth-hook.js';
import { ApiError, notFound } from '../errors/api-error.js';
import { instant, listOf, nullable, responses } from '../http/schemas.js';

const deadLetterTitle = { 'zh-CN': '失败任务', en: 'dead letter' };

const deadLetterParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } },
  additionalProperties: false,
} as const;

const deadLetterJson = {
  type: 'object',
  required: ['id', 'queue', 'jobId', 'name', 'data', 'error', 'attempts', 'failedAt', 'retriedAt'],
  properties: {
    id: { type: 'integer' },
    queue: { type: 'string' },
    jobId: { type: 'string' },
    name: { type: 'string' },
    data: { type: 'object', additionalProperties: true },
    error: { type: 'string' },
    attempts: { type: 'integer' },
    failedAt: instant,
    retriedAt: nullable(instant),
  },
} as const;

/** Jobs that failed every try (administrators): read them, and send one again once its cause is fixed. */
export async function deadLetterRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.get(
    '/admin/dead-letters',
    {
      schema: {
        tags: ['admin'],
        summary: 'Dead letters not yet sent again, newest first (admin)',
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            cursor: { type: 'string', pattern: '^[1-9][0-9]{0,15}$' },
          },
          additionalProperties: false,
        },
        response: responses({ 200: listOf(deadLetterJson) }),
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const { limit, cursor } = request.query as { limit: number; cursor?: string };
      // ids grow as letters are written, so the newest first is the highest id first, and the cursor
      // is the last id shown
      const rows = await runtime.db
        .select()
        .from(deadLetters)
        .where(
          and(
            isNull(deadLetters.retriedAt),
            cursor === undefined ? undefined : lt(deadLetters.id, Number(cursor)),
          ),
        )
        .orderBy(desc(deadLetters.id))
        .limit(limit + 1);
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? String(last.id) : null };
    },
  );

  app.post(
    '/admin/dead-letters/:id/retry',
    {
      schema: {
        tags: ['admin'],
        summary: 'Send a dead letter again as a new job; it leaves the open list (admin)',
        params: deadLetterParams,
        response: responses({ 200: deadLetterJson }),
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const { id } = request.params as { id: number };
      // claimed and handed to the outbox in one transaction: two administrators retrying at once send
      // it once, and whichever process relays the queue sends it, now or when the queue is back
      const claimed = await runtime.db.transaction(async (tx) => {
        const [letter] = await tx
          .update(deadLetters)
          .set({ retriedAt: runtime.clock() })
          .where(and(eq(deadLetters.id, id), isNull(deadLetters.retriedAt)))
          .returning();
        if (!letter) return undefined;
        await tx.insert(outbox).values({
          topic: 'job.retry',
          payload: {
            queue: letter.queue,
            name: letter.name,
            id: `${letter.jobId}.retry${runtime.clock().getTime()}`,
            data: letter.data,
          },
        });
        return letter;
      });
      if (!claimed) {
        const [existing] = await runtime.db
          .select({ id: deadLetters.id })
          .from(deadLetters)
          .where(eq(deadLetters.id, id));
        throw existing ? new ApiError('TB_DEAD_LETTER_RETRIED') : notFound(deadLetterTitle);
      }
      runtime.relay.kick();
      return claimed;
    },
  );
}
