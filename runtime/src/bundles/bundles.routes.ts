import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { signedIn } from '../http/auth-hook.js';
import { cursorQuery, formData, idParams, listOf, reason, responses, wholeList } from '../http/schemas.js';
import {
  bundleJson,
  bundleRatingJson,
  combinedFormJson,
  myApplicationJson,
  trackerJson,
} from './bundle.schemas.js';

const keyParams = {
  type: 'object',
  required: ['key'],
  properties: { key: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,99}$' } },
  additionalProperties: false,
} as const;

/**
 * One-thing bundles for residents: what can be applied for, the one combined form, submitting it, and
 * one tracker for every matter it became.
 */
export async function bundleRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.get(
    '/bundles',
    {
      schema: {
        tags: ['bundles'],
        summary: 'The one-thing bundles residents can apply for (一件事)',
        response: responses({ 200: listOf(bundleJson) }),
      },
    },
    async () => wholeList(await runtime.bundles.list()),
  );

  app.get(
    '/bundles/:key/form',
    {
      schema: {
        tags: ['bundles'],
        summary: "A bundle's combined form: JSON Schema, JSON Forms UI schema, notice, shared data elements",
        params: keyParams,
        response: responses({ 200: combinedFormJson }),
      },
    },
    async (request) => {
      const { bundle, form } = await runtime.bundles.form((request.params as { key: string }).key);
      return {
        bundle: bundle.key,
        version: bundle.version,
        title: bundle.title,
        schema: form.schema,
        uischema: form.uischema,
        notice: form.notice,
        elements: form.elements,
        sections: form.sections.map(({ matter, key, title, when }) => ({
          matter,
          key,
          title,
          when: when ?? null,
        })),
      };
    },
  );

  app.post(
    '/bundles/:key/applications',
    {
      schema: {
        tags: ['bundles'],
        summary: 'Apply: the combined data, checked with the same schema; one case per included matter',
        params: keyParams,
        body: {
          type: 'object',
          required: ['data'],
          properties: { data: formData },
          additionalProperties: false,
        },
        response: responses({ 201: trackerJson }),
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      const { key } = request.params as { key: string };
      const tracker = await runtime.bundles.submit(
        actor,
        key,
        (request.body as { data: Record<string, unknown> }).data,
      );
      reply.status(201);
      return tracker;
    },
  );

  app.get(
    '/bundle-applications/:id',
    {
      schema: {
        tags: ['bundles'],
        summary: 'The tracker of one application: every matter, its case and where it stands',
        params: idParams,
        response: responses({ 200: trackerJson }),
      },
    },
    async (request) => runtime.bundles.tracker(signedIn(request), (request.params as { id: string }).id),
  );

  app.post(
    '/bundle-applications/:id/rating',
    {
      schema: {
        tags: ['bundles'],
        summary: 'Rate a closed application as a whole (好差评): good, average or bad, with a reason',
        params: idParams,
        body: {
          type: 'object',
          required: ['score'],
          properties: { score: { enum: ['good', 'average', 'bad'] }, reason },
          additionalProperties: false,
        },
        response: responses({ 201: bundleRatingJson }),
      },
    },
    async (request, reply) => {
      const { score, reason: why } = request.body as { score: 'good' | 'average' | 'bad'; reason?: string };
      const rating = await runtime.bundles.rate(
        signedIn(request),
        (request.params as { id: string }).id,
        score,
        why ?? null,
      );
      reply.status(201);
      return rating;
    },
  );

  app.get(
    '/me/bundles',
    {
      schema: {
        tags: ['bundles'],
        summary:
          "My bundle applications, newest first: each one's id leads to its tracker (GET /api/bundle-applications/:id)",
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            cursor: cursorQuery,
          },
          additionalProperties: false,
        },
        response: responses({ 200: listOf(myApplicationJson) }),
      },
    },
    async (request) => {
      const { limit, cursor } = request.query as { limit: number; cursor?: string };
      return runtime.bundles.listMine(signedIn(request), limit, cursor);
    },
  );
}
