import type { FastifyInstance, FastifyRequest } from 'fastify';
import { definitionKinds, definitionSchemas, type DefinitionKind } from '@tongban/engine';
import type { Runtime } from '../runtime.js';
import { requireRole } from '../http/auth-hook.js';
import { localeOf } from '../http/locale.js';
import { installJsonBodies } from '../http/json-body.js';
import { anyObject, listOf, responses, wholeList } from '../http/schemas.js';
import { definitionJson, definitionWithBodyJson, serviceJson, validationJson } from './definition.schemas.js';
import { promisedIfStartedNow, searchInitials } from './catalog-extras.js';

const kindKeyParams = {
  type: 'object',
  required: ['kind', 'key'],
  properties: {
    kind: { enum: definitionKinds },
    key: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,99}$' },
  },
  additionalProperties: false,
} as const;
/** Versions are stored as PostgreSQL integers. */
const maxVersion = 2147483647;
const versionParams = {
  type: 'object',
  required: ['kind', 'key', 'version'],
  properties: { ...kindKeyParams.properties, version: { type: 'integer', minimum: 1, maximum: maxVersion } },
  additionalProperties: false,
} as const;
// the rest of the body is the engine's to judge (it names every problem); this only keeps the version storable
const definitionBody = {
  type: 'object',
  required: ['kind', 'key', 'version'],
  properties: { version: { maximum: maxVersion } },
} as const;

type VersionParams = { kind: DefinitionKind; key: string; version: number };

export async function definitionRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  // one definition: at most 5,000 keys and entries are checked (decision 0015), far below 512 KB of JSON,
  // and parsing a larger body would hold the server on its own
  const bodyLimit = 512 * 1024;
  // a definition is stored as written (decision 0018): the text of each body is kept for its request
  const texts = new WeakMap<FastifyRequest, string>();
  installJsonBodies(app, (request, text) => texts.set(request, text));

  app.get(
    '/definitions',
    {
      schema: {
        tags: ['definitions'],
        summary: 'All versions of all definitions',
        querystring: {
          type: 'object',
          properties: { kind: { enum: definitionKinds } },
          additionalProperties: false,
        },
        response: responses({ 200: listOf(definitionJson) }),
      },
    },
    async (request) => {
      requireRole(request, 'admin', 'supervisor');
      return wholeList(await runtime.definitions.list((request.query as { kind?: DefinitionKind }).kind));
    },
  );

  app.get(
    '/definitions/schemas/:kind',
    {
      schema: {
        tags: ['definitions'],
        summary: 'The published JSON Schema of a definition kind',
        params: { type: 'object', required: ['kind'], properties: { kind: { enum: definitionKinds } } },
        response: responses({ 200: anyObject }),
      },
    },
    async (request) => {
      return definitionSchemas[(request.params as { kind: DefinitionKind }).kind];
    },
  );

  app.post(
    '/definitions/validate',
    {
      bodyLimit,
      schema: {
        tags: ['definitions'],
        summary: 'Validate without storing: every problem with its path',
        body: { type: 'object' },
        response: responses({ 200: validationJson }),
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const locale = localeOf(request);
      const { problems, warnings } = await runtime.definitions.review(request.body);
      const shown = (problem: (typeof problems)[number]) => ({
        path: problem.path,
        code: problem.code,
        message: problem.message[locale],
        messages: problem.message,
      });
      return {
        valid: problems.length === 0,
        problems: problems.map(shown),
        // warnings leave it valid (a calendar about to run out): listed when there are any
        ...(warnings.length > 0 ? { warnings: warnings.map(shown) } : {}),
      };
    },
  );

  app.post(
    '/definitions',
    {
      bodyLimit,
      schema: {
        tags: ['definitions'],
        summary: 'Upload a new draft version',
        body: definitionBody,
        response: responses({ 201: definitionJson }),
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'admin');
      reply.status(201);
      return runtime.definitions.upload(request.body, actor.userId, texts.get(request));
    },
  );

  app.get(
    '/definitions/:kind/:key/versions',
    {
      schema: {
        tags: ['definitions'],
        summary: 'The versions of one definition',
        params: kindKeyParams,
        response: responses({ 200: listOf(definitionJson) }),
      },
    },
    async (request) => {
      requireRole(request, 'admin', 'supervisor');
      const { kind, key } = request.params as { kind: DefinitionKind; key: string };
      return wholeList(await runtime.definitions.versions(kind, key));
    },
  );

  app.get(
    '/definitions/:kind/:key/:version',
    {
      schema: {
        tags: ['definitions'],
        summary: 'One version with its body and its text as written (source)',
        params: versionParams,
        response: responses({ 200: definitionWithBodyJson }),
      },
    },
    async (request) => {
      requireRole(request, 'admin', 'supervisor');
      const { kind, key, version } = request.params as VersionParams;
      const { row, body, source } = await runtime.definitions.get(kind, key, version);
      return { ...row, body, source };
    },
  );

  app.post(
    '/definitions/:kind/:key/:version/publish',
    {
      schema: {
        tags: ['definitions'],
        summary: 'Publish a draft (published versions never change)',
        params: versionParams,
        response: responses({ 200: definitionJson }),
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const { kind, key, version } = request.params as VersionParams;
      return runtime.definitions.publish(kind, key, version);
    },
  );

  app.post(
    '/definitions/:kind/:key/:version/retire',
    {
      schema: {
        tags: ['definitions'],
        summary: 'Retire a published version',
        params: versionParams,
        response: responses({ 200: definitionJson }),
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const { kind, key, version } = request.params as VersionParams;
      return runtime.definitions.retire(kind, key, version);
    },
  );

  app.get(
    '/catalog/services',
    {
      schema: {
        tags: ['catalog'],
        summary:
          'What residents can apply for: the published matters at the version in force, and their forms',
        response: responses({ 200: listOf(serviceJson) }),
      },
    },
    async () => {
      const catalog = await runtime.definitions.current();
      const now = runtime.clock();
      return wholeList(
        catalog.all('matter').map((matter) => ({
          key: matter.key,
          version: matter.version,
          title: matter.title,
          ...(matter.description === undefined ? {} : { description: matter.description }),
          category: matter.category,
          lead: matter.lead,
          cooperating: matter.cooperating,
          departmentNames: Object.fromEntries(
            [matter.lead, ...matter.cooperating].map((code) => [
              code,
              runtime.directory.get(code)?.title ?? { 'zh-CN': code, en: code },
            ]),
          ),
          timeLimit: matter.timeLimit,
          materials: matter.materials,
          legalBasis: matter.legalBasis,
          eventTypes: matter.eventTypes ?? [],
          initials: searchInitials(matter.title),
          promisedBy: promisedIfStartedNow(matter.timeLimit, now, catalog, matter.lead),
          form: matter.form === undefined ? null : (catalog.get('form', matter.form) ?? null),
        })),
      );
    },
  );
}
