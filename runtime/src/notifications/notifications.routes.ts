import { and, desc, eq, inArray, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LocalizedText } from '@tongban/engine';
import type { Runtime } from '../runtime.js';
import type { Actor } from '../auth/actor.js';
import { cases, notifications } from '../db/schema.js';
import { signedIn } from '../http/auth-hook.js';
import { notFound } from '../errors/api-error.js';
import { localeOf } from '../http/locale.js';
import { momentCursor, readMomentCursor } from '../http/cursor.js';
import { withIsoMoments } from '../cases/timeline.js';
import {
  anyObject,
  cursorQuery,
  idParams,
  instant,
  listOf,
  nullable,
  responses,
  uuidParam,
} from '../http/schemas.js';
import { noticeText } from './notification-text.js';

const notificationTitle = { 'zh-CN': '通知', en: 'notification' };

const notificationJson = {
  type: 'object',
  required: ['id', 'caseId', 'taskId', 'recipient', 'template', 'text', 'data', 'createdAt', 'readAt'],
  properties: {
    id: uuidParam,
    caseId: nullable(uuidParam),
    taskId: nullable(uuidParam),
    recipient: { type: 'string' },
    template: { type: 'string' },
    /** What it says, in the caller's language (Accept-Language; zh-CN unless English is asked for). */
    text: { type: 'string' },
    data: anyObject,
    createdAt: instant,
    readAt: nullable(instant),
  },
  additionalProperties: false,
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

const noticeColumns = {
  id: notifications.id,
  caseId: notifications.caseId,
  taskId: notifications.taskId,
  recipient: notifications.recipient,
  template: notifications.template,
  data: notifications.data,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
  caseTitle: cases.title,
};
type NoticeRow = typeof notifications.$inferSelect & { caseTitle: LocalizedText | null };

/** A notification as the API gives it: its words in the caller's language, its moments in ISO 8601. */
function noticeView(request: FastifyRequest, { caseTitle, ...row }: NoticeRow) {
  return {
    ...row,
    text: noticeText({ template: row.template, data: row.data, caseTitle }, localeOf(request)),
    data: withIsoMoments(row.data),
  };
}

/** In-app notices: what the signed-in user (and their departments) have been told, newest first. */
export async function notificationRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const read = (where: SQL | undefined) =>
    runtime.db
      .select(noticeColumns)
      .from(notifications)
      .leftJoin(cases, eq(cases.id, notifications.caseId))
      .where(where);

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary:
          "The signed-in user's notifications, and their departments', newest first, each with its text in the caller's language",
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
            cursor: cursorQuery,
            // true: only unread ones; false: only read ones; absent: all
            unread: { type: 'boolean' },
          },
          additionalProperties: false,
        },
        response: responses({ 200: listOf(notificationJson) }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { limit, unread, cursor } = request.query as { limit: number; unread?: boolean; cursor?: string };
      const last = cursor === undefined ? undefined : readMomentCursor(cursor);
      const rows = await read(
        and(
          inArray(notifications.recipient, recipientsOf(actor)),
          unread === undefined
            ? undefined
            : unread
              ? isNull(notifications.readAt)
              : isNotNull(notifications.readAt),
          last === undefined
            ? undefined
            : or(
                lt(notifications.createdAt, last.at),
                and(eq(notifications.createdAt, last.at), lt(notifications.id, last.id)),
              ),
        ),
      )
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit + 1);
      const items = rows.slice(0, limit);
      const end = items[items.length - 1];
      return {
        items: items.map((row) => noticeView(request, row)),
        nextCursor: rows.length > limit && end ? momentCursor(end.createdAt, end.id) : null,
      };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark a notification read (it keeps the first time it was read)',
        params: idParams,
        response: responses({ 200: notificationJson }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      const mine = and(eq(notifications.id, id), inArray(notifications.recipient, recipientsOf(actor)));
      await runtime.db
        .update(notifications)
        .set({ readAt: runtime.clock() })
        .where(and(mine, isNull(notifications.readAt)));
      // read now, already read, or not the actor's to see
      const [seen] = await read(mine);
      if (!seen) throw notFound(notificationTitle);
      return noticeView(request, seen);
    },
  );
}
