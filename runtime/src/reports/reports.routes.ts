import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Runtime } from '../runtime.js';
import { ApiError } from '../errors/api-error.js';
import { addressOf, perMinute } from '../http/limits.js';
import { departmentCode, instant, localizedTextJson, nullable, reason, responses } from '../http/schemas.js';
import {
  caseOfCode,
  fileReport,
  rateReport,
  reportChoices,
  viewOf,
  type ReportInput,
} from './report.service.js';
import { codeLength } from './follow-code.js';

/** An upload token as the photo route gives it (base64url of 24 random bytes). */
export const uploadTokenPattern = '^[A-Za-z0-9_-]{32}$';

const photoReference = {
  type: 'object',
  required: ['id', 'name', 'type', 'size'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    type: { enum: ['image/jpeg', 'image/png', 'image/webp'] },
    size: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
} as const;

const timelineEntryJson = {
  type: 'object',
  required: ['at', 'what', 'who'],
  properties: { at: instant, what: localizedTextJson, who: localizedTextJson },
  additionalProperties: false,
} as const;

/** What a report's holder sees (report.service.ts viewOf). */
const reportViewJson = {
  type: 'object',
  required: [
    'caseId',
    'title',
    'category',
    'place',
    'status',
    'step',
    'department',
    'openedAt',
    'dueAt',
    'closedAt',
    'timeline',
    'feedback',
    'rating',
    'canRate',
  ],
  properties: {
    caseId: { type: 'string', format: 'uuid' },
    title: localizedTextJson,
    category: nullable({ type: 'string' }),
    place: nullable({ type: 'string' }),
    status: { enum: ['active', 'done', 'cancelled'] },
    step: nullable(localizedTextJson),
    department: nullable({
      type: 'object',
      required: ['code', 'name'],
      properties: { code: { type: 'string' }, name: localizedTextJson },
      additionalProperties: false,
    }),
    openedAt: instant,
    dueAt: nullable(instant),
    closedAt: nullable(instant),
    timeline: { type: 'array', items: timelineEntryJson },
    feedback: nullable({
      type: 'object',
      required: ['text', 'department', 'at'],
      properties: { text: { type: 'string' }, department: localizedTextJson, at: instant },
      additionalProperties: false,
    }),
    rating: nullable({
      type: 'object',
      required: ['score', 'reason', 'createdAt'],
      properties: {
        score: { enum: ['good', 'average', 'bad'] },
        reason: nullable({ type: 'string' }),
        createdAt: instant,
      },
      additionalProperties: false,
    }),
    canRate: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

const codeParams = {
  type: 'object',
  required: ['code'],
  // whatever was typed: a code that cannot be one is answered as one that does not exist, plainly
  properties: { code: { type: 'string', minLength: 1, maxLength: 40 } },
  additionalProperties: false,
} as const;

const namedJson = {
  type: 'object',
  required: ['key', 'title'],
  properties: { key: { type: 'string' }, title: localizedTextJson },
  additionalProperties: false,
} as const;

/**
 * Reports of a neighbourhood problem (随手拍, decision 0024): filed with or without an account, followed
 * and rated with a follow code. The photos are uploaded apart (report-photos.routes.ts).
 */
export async function reportRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const filing = perMinute(app, 'report-file', runtime.config.reportsPerMinute, addressOf);
  const lookup = perMinute(app, 'report-lookup', runtime.config.reportLookupsPerMinute, addressOf);
  const optionalActor = (request: FastifyRequest) => request.actor ?? null;

  app.get(
    '/reports/choices',
    {
      schema: {
        tags: ['reports'],
        summary:
          "What a report may name: the event types the responsibility list's grid-event matters handle, and the communities",
        response: responses({
          200: {
            type: 'object',
            required: ['categories', 'communities'],
            properties: {
              categories: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['key', 'title', 'department'],
                  properties: {
                    key: { type: 'string' },
                    title: localizedTextJson,
                    department: localizedTextJson,
                  },
                  additionalProperties: false,
                },
              },
              communities: { type: 'array', items: namedJson },
            },
            additionalProperties: false,
          },
        }),
      },
    },
    async () => reportChoices(await runtime.definitions.current()),
  );

  app.post(
    '/reports',
    {
      onRequest: filing,
      schema: {
        tags: ['reports'],
        summary:
          'Report a neighbourhood problem (随手拍), with or without an account: routed by its category to the lead department; answers a follow code',
        body: {
          type: 'object',
          required: ['category', 'description', 'place', 'community'],
          properties: {
            category: { type: 'string', minLength: 1, maxLength: 100 },
            description: { type: 'string', minLength: 1, maxLength: 2000 },
            place: { type: 'string', minLength: 1, maxLength: 200 },
            community: departmentCode,
            position: {
              type: 'object',
              required: ['lat', 'lng'],
              properties: {
                lat: { type: 'number', minimum: -90, maximum: 90 },
                lng: { type: 'number', minimum: -180, maximum: 180 },
                accuracy: { type: 'number', minimum: 0, maximum: 100000 },
              },
              additionalProperties: false,
            },
            photos: { type: 'array', maxItems: 6, items: photoReference },
            phone: { type: 'string', pattern: '^1[0-9]{10}$' },
            uploadToken: { type: 'string', pattern: uploadTokenPattern },
          },
          additionalProperties: false,
        },
        response: responses({
          201: {
            ...reportViewJson,
            required: [...reportViewJson.required, 'code'],
            properties: {
              ...reportViewJson.properties,
              code: { type: 'string', minLength: codeLength, maxLength: codeLength },
            },
          },
        }),
      },
    },
    async (request, reply) => {
      const input = request.body as ReportInput;
      const { categories, communities } = reportChoices(await runtime.definitions.current());
      if (!categories.some((category) => category.key === input.category))
        throw new ApiError('TB_REQUEST_INVALID', {}, [
          {
            path: '/body/category',
            message: {
              'zh-CN': `没有“${input.category}”这一类问题，请从列出的类别中选`,
              en: `"${input.category}" is not one of the kinds of problem listed`,
            },
          },
        ]);
      if (!communities.some((community) => community.key === input.community))
        throw new ApiError('TB_REQUEST_INVALID', {}, [
          {
            path: '/body/community',
            message: {
              'zh-CN': `没有“${input.community}”这个社区，请从列出的社区中选`,
              en: `"${input.community}" is not one of the communities listed`,
            },
          },
        ]);
      if ((input.photos?.length ?? 0) > 0 && input.uploadToken === undefined)
        throw new ApiError('TB_REQUEST_INVALID', {}, [
          {
            path: '/body/uploadToken',
            message: {
              'zh-CN': '附了照片，就要带上传照片时得到的上传凭证',
              en: 'photos come with the upload token their upload answered',
            },
          },
        ]);
      const filed = await fileReport(runtime, optionalActor(request), input);
      reply.status(201);
      return filed;
    },
  );

  app.get(
    '/reports/:code',
    {
      onRequest: lookup,
      schema: {
        tags: ['reports'],
        summary:
          'Follow a report by its code: where it stands, which department has it, the promised date, the timeline in plain words, the feedback, the rating',
        params: codeParams,
        response: responses({ 200: reportViewJson }),
      },
    },
    async (request) => {
      const caseId = await caseOfCode(runtime, (request.params as { code: string }).code);
      return viewOf(runtime, caseId);
    },
  );

  app.post(
    '/reports/:code/rating',
    {
      onRequest: lookup,
      schema: {
        tags: ['reports'],
        summary: 'Rate a closed report by its code (好差评): good, average or bad with a reason, once',
        params: codeParams,
        body: {
          type: 'object',
          required: ['score'],
          properties: { score: { enum: ['good', 'average', 'bad'] }, reason },
          additionalProperties: false,
          if: { properties: { score: { const: 'bad' } } },
          then: { required: ['reason'] },
        },
        response: responses({ 201: reportViewJson }),
      },
    },
    async (request, reply) => {
      const caseId = await caseOfCode(runtime, (request.params as { code: string }).code);
      await rateReport(
        runtime,
        optionalActor(request),
        caseId,
        request.body as { score: 'good' | 'average' | 'bad'; reason?: string },
      );
      reply.status(201);
      return viewOf(runtime, caseId);
    },
  );
}
