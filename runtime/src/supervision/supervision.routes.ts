import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { signedIn } from '../http/auth-hook.js';
import { visibilities, type Visibility } from '../db/schema.js';
import { ApiError } from '../errors/api-error.js';
import {
  departmentCode,
  idParams,
  instant,
  listOf,
  nullable,
  reason,
  responses,
  uuidParam,
  wholeList,
} from '../http/schemas.js';
import type { FixedSla } from './respond-limit.js';

/** A supervision order as the API returns it. */
export const orderJson = {
  type: 'object',
  required: ['id', 'caseId', 'taskId', 'department', 'openedBy', 'openedAt', 'respondBy', 'status'],
  properties: {
    id: uuidParam,
    caseId: uuidParam,
    taskId: nullable(uuidParam),
    department: { type: 'string' },
    openedBy: nullable(uuidParam),
    openedAt: instant,
    note: nullable({ type: 'string' }),
    respondBy: instant,
    response: nullable({ type: 'string' }),
    respondedAt: nullable(instant),
    status: { enum: ['open', 'answered', 'overdue'] },
  },
} as const;

/** A positive ISO 8601 duration in calendar time (P3D, PT4H, P1DT12H). */
const isoDuration = '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?!$)(\\d+H)?(\\d+M)?(\\d+S)?)?$';

/** How long the department has to answer: one of working days, working hours or calendar time. */
const respondWithin = {
  type: 'object',
  properties: {
    workingDays: { type: 'number', exclusiveMinimum: 0, maximum: 365 },
    workingHours: { type: 'number', exclusiveMinimum: 0, maximum: 2920 },
    duration: { type: 'string', maxLength: 40, pattern: isoDuration },
  },
  oneOf: [{ required: ['workingDays'] }, { required: ['workingHours'] }, { required: ['duration'] }],
  additionalProperties: false,
} as const;

/** Supervision orders (督办): opened on a task by its supervisors, answered in writing by its department. */
export async function supervisionRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.post(
    '/tasks/:id/supervise',
    {
      schema: {
        tags: ['supervision'],
        summary:
          'Open a supervision order (督办) on a task: its department must answer within a limit; internal to departments unless marked for the applicant',
        params: idParams,
        body: {
          type: 'object',
          required: ['note'],
          properties: { note: reason, respondWithin, visibility: { enum: visibilities } },
          additionalProperties: false,
        },
        response: responses({ 201: orderJson }),
      },
    },
    async (request, reply) => {
      const body = request.body as { note: string; respondWithin?: FixedSla; visibility?: Visibility };
      const order = await runtime.supervision.open(
        signedIn(request),
        (request.params as { id: string }).id,
        body,
      );
      reply.status(201);
      return order;
    },
  );

  app.post(
    '/supervision-orders/:id/respond',
    {
      schema: {
        tags: ['supervision'],
        summary: "Answer a supervision order in writing (the order's department or its supervisors)",
        params: idParams,
        body: {
          type: 'object',
          required: ['response'],
          properties: { response: { type: 'string', minLength: 1, maxLength: 5000 } },
          additionalProperties: false,
        },
        response: responses({ 200: orderJson }),
      },
    },
    async (request) =>
      runtime.supervision.respond(
        signedIn(request),
        (request.params as { id: string }).id,
        (request.body as { response: string }).response,
      ),
  );

  app.get(
    '/supervision-orders',
    {
      schema: {
        tags: ['supervision'],
        summary: "A department's supervision orders, open ones first by their limit",
        querystring: {
          type: 'object',
          required: ['department'],
          properties: { department: departmentCode },
          additionalProperties: false,
        },
        response: responses({ 200: listOf(orderJson) }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { department } = request.query as { department: string };
      if (!runtime.directory.has(department))
        throw new ApiError('TB_REQUEST_INVALID', {}, [
          {
            path: '/department',
            message: { 'zh-CN': `部门“${department}”不存在`, en: `no department "${department}"` },
          },
        ]);
      return wholeList(await runtime.supervision.list(actor, department));
    },
  );
}
