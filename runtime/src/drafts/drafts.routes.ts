import { createHash, randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { and, desc, eq, gt, lt } from 'drizzle-orm';
import type { Runtime } from '../runtime.js';
import { drafts } from '../db/schema.js';
import { signedIn } from '../http/auth-hook.js';
import {
  anyObject,
  formData,
  idParams,
  instant,
  listOf,
  noContent,
  nullable,
  responses,
  uuidParam,
  wholeList,
} from '../http/schemas.js';
import { addressOf, perMinute } from '../http/limits.js';
import { ApiError, notFound } from '../errors/api-error.js';

const draftTitle = { 'zh-CN': '草稿', en: 'draft' };
/**
 * The resume code: 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L), about 59 bits, so a
 * resident can copy it onto paper or read it out to a family member, and still nobody guesses one
 * (opening is counted per address, and drafts expire). Only its hash is stored, so a database read does
 * not hand out drafts. Drafts saved before codes were short keep their 43-character tokens.
 */
const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const newToken = () =>
  Array.from({ length: 12 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

const tokenParams = {
  type: 'object',
  required: ['token'],
  properties: {
    token: { type: 'string', pattern: '^([23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}|[A-Za-z0-9_-]{43})$' },
  },
  additionalProperties: false,
} as const;
const draftBody = {
  type: 'object',
  required: ['kind', 'key', 'data'],
  properties: {
    kind: { enum: ['matter', 'bundle'] },
    key: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,99}$' },
    data: formData,
    step: { type: 'integer', minimum: 0, maximum: 100 },
  },
  additionalProperties: false,
} as const;
const updateBody = {
  type: 'object',
  required: ['data'],
  properties: { data: formData, step: { type: 'integer', minimum: 0, maximum: 100 } },
  additionalProperties: false,
} as const;

const draftJson = {
  type: 'object',
  required: ['id', 'ownerId', 'kind', 'key', 'data', 'step', 'createdAt', 'updatedAt', 'expiresAt'],
  properties: {
    id: uuidParam,
    ownerId: nullable(uuidParam),
    kind: { enum: ['matter', 'bundle'] },
    key: { type: 'string' },
    data: anyObject,
    step: { type: 'integer' },
    createdAt: instant,
    updatedAt: instant,
    expiresAt: instant,
  },
  additionalProperties: false,
} as const;

/** A draft just saved: with its resume token, given this once (only its hash is kept). */
const savedDraftJson = {
  ...draftJson,
  required: [...draftJson.required, 'token'],
  properties: { ...draftJson.properties, token: { type: 'string' } },
} as const;

type DraftRow = typeof drafts.$inferSelect;
const view = ({ tokenHash: _hash, ...draft }: DraftRow) => draft;

/**
 * Drafts (草稿): a resident, signed in or not, saves an application and resumes it later from any
 * device with the unguessable token it was given, or from "my applications" when signed in. A draft
 * expires `TONGBAN_DRAFT_DAYS` after it was last saved; the step reached is kept with it.
 */
export async function draftRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const ttl = runtime.config.draftTtlMs;
  // anyone may save a draft, signed in or not: so saves are counted per address, new and again alike,
  // before the body is read, and a draft's body is capped well below the API's 1 MB
  const saves = {
    onRequest: perMinute(app, 'draft-save', runtime.config.draftSavesPerMinute, addressOf),
    bodyLimit: runtime.config.maxDraftBytes,
    config: { sizeLimit: runtime.config.maxDraftBytes },
  };
  // a resume code is short enough to type: guessing one is counted per address
  const opens = perMinute(app, 'draft-open', runtime.config.draftOpensPerMinute, addressOf);
  const live = async (token: string) => {
    const [draft] = await runtime.db
      .select()
      .from(drafts)
      .where(and(eq(drafts.tokenHash, hashOf(token)), gt(drafts.expiresAt, runtime.clock())));
    if (!draft) throw notFound(draftTitle);
    return draft;
  };

  app.post(
    '/drafts',
    {
      ...saves,
      schema: {
        tags: ['drafts'],
        summary: 'Save an application to finish later; the answer holds its resume token',
        body: draftBody,
        response: responses({ 201: savedDraftJson }),
      },
    },
    async (request, reply) => {
      const body = request.body as {
        kind: 'matter' | 'bundle';
        key: string;
        data: Record<string, unknown>;
        step?: number;
      };
      const catalog = await runtime.definitions.current();
      if (!catalog.has(body.kind, body.key))
        throw new ApiError('TB_REQUEST_INVALID', {}, [
          {
            path: '/key',
            message: { 'zh-CN': `没有“${body.key}”`, en: `there is no ${body.kind} "${body.key}"` },
          },
        ]);
      const now = runtime.clock();
      const token = newToken();
      // expired drafts go as new ones come: nothing else keeps them
      await runtime.db.delete(drafts).where(lt(drafts.expiresAt, now));
      const [draft] = await runtime.db
        .insert(drafts)
        .values({
          id: runtime.ids(),
          tokenHash: hashOf(token),
          ownerId: request.actor?.userId ?? null,
          kind: body.kind,
          key: body.key,
          data: body.data,
          step: body.step ?? 0,
          createdAt: now,
          updatedAt: now,
          expiresAt: new Date(now.getTime() + ttl),
        })
        .returning();
      reply.status(201);
      return { ...view(draft as DraftRow), token };
    },
  );

  app.get(
    '/drafts/:token',
    {
      onRequest: opens,
      schema: {
        tags: ['drafts'],
        summary: 'Resume a draft with its token, from any device',
        params: tokenParams,
        response: responses({ 200: draftJson }),
      },
    },
    async (request) => view(await live((request.params as { token: string }).token)),
  );

  app.put(
    '/drafts/:token',
    {
      ...saves,
      schema: {
        tags: ['drafts'],
        summary: 'Save a draft again (its expiry starts over)',
        params: tokenParams,
        body: updateBody,
        response: responses({ 200: draftJson }),
      },
    },
    async (request) => {
      const draft = await live((request.params as { token: string }).token);
      const body = request.body as { data: Record<string, unknown>; step?: number };
      const now = runtime.clock();
      const [saved] = await runtime.db
        .update(drafts)
        .set({
          data: body.data,
          step: body.step ?? draft.step,
          updatedAt: now,
          expiresAt: new Date(now.getTime() + ttl),
        })
        .where(eq(drafts.id, draft.id))
        .returning();
      return view(saved as DraftRow);
    },
  );

  app.delete(
    '/drafts/:token',
    {
      schema: {
        tags: ['drafts'],
        summary: 'Throw a draft away (after submitting it, say)',
        params: tokenParams,
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      const draft = await live((request.params as { token: string }).token);
      await runtime.db.delete(drafts).where(eq(drafts.id, draft.id));
      reply.status(204);
    },
  );

  app.get(
    '/me/drafts',
    {
      schema: {
        tags: ['drafts'],
        summary: 'My saved applications (signed in when I saved them)',
        response: responses({ 200: listOf(draftJson) }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const rows = await runtime.db
        .select()
        .from(drafts)
        .where(and(eq(drafts.ownerId, actor.userId), gt(drafts.expiresAt, runtime.clock())))
        .orderBy(desc(drafts.updatedAt))
        .limit(100);
      return wholeList(rows.map(view));
    },
  );

  app.get(
    '/me/drafts/:id',
    {
      schema: {
        tags: ['drafts'],
        summary: 'One of my saved applications',
        params: idParams,
        response: responses({ 200: draftJson }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const [draft] = await runtime.db
        .select()
        .from(drafts)
        .where(
          and(
            eq(drafts.id, (request.params as { id: string }).id),
            eq(drafts.ownerId, actor.userId),
            gt(drafts.expiresAt, runtime.clock()),
          ),
        );
      if (!draft) throw notFound(draftTitle);
      return view(draft);
    },
  );
}
