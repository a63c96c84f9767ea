import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MaterialRequirement } from '@tongban/engine';
import type { Runtime } from '../runtime.js';
import type { Actor } from '../auth/actor.js';
import { assertTaskOfCase, caseAccess, readableCase } from '../cases/case-access.js';
import { authorsOf } from '../cases/timeline.js';
import { attachments, cases } from '../db/schema.js';
import { ApiError, notFound } from '../errors/api-error.js';
import { signedIn } from '../http/auth-hook.js';
import {
  fileResponse,
  idParams,
  instant,
  listOf,
  nullable,
  responses,
  uuidParam,
  wholeList,
} from '../http/schemas.js';
import { timelineActorJson } from '../cases/case.schemas.js';
import { attachmentStore } from './attachment-store.js';
import { assertAccepted, assertBytesAre, declaredType } from './file-types.js';
import { megabytes, receiveUpload, tooLarge } from './receive-upload.js';

const columns = {
  id: attachments.id,
  caseId: attachments.caseId,
  taskId: attachments.taskId,
  material: attachments.material,
  name: attachments.name,
  contentType: attachments.contentType,
  size: attachments.size,
  sha256: attachments.sha256,
  uploadedBy: attachments.uploadedBy,
  createdAt: attachments.createdAt,
};

/** A document on a case; who uploaded it by name (`by`), and their id for departments only. */
const attachmentJson = {
  type: 'object',
  required: ['id', 'caseId', 'taskId', 'material', 'name', 'contentType', 'size', 'sha256', 'createdAt'],
  properties: {
    id: uuidParam,
    caseId: uuidParam,
    taskId: nullable(uuidParam),
    material: nullable({ type: 'string' }),
    name: { type: 'string' },
    contentType: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
    uploadedBy: uuidParam,
    createdAt: instant,
    by: timelineActorJson,
  },
  additionalProperties: false,
} as const;

interface UploadQuery {
  name: string;
  taskId?: string;
  material?: string;
}

/** Someone else's attachment and one that does not exist get this same answer. */
const noSuchAttachment = () => notFound({ 'zh-CN': '附件', en: 'attachment' });

/**
 * Documents on a case (docs/decisions/0010). An upload is the file's bytes as the request body, its
 * type in `Content-Type`, its name (and task, and the matter's material it is) in the query string;
 * it streams to the attachment store, its type read from its bytes, and only then is its row written.
 * Downloads are audit events.
 */
export async function attachmentRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const limit = runtime.config.maxAttachmentBytes;
  const store = attachmentStore(runtime.config);

  // in this plugin a body is never parsed: the upload route reads the request stream itself
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  // a refused upload's connection is closed rather than kept for a body nobody will read
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode >= 400 && !request.raw.readableEnded) reply.header('connection', 'close');
    return payload;
  });

  app.post(
    '/cases/:id/attachments',
    {
      // a type no counter takes is refused before Fastify even looks at the body (some are not valid types)
      onRequest: async (request) => {
        assertAccepted(declaredType(request.headers['content-type']), undefined);
      },
      schema: {
        tags: ['attachments'],
        summary: `Attach a document: the file itself as the body (PDF, JPEG, PNG or WebP, at most ${megabytes(limit)}), its type as Content-Type`,
        description:
          "The type is read from the file's first bytes and must be the one declared, and one the material accepts if `material` names one of the matter's materials; else 415.",
        params: idParams,
        querystring: {
          type: 'object',
          required: ['name'],
          properties: {
            name: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
              pattern: '^[^/\\\\<>:"|?*\\u0000-\\u001f]+$',
            },
            taskId: uuidParam,
            material: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,99}$' },
          },
          additionalProperties: false,
        },
        response: responses({ 201: attachmentJson }),
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      const query = request.query as UploadQuery;
      await readableCase(runtime.db, actor, id);
      await assertTaskOfCase(runtime.db, id, query.taskId);
      const material = await materialOf(runtime, id, query.material);
      const declared = assertAccepted(declaredType(request.headers['content-type']), material);
      if (Number(request.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);

      const received = await receiveUpload(request.raw, {
        store,
        maxBytes: limit,
        checkHead: (head) => assertBytesAre(declared, head),
      });
      // the bytes are safe under their hash before the row that names them is written
      await received.pending.commit(received.sha256);
      const row = {
        id: runtime.ids(),
        caseId: id,
        taskId: query.taskId ?? null,
        material: query.material ?? null,
        name: query.name,
        contentType: declared,
        size: received.size,
        sha256: received.sha256,
        uploadedBy: actor.userId,
        createdAt: runtime.clock(),
      };
      // the case row first, then the attachment, then the chain: one order for every write on a case
      await runtime.audit.write(id, async (tx) => {
        await tx.insert(attachments).values(row);
        return {
          value: undefined,
          audit: [
            {
              actorId: actor.userId,
              action: 'attachment.added',
              at: row.createdAt,
              data: { attachmentId: row.id, name: row.name, sha256: row.sha256, material: row.material },
            },
          ],
        };
      });
      reply.status(201);
      return row;
    },
  );

  app.get(
    '/cases/:id/attachments',
    {
      schema: {
        tags: ['attachments'],
        summary: 'The documents of a case',
        params: idParams,
        response: responses({ 200: listOf(attachmentJson) }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      const { row, access } = await readableCase(runtime.db, actor, id);
      const rows = await runtime.db
        .select(columns)
        .from(attachments)
        .where(eq(attachments.caseId, id))
        .orderBy(asc(attachments.createdAt));
      // who uploaded each: a department by its name for the applicant, never a member of staff's id
      const authors = await authorsOf(
        runtime.db,
        await runtime.definitions.current(),
        row,
        rows.map((attachment) => ({ actorId: attachment.uploadedBy, taskId: attachment.taskId })),
      );
      return wholeList(
        rows.map((attachment, index) => {
          const by = authors[index];
          if (access.handles) return { ...attachment, by };
          const { uploadedBy: _uploadedBy, ...rest } = attachment;
          return { ...rest, by };
        }),
      );
    },
  );

  app.get(
    '/attachments/:id',
    {
      schema: {
        tags: ['attachments'],
        summary: "Download a document (recorded on the case's audit chain)",
        params: idParams,
        response: responses({ 200: fileResponse }),
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      const row = await readableAttachment(runtime, actor, request);
      const bytes = row.content ?? (await store.open(row.sha256));
      if (bytes === null) throw new Error(`attachment ${row.id}: the store has no bytes for ${row.sha256}`);
      try {
        await runtime.audit.append(row.caseId, [
          {
            actorId: actor.userId,
            action: 'attachment.downloaded',
            at: runtime.clock(),
            data: { attachmentId: row.id, name: row.name, sha256: row.sha256 },
          },
        ]);
      } catch (error) {
        if (!Buffer.isBuffer(bytes)) bytes.stream.destroy();
        throw error;
      }
      reply
        .type(row.contentType)
        .header('content-length', Buffer.isBuffer(bytes) ? bytes.length : bytes.size)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`)
        // personal documents: no cache keeps them, and opened in a tab they run nothing
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox");
      return Buffer.isBuffer(bytes) ? bytes : bytes.stream;
    },
  );
}

/** The attachment, if the actor may read its case; else the same 404 as for one that does not exist. */
async function readableAttachment(runtime: Runtime, actor: Actor, request: FastifyRequest) {
  const [found] = await runtime.db
    .select({ attachment: attachments, applicantId: cases.applicantId })
    .from(attachments)
    .innerJoin(cases, eq(cases.id, attachments.caseId))
    .where(eq(attachments.id, (request.params as { id: string }).id));
  if (!found) throw noSuchAttachment();
  const access = await caseAccess(runtime.db, actor, {
    id: found.attachment.caseId,
    applicantId: found.applicantId,
  });
  if (!access.read) throw noSuchAttachment();
  return found.attachment;
}

/** The material of the case's matter that `key` names (400 if it has none such); none if no key. */
async function materialOf(
  runtime: Runtime,
  caseId: string,
  key: string | undefined,
): Promise<MaterialRequirement | undefined> {
  if (key === undefined) return undefined;
  const [row] = await runtime.db
    .select({ matterKey: cases.matterKey })
    .from(cases)
    .where(eq(cases.id, caseId));
  const matter = row?.matterKey
    ? (await runtime.definitions.current()).get('matter', row.matterKey)
    : undefined;
  const material = matter?.materials.find((candidate) => candidate.key === key);
  if (material) return material;
  const asked = matter?.materials.map((candidate) => candidate.key).join(', ') || '-';
  throw new ApiError('TB_REQUEST_INVALID', {}, [
    {
      path: '/querystring/material',
      message: {
        'zh-CN': `本事项没有材料“${key}”；所需材料：${asked}`,
        en: `the matter asks for no material "${key}"; it asks for: ${asked}`,
      },
    },
  ]);
}
