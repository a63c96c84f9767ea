import type { FastifyInstance } from 'fastify';
import type { MaterialRequirement } from '@tongban/engine';
import type { Runtime } from '../runtime.js';
import { attachmentStore } from '../attachments/attachment-store.js';
import { assertAccepted, assertBytesAre, declaredType } from '../attachments/file-types.js';
import { megabytes, receiveUpload, tooLarge } from '../attachments/receive-upload.js';
import { uploads } from '../db/schema.js';
import { ApiError } from '../errors/api-error.js';
import { addressOf, perMinute } from '../http/limits.js';
import { responses } from '../http/schemas.js';
import { newUploadToken, uploadTokenOwner } from './follow-code.js';
import { uploadTokenPattern } from './reports.routes.js';

/** What a report photo may be: an image, nothing else. */
const photo: MaterialRequirement = {
  key: 'photo',
  title: { 'zh-CN': '现场照片', en: 'A photo of the scene' },
  required: false,
  accept: ['image/jpeg', 'image/png', 'image/webp'],
};

const tokenShape = new RegExp(uploadTokenPattern);

/**
 * Photos for a report, from anyone (decision 0024): the uploads of decision 0021, owned not by an
 * account but by an upload token the first photo's answer gives and the next photos and the report
 * present (`X-Upload-Token`). Images only, a smaller size limit, counted per address; the token's owner
 * id is derived from it (follow-code.ts), so the token is never stored, and nobody can read a photo
 * back through this route: only a report that presents the token takes them.
 */
export async function reportPhotoRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const limit = runtime.config.maxReportPhotoBytes;
  const store = attachmentStore(runtime.config);
  const perAddress = perMinute(app, 'report-photo', runtime.config.reportPhotosPerMinute, addressOf);

  // in this plugin a body is never parsed: the route reads the request stream itself
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode >= 400 && !request.raw.readableEnded) reply.header('connection', 'close');
    return payload;
  });

  app.post(
    '/reports/photos',
    {
      onRequest: async (request, reply) => {
        await perAddress(request, reply);
        assertAccepted(declaredType(request.headers['content-type']), photo);
      },
      schema: {
        tags: ['reports'],
        summary: `Upload a photo for a report, with or without an account: the image itself as the body (JPEG, PNG or WebP, at most ${megabytes(limit)}), its type as Content-Type`,
        description:
          'The first photo answers an upload token; send it as X-Upload-Token with the next photos and as uploadToken with the report, which names the photos by id.',
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
        headers: {
          type: 'object',
          properties: { 'x-upload-token': { type: 'string', pattern: uploadTokenPattern } },
        },
        response: responses({
          201: {
            type: 'object',
            required: ['id', 'name', 'contentType', 'size', 'createdAt', 'uploadToken'],
            properties: {
              id: { type: 'string', format: 'uuid' },
              name: { type: 'string' },
              contentType: { type: 'string' },
              size: { type: 'integer' },
              createdAt: { type: 'string', format: 'date-time' },
              uploadToken: { type: 'string', pattern: uploadTokenPattern },
            },
            additionalProperties: false,
          },
        }),
      },
    },
    async (request, reply) => {
      const { name } = request.query as { name: string };
      const given = request.headers['x-upload-token'];
      if (given !== undefined && (typeof given !== 'string' || !tokenShape.test(given)))
        throw new ApiError('TB_REQUEST_INVALID', {}, [
          {
            path: '/headers/x-upload-token',
            message: { 'zh-CN': '上传凭证格式不对', en: 'not an upload token' },
          },
        ]);
      const token = given ?? newUploadToken();
      const declared = assertAccepted(declaredType(request.headers['content-type']), photo);
      if (Number(request.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
      const received = await receiveUpload(request.raw, {
        store,
        maxBytes: limit,
        checkHead: (head) => assertBytesAre(declared, head),
      });
      await received.pending.commit(received.sha256);
      const row = {
        id: runtime.ids(),
        ownerId: uploadTokenOwner(runtime.audit.key, token),
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
        uploadToken: token,
      };
    },
  );
}
