import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { requireRole, signedIn } from '../http/auth-hook.js';
import { cursorQuery, formData, idParams, listOf, reason, responses } from '../http/schemas.js';
import { caseJson, foundCaseJson, myCaseJson } from './case.schemas.js';
import { ApiError, forbidden, notFound } from '../errors/api-error.js';
import { assertFormData } from '../forms/form-validator.js';
import { caseAccess } from './case-access.js';
import { applicationFormOf, applicationPart } from './case-forms.js';
import type { StartCaseInput } from './case.service.js';

const limitQuery = { type: 'integer', minimum: 1, maximum: 100, default: 20 } as const;
const caseTitle = { 'zh-CN': '案件', en: 'case' };

export async function caseRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.post(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Apply: start a case of a matter (or a workflow) with the application form data',
        body: {
          type: 'object',
          required: ['data'],
          properties: {
            matter: { type: 'string', minLength: 1, maxLength: 100 },
            workflow: { type: 'string', minLength: 1, maxLength: 100 },
            data: formData,
          },
          additionalProperties: false,
        },
        response: responses({ 201: caseJson }),
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'resident', 'grid', 'staff');
      const row = await runtime.cases.start(actor, request.body as StartCaseInput);
      reply.status(201);
      return runtime.cases.get(actor, row.id);
    },
  );

  app.get(
    '/cases/mine',
    {
      schema: {
        tags: ['cases'],
        summary: 'My applications',
        querystring: {
          type: 'object',
          properties: { limit: limitQuery, cursor: cursorQuery },
          additionalProperties: false,
        },
        response: responses({ 200: listOf(myCaseJson) }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { limit, cursor } = request.query as { limit: number; cursor?: string };
      return runtime.cases.listMine(actor, limit, cursor);
    },
  );

  app.get(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Search the cases of the departments I work in or supervise',
        querystring: {
          type: 'object',
          properties: {
            status: { enum: ['active', 'done', 'cancelled'] },
            matter: { type: 'string', maxLength: 100 },
            openedBefore: { type: 'string', format: 'date-time' },
            cursor: cursorQuery,
            limit: limitQuery,
          },
          additionalProperties: false,
        },
        response: responses({ 200: listOf(foundCaseJson) }),
      },
    },
    async (request) => {
      const actor = requireRole(request, 'staff', 'supervisor');
      const query = request.query as {
        status?: string;
        matter?: string;
        openedBefore?: string;
        cursor?: string;
        limit: number;
      };
      return runtime.cases.search(actor, {
        ...query,
        openedBefore: query.openedBefore === undefined ? undefined : new Date(query.openedBefore),
      });
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary:
          'One case with its tasks and timeline; sensitive values are masked at every depth unless revealed by JSON pointer (each reveal is audited)',
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            // JSON pointers into the case data, e.g. /applicant/idNumber,/children/0/idNumber
            reveal: {
              type: 'string',
              pattern: '^(/[A-Za-z0-9_.~-]+)+(,(/[A-Za-z0-9_.~-]+)+)*$',
              maxLength: 1000,
            },
          },
          additionalProperties: false,
        },
        response: responses({ 200: caseJson }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { reveal } = request.query as { reveal?: string };
      return runtime.cases.get(actor, (request.params as { id: string }).id, reveal?.split(',') ?? []);
    },
  );

  app.post(
    '/cases/:id/cancel',
    {
      schema: {
        tags: ['cases'],
        summary: 'Withdraw an application (applicant) or cancel a case (admin)',
        params: idParams,
        body: { type: 'object', required: ['reason'], properties: { reason }, additionalProperties: false },
        response: responses({ 200: caseJson }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      const { reason: why } = request.body as { reason: string };
      await runtime.cases.command(
        actor,
        id,
        { type: 'case.cancel', reason: why, actor: actor.userId },
        async (row) => {
          const access = await caseAccess(runtime.db, actor, row);
          if (!access.read) throw notFound(caseTitle); // do not confirm that someone else's case exists
          if (!access.applicant && !actor.isAdmin) throw forbidden();
        },
      );
      return runtime.cases.get(actor, id);
    },
  );

  app.post(
    '/cases/:id/supplements',
    {
      schema: {
        tags: ['cases'],
        summary: 'Answer a request for supplements (applicant)',
        params: idParams,
        body: {
          type: 'object',
          required: ['data'],
          properties: { data: formData },
          additionalProperties: false,
        },
        response: responses({ 200: caseJson }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      const { data } = request.body as { data: Record<string, unknown> };
      await runtime.cases.command(
        actor,
        id,
        {
          type: 'supplement.provided',
          data,
          actor: actor.userId,
        },
        async (row) => {
          const access = await caseAccess(runtime.db, actor, row);
          if (!access.read) throw notFound(caseTitle); // do not confirm that someone else's case exists
          if (!access.applicant) throw forbidden();
          // the answer completes the application, so the application must still fit its form
          await assertApplicationData(runtime, row, data);
        },
      );
      return runtime.cases.get(actor, id);
    },
  );

  app.post(
    '/cases/:id/corrections',
    {
      schema: {
        tags: ['cases'],
        summary:
          "Correct the application's own data (staff handling the case), with a reason: validated against the application form, before and after kept in the audit chain, the applicant told",
        params: idParams,
        body: {
          type: 'object',
          required: ['data', 'reason'],
          properties: { data: { ...formData, minProperties: 1 }, reason },
          additionalProperties: false,
        },
        response: responses({ 200: caseJson }),
      },
    },
    async (request) => {
      const actor = requireRole(request, 'staff', 'supervisor');
      const { id } = request.params as { id: string };
      const { data, reason: why } = request.body as { data: Record<string, unknown>; reason: string };
      await runtime.cases.command(
        actor,
        id,
        { type: 'case.dataCorrected', data, reason: why, actor: actor.userId },
        async (row) => {
          const access = await caseAccess(runtime.db, actor, row);
          if (!access.read) throw notFound(caseTitle); // do not confirm that someone else's case exists
          if (!access.handles) throw forbidden();
          await assertApplicationData(runtime, row, data, true);
        },
      );
      return runtime.cases.get(actor, id);
    },
  );
}

/**
 * The application with `changes` applied must still fit its form; a change may only name fields the
 * application form declares (`strict`: a correction must name one, even when no form is known).
 */
async function assertApplicationData(
  runtime: Runtime,
  row: {
    matterKey: string | null;
    workflowKey: string;
    snapshot: { context: { data: Record<string, unknown> } };
  },
  changes: Record<string, unknown>,
  strict = false,
): Promise<void> {
  const form = applicationFormOf(await runtime.definitions.current(), row);
  if (form) assertFormData(form, { ...applicationPart(form, row.snapshot.context.data), ...changes });
  else if (strict)
    throw new ApiError('TB_FORM_DATA_INVALID', {}, [
      {
        path: '/data',
        message: {
          'zh-CN': '这个案件没有申请表，无可更正',
          en: 'this case has no application form to correct',
        },
      },
    ]);
}
