import { and, eq, inArray, ne } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import type { Actor } from '../auth/actor.js';
import { memberships, users } from '../db/schema.js';
import { signedIn } from '../http/auth-hook.js';
import { ApiError, forbidden } from '../errors/api-error.js';
import { departmentCode, instant, nullable, responses, uuidParam } from '../http/schemas.js';

/** Only someone who works a department's queue is given tasks, and so has duty and a deputy. */
function worker(actor: Actor): Actor {
  if (actor.workDepartments.size === 0) throw forbidden();
  return actor;
}

/** The signed-in user's own availability: a deputy while away, and duty per department. */
export async function meRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.put(
    '/me/deputy',
    {
      schema: {
        tags: ['me'],
        summary:
          'Name a deputy for an absence: while away, tasks dispatched to you go to them (null clears either)',
        body: {
          type: 'object',
          required: ['deputyId', 'awayUntil'],
          properties: { deputyId: nullable(uuidParam), awayUntil: nullable(instant) },
          additionalProperties: false,
        },
        response: responses({
          200: {
            type: 'object',
            required: ['deputyId', 'awayUntil'],
            properties: { deputyId: nullable(uuidParam), awayUntil: nullable(instant) },
            additionalProperties: false,
          },
        }),
      },
    },
    async (request) => {
      const actor = worker(signedIn(request));
      const body = request.body as { deputyId: string | null; awayUntil: string | null };
      if (body.deputyId !== null) await assertDeputy(runtime, actor, body.deputyId);
      const awayUntil = body.awayUntil === null ? null : new Date(body.awayUntil);
      const [updated] = await runtime.db
        .update(users)
        .set({ deputyId: body.deputyId, awayUntil })
        .where(eq(users.id, actor.userId))
        .returning({ deputyId: users.deputyId, awayUntil: users.awayUntil });
      return updated;
    },
  );

  app.put(
    '/me/duty',
    {
      schema: {
        tags: ['me'],
        summary: 'Go on or off duty in a department you work in (off duty: no tasks from automatic dispatch)',
        body: {
          type: 'object',
          required: ['department', 'onDuty'],
          properties: { department: departmentCode, onDuty: { type: 'boolean' } },
          additionalProperties: false,
        },
        response: responses({
          200: {
            type: 'object',
            required: ['department', 'onDuty'],
            properties: { department: { type: 'string' }, onDuty: { type: 'boolean' } },
            additionalProperties: false,
          },
        }),
      },
    },
    async (request) => {
      const actor = worker(signedIn(request));
      const { department, onDuty } = request.body as { department: string; onDuty: boolean };
      if (!runtime.directory.has(department))
        throw new ApiError('TB_REQUEST_INVALID', {}, [
          {
            path: '/department',
            message: { 'zh-CN': `部门“${department}”不存在`, en: `no department "${department}"` },
          },
        ]);
      if (!actor.workDepartments.has(department)) throw forbidden();
      await runtime.db
        .update(memberships)
        .set({ onDuty })
        .where(
          and(
            eq(memberships.userId, actor.userId),
            eq(memberships.department, department),
            ne(memberships.role, 'resident'),
          ),
        );
      return { department, onDuty };
    },
  );
}

/** A deputy is someone else, with an active account, who works in one of the actor's departments. */
async function assertDeputy(runtime: Runtime, actor: Actor, deputyId: string): Promise<void> {
  const refuse = (zh: string, en: string) =>
    new ApiError('TB_DEPUTY_INVALID', {}, [{ path: '/deputyId', message: { 'zh-CN': zh, en } }]);
  if (deputyId === actor.userId) throw refuse('不能指定自己为代理人', 'you cannot be your own deputy');
  const rows = await runtime.db
    .select({ disabled: users.disabled, department: memberships.department })
    .from(users)
    .leftJoin(
      memberships,
      and(
        eq(memberships.userId, users.id),
        inArray(memberships.department, [...actor.workDepartments]),
        ne(memberships.role, 'resident'),
      ),
    )
    .where(eq(users.id, deputyId));
  // one answer whatever is wrong, so the call does not tell which ids are accounts
  if (rows.length === 0 || rows.some((row) => row.disabled) || !rows.some((row) => row.department !== null))
    throw refuse(
      '代理人须是与您在同一部门工作、账号有效的人员',
      'the deputy must have an active account and work in one of your departments',
    );
}
