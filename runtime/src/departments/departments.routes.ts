import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/database.js';
import { requireRole, signedIn } from '../http/auth-hook.js';
import { anyObject, listOf, localizedTextJson, nullable, responses, wholeList } from '../http/schemas.js';

const departmentJson = {
  type: 'object',
  required: ['code', 'parent', 'level', 'title', 'calendar', 'dispatch'],
  properties: {
    code: { type: 'string' },
    parent: nullable({ type: 'string' }),
    level: { type: 'string' },
    title: localizedTextJson,
    calendar: nullable({ type: 'string' }),
    dispatch: nullable(anyObject),
  },
  additionalProperties: false,
} as const;

const bouncesJson = {
  type: 'object',
  required: ['department', 'transfers', 'returns'],
  properties: {
    department: { type: 'string' },
    transfers: { type: 'integer' },
    returns: { type: 'integer' },
  },
  additionalProperties: false,
} as const;

export async function departmentRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.get(
    '/departments',
    {
      schema: {
        tags: ['departments'],
        summary: 'The department tree (departments are published as definitions)',
        response: responses({ 200: listOf(departmentJson) }),
      },
    },
    async (request) => {
      signedIn(request);
      return wholeList(runtime.directory.all());
    },
  );

  app.get(
    '/departments/bounces',
    {
      schema: {
        tags: ['departments'],
        summary:
          'Transfers (转办) and returns (退回) counted against the department that bounced the task, from the audit chain',
        querystring: {
          type: 'object',
          properties: {
            since: { type: 'string', format: 'date-time' },
            until: { type: 'string', format: 'date-time' },
          },
          additionalProperties: false,
        },
        response: responses({ 200: listOf(bouncesJson) }),
      },
    },
    async (request) => {
      const actor = requireRole(request, 'admin', 'supervisor');
      const { since, until } = request.query as { since?: string; until?: string };
      // first receiver responsible: whoever hands a task on, or sends it back, answers for it
      const rows = rowsOf<{ department: string; transfers: number; returns: number }>(
        await runtime.db.execute(sql`
          select department, count(*) filter (where kind = 'transfer')::int as transfers,
                 count(*) filter (where kind = 'return')::int as returns
          from (
            select data->>'from' as department, 'transfer' as kind from audit_events
            where action = 'task.transfer'
              and at >= ${since ?? '-infinity'}::timestamptz and at < ${until ?? 'infinity'}::timestamptz
            union all
            select data->>'department', 'return' from audit_events
            where action = 'task.closed' and data->>'outcome' = 'return'
              and at >= ${since ?? '-infinity'}::timestamptz and at < ${until ?? 'infinity'}::timestamptz
          ) bounced
          where department is not null
          group by department
          order by department`),
      );
      // supervisors see the departments they watch
      return wholeList(rows.filter((row) => actor.isAdmin || actor.sees(row.department)));
    },
  );
}
