import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import type { Actor } from '../auth/actor.js';
import { notifications } from '../db/schema.js';
import { signedIn } from '../http/auth-hook.js';
import { notFound } from '../errors/api-error.js';
import { errorResponse } from '../http/error-handler.js';
import { idParams, uuidParam } from '../http/schemas.js';

const notificationTitle = { 'zh-CN': '通知', en: 'notification' };
const instant = { type: 'string', format: 'date-time' } as const;
const nullable = <T extends object>(schema: T) => ({ anyOf: [schema, { type: 'null' }] }) as const;

const notificationJson = {
  type: 'object',
  required: ['id', 'caseId', 'taskId', 'recipient', 'template', 'data', 'createdAt', 'readAt'],
  properties: {
    id: uuidParam,
    caseId: nullable(uuidParam),
    taskId: nullable(uuidParam),
    recipient: { type: 'string' },
    template: { type: 'string' },
    data: { type: 'object', additionalProperties: true },
    createdAt: instant,
    readAt: nullable(instant),
  },
} as const;

/**
 * Whom a notification addressed to the actor names: the user, each department they work in, and each
 * department they supervise (as its supervisors). Department notices are shared: one reader marks them read.
 */
export function recipientsOf(actor: Actor): string[] {
  return [
    `user:${actor.userId}`,
    ...[...actor.workDepartments].map((code) => `department:${code}`),
    ...[...actor.supervisedDepartments].map((code) => `supervisors:${code}`),
  ];
}

/** In-app notices: what the signed-in user (and their departments) have been told, newest first. */
export async function notificationRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: "The signed-in user's notifications, and their departments', newest first",
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
            // true: only unread ones; false: only read ones; absent: all
            unread: { type: 'boolean' },
          },
          additionalProperties: false,
        },
        response: { 200: { type: 'array', items: notificationJson }, '4xx': errorResponse },
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { limit, unread } = request.query as { limit: number; unread?: boolean };
      return runtime.db
        .select()
        .from(notifications)
        .where(
          and(
            inArray(notifications.recipient, recipientsOf(actor)),
            unread === undefined
              ? undefined
              : unread
                ? isNull(notifications.readAt)
                : isNotNull(notifications.readAt),
          ),
        )
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit);
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark a notification read (it keeps the first time it was read)',
        params: idParams,
        response: { 200: notificationJson, '4xx': errorResponse },
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      const mine = and(eq(notifications.id, id), inArray(notifications.recipient, recipientsOf(actor)));
      const [read] = await runtime.db
        .update(notifications)
        .set({ readAt: runtime.clock() })
        .where(and(mine, isNull(notifications.readAt)))
        .returning();
      if (read) return read;
      // already read, or not the actor's to see
      const [seen] = await runtime.db.select().from(notifications).where(mine);
      if (!seen) throw notFound(notificationTitle);
      return seen;
    },
  );
}
