import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { attachmentStore } from '../attachments/attachment-store.js';
import { assertAccepted, assertBytesAre, declaredType } from '../attachments/file-types.js';
import { megabytes, receiveUpload, tooLarge } from '../attachments/receive-upload.js';
import { uploads } from '../db/schema.js';
import { notFound } from '../errors/api-error.js';
import { signedIn } from '../http/auth-hook.js';
import { fileResponse, idParams, noContent, responses } from '../http/schemas.js';

/** What an upload answers: what the field stores is `{ id, name, type: contentType, size }`. */
const uploadJson = {
  type: 'object',
  required: ['id', 'name', 'contentType', 'size', 'createdAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    contentType: { type: 'string' },
    size: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
  },
  additionalProperties: false,
} as const;

/** Someone else's upload and one that does not exist get this same answer. */
const noSuchUpload = () => notFound({ 'zh-CN': '上传的文件', en: 'upload' });

/**
 * Files for an application whose case does not exist yet (decision 0021): the signed-in person's own,
 * streamed and typed exactly as a case's attachments are (decision 0010), referenced by id in the
 * application's data and taken by the case when it starts (upload-claim.ts). Until then only their
 * owner can see or remove them.
 */
export async function uploadRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const limit = runtime.config.maxAttachmentBytes;
  const store = attachmentStore(runtime.config);

  // in this plugin a body is never parsed: the upload route reads the request stream itself
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode >= 400 && !request.raw.readableEnded) reply.header('connection', 'close');
    return payload;
  });

  app.post(
    '/uploads',
    {
      onRequest: async (request) => {
        assertAccepted(declaredType(request.headers['content-type']), undefined);
      },
      schema: {
        tags: ['attachments'],
        summary: `Upload a file for an application not yet submitted: the file itself as the body (PDF, JPEG, PNG or WebP, at most ${megabytes(limit)}), its type as Content-Type`,
        description:
          "The type is read from the file's first bytes and must be the one declared; else 415. The application names the upload by its id; starting the case makes it one of the case's attachments.",
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
          },
          additionalProperties: false,
        },
        response: responses({ 201: uploadJson }),
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      const { name } = request.query as { name: string };
      const declared = assertAccepted(declaredType(request.headers['content-type']), undefined);
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
        ownerId: actor.userId,
        name,
        contentType: declared,
        size: received.size,
        sha256: received.sha256,
        createdAt: runtime.clock(),
      };
      await runtime.db.insert(uploads).values(row);
      reply.status(201);
      return {
        id: row.id,
        name,
        contentType: declared,
        size: row.size,
        createdAt: row.createdAt.toISOString(),
      };
    },
  );

  app.get(
    '/uploads/:id',
    {
      schema: {
        tags: ['attachments'],
        summary: 'Download one of my uploads not yet taken by a case (to show it again after a reload)',
        params: idParams,
        response: responses({ 200: fileResponse }),
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      const row = await ownUpload(runtime, actor.userId, (request.params as { id: string }).id);
      const bytes = await store.open(row.sha256);
      if (bytes === null) throw new Error(`upload ${row.id}: the store has no bytes for ${row.sha256}`);
      reply
        .type(row.contentType)
        .header('content-length', bytes.size)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`)
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox");
      return bytes.stream;
    },
  );

  app.delete(
    '/uploads/:id',
    {
      schema: {
        tags: ['attachments'],
        summary: 'Remove one of my uploads not yet taken by a case',
        params: idParams,
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      const removed = await runtime.db
        .delete(uploads)
        .where(and(eq(uploads.id, id), eq(uploads.ownerId, actor.userId)))
        .returning({ id: uploads.id });
      // the bytes stay: the same file may be another upload's or attachment's (stored once by hash)
      if (removed.length === 0) throw noSuchUpload();
      reply.status(204);
    },
  );
}

async function ownUpload(runtime: Runtime, ownerId: string, id: string) {
  const [row] = await runtime.db
    .select()
    .from(uploads)
    .where(and(eq(uploads.id, id), eq(uploads.ownerId, ownerId)));
  if (!row) throw noSuchUpload();
  return row;
}
