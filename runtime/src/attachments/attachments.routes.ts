import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { appendAudit } from '../audit/audit-log.js';
import { assertTaskOfCase, readableCase } from '../cases/case-access.js';
import { attachments } from '../db/schema.js';
import { ApiError, notFound } from '../errors/api-error.js';
import { signedIn } from '../http/auth-hook.js';
import { idParams, uuidParam } from '../http/schemas.js';

/** Scans and photos of documents: what counters actually receive. */
export const allowedContentTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;

const columns = {
  id: attachments.id,
  caseId: attachments.caseId,
  taskId: attachments.taskId,
  name: attachments.name,
  contentType: attachments.contentType,
  size: attachments.size,
  sha256: attachments.sha256,
  uploadedBy: attachments.uploadedBy,
  createdAt: attachments.createdAt,
};

export async function attachmentRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const limit = runtime.config.maxAttachmentBytes;

  app.post(
    '/cases/:id/attachments',
    {
      // base64 is 4/3 of the bytes, plus the JSON around it
      bodyLimit: Math.ceil((limit * 4) / 3) + 4096,
      config: { sizeLimit: limit },
      schema: {
        tags: ['attachments'],
        summary: `Attach a document (PDF, JPEG, PNG or WebP, base64, at most ${Math.round(limit / 1048576)} MB)`,
        params: idParams,
        body: {
          type: 'object',
          required: ['name', 'contentType', 'content'],
          properties: {
            name: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
              pattern: '^[^/\\\\<>:"|?*\\u0000-\\u001f]+$',
            },
            contentType: { type: 'string', maxLength: 100 },
            content: {
              type: 'string',
              minLength: 1,
              contentEncoding: 'base64',
              pattern: '^[A-Za-z0-9+/]+={0,2}$',
            },
            taskId: uuidParam,
          },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      const body = request.body as { name: string; contentType: string; content: string; taskId?: string };
      await readableCase(runtime.db, actor, id);
      await assertTaskOfCase(runtime.db, id, body.taskId);
      if (!(allowedContentTypes as readonly string[]).includes(body.contentType))
        throw new ApiError('TB_UNSUPPORTED_MEDIA_TYPE', { type: body.contentType }, [
          { path: '/contentType', message: allowedContentTypes.join(', ') },
        ]);
      const content = Buffer.from(body.content, 'base64');
      if (content.length === 0)
        throw new ApiError('TB_REQUEST_INVALID', {}, [
          { path: '/content', message: { 'zh-CN': '文件是空的', en: 'the file is empty' } },
        ]);
      if (content.length > limit)
        throw new ApiError('TB_PAYLOAD_TOO_LARGE', { limit: `${Math.round(limit / 1048576)} MB` }, [
          { path: '/content', message: `${content.length} bytes` },
        ]);
      const row = {
        id: runtime.ids(),
        caseId: id,
        taskId: body.taskId ?? null,
        name: body.name,
        contentType: body.contentType,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        uploadedBy: actor.userId,
        createdAt: runtime.clock(),
      };
      await runtime.db.transaction(async (tx) => {
        await tx.insert(attachments).values(row);
        await appendAudit(tx, [
          {
            caseId: id,
            actorId: actor.userId,
            action: 'attachment.added',
            at: row.createdAt,
            data: { attachmentId: row.id, name: row.name, sha256: row.sha256 },
          },
        ]);
      });
      reply.status(201);
      const { content: _content, ...metadata } = row;
      return metadata;
    },
  );

  app.get(
    '/cases/:id/attachments',
    { schema: { tags: ['attachments'], summary: 'The documents of a case', params: idParams } },
    async (request) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      await readableCase(runtime.db, actor, id);
      return runtime.db.select(columns).from(attachments).where(eq(attachments.caseId, id));
    },
  );

  app.get(
    '/attachments/:id',
    { schema: { tags: ['attachments'], summary: 'Download a document', params: idParams } },
    async (request, reply) => {
      const actor = signedIn(request);
      const [row] = await runtime.db
        .select()
        .from(attachments)
        .where(eq(attachments.id, (request.params as { id: string }).id));
      if (!row) throw notFound({ 'zh-CN': '附件', en: 'attachment' });
      await readableCase(runtime.db, actor, row.caseId);
      reply.header('content-type', row.contentType);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`);
      return row.content;
    },
  );
}
