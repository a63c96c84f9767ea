import type { FastifyInstance } from 'fastify';
import { priorities, type Priority } from '@tongban/engine';
import type { Runtime } from '../runtime.js';
import { signedIn } from '../http/auth-hook.js';
import { ApiError } from '../errors/api-error.js';
import { departmentCode, formData, idParams, listOf, reason, responses } from '../http/schemas.js';
import { inboxTaskJson, outcomeResultJson, priorityResultJson, taskJson } from './task.schemas.js';
import { taskView, type InboxQuery, type OutcomeInput } from './task.service.js';

const outcomeKey = { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9_-]{0,49}$' } as const;

export async function taskRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.get(
    '/tasks/inbox',
    {
      schema: {
        tags: ['tasks'],
        summary:
          "A department's tasks, or those of every department I work in when none is named, sorted by due time, with keyset pagination",
        querystring: {
          type: 'object',
          properties: {
            department: departmentCode,
            status: { enum: ['open', 'waiting', 'completed', 'cancelled'] },
            overdue: { type: 'boolean' },
            dueBefore: { type: 'string', format: 'date-time' },
            matter: { type: 'string', maxLength: 100 },
            assignee: { anyOf: [{ enum: ['me', 'none'] }, { type: 'string', format: 'uuid' }] },
            cursor: { type: 'string', maxLength: 200 },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
          },
          additionalProperties: false,
        },
        response: responses({ 200: listOf(inboxTaskJson) }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const query = request.query as Omit<InboxQuery, 'dueBefore'> & { dueBefore?: string };
      if (query.department !== undefined && !runtime.directory.has(query.department))
        throw new ApiError('TB_REQUEST_INVALID', {}, [
          {
            path: '/department',
            message: {
              'zh-CN': `部门“${query.department}”不存在`,
              en: `no department "${query.department}"`,
            },
          },
        ]);
      return runtime.tasks.inbox(actor, {
        ...query,
        dueBefore: query.dueBefore === undefined ? undefined : new Date(query.dueBefore),
      });
    },
  );

  app.get(
    '/tasks/:id',
    {
      schema: {
        tags: ['tasks'],
        summary: 'One task',
        params: idParams,
        response: responses({ 200: taskJson }),
      },
    },
    async (request) =>
      taskView(await runtime.tasks.get(signedIn(request), (request.params as { id: string }).id)),
  );

  app.post(
    '/tasks/:id/claim',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Take a task from the shared inbox',
        params: idParams,
        response: responses({ 200: taskJson }),
      },
    },
    async (request) =>
      taskView(await runtime.tasks.claim(signedIn(request), (request.params as { id: string }).id)),
  );

  app.post(
    '/tasks/:id/release',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Put a claimed task back',
        params: idParams,
        response: responses({ 200: taskJson }),
      },
    },
    async (request) =>
      taskView(await runtime.tasks.release(signedIn(request), (request.params as { id: string }).id)),
  );

  const act = (
    path: string,
    summary: string,
    body: object,
    toInput: (body: Record<string, unknown>) => OutcomeInput,
  ) =>
    app.post(
      path,
      {
        schema: {
          tags: ['tasks'],
          summary,
          params: idParams,
          body,
          response: responses({ 200: outcomeResultJson }),
        },
      },
      async (request) =>
        runtime.tasks.complete(
          signedIn(request),
          (request.params as { id: string }).id,
          toInput(request.body as Record<string, unknown>),
        ),
    );

  act(
    '/tasks/:id/complete',
    'Give an outcome, with the task form data',
    {
      type: 'object',
      required: ['outcome'],
      properties: { outcome: outcomeKey, data: formData, reason },
      additionalProperties: false,
    },
    (body) => body as unknown as OutcomeInput,
  );
  act(
    '/tasks/:id/transfer',
    'Transfer to another department (转办), with a reason',
    {
      type: 'object',
      required: ['toDepartment', 'reason'],
      properties: { toDepartment: departmentCode, reason },
      additionalProperties: false,
    },
    (body) => ({
      outcome: 'transfer',
      toDepartment: body.toDepartment as string,
      reason: body.reason as string,
    }),
  );
  act(
    '/tasks/:id/return',
    'Return to the earlier step (退回), with a reason',
    { type: 'object', required: ['reason'], properties: { reason }, additionalProperties: false },
    (body) => ({ outcome: 'return', reason: body.reason as string }),
  );
  act(
    '/tasks/:id/request-supplements',
    'Ask the applicant, once, for exactly what is missing (补正); the clock pauses',
    {
      type: 'object',
      required: ['items', 'reason'],
      properties: {
        items: {
          type: 'array',
          minItems: 1,
          maxItems: 50,
          items: { type: 'string', minLength: 1, maxLength: 500 },
        },
        reason,
      },
      additionalProperties: false,
    },
    (body) => ({
      outcome: 'requestSupplement',
      items: body.items as string[],
      reason: body.reason as string,
    }),
  );

  app.post(
    '/tasks/:id/priority',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Change priority (supervisor); a tiered SLA may change with it',
        params: idParams,
        body: {
          type: 'object',
          required: ['priority'],
          properties: { priority: { enum: priorities } },
          additionalProperties: false,
        },
        response: responses({ 200: priorityResultJson }),
      },
    },
    async (request) =>
      runtime.tasks.setPriority(
        signedIn(request),
        (request.params as { id: string }).id,
        (request.body as { priority: Priority }).priority,
      ),
  );
}
