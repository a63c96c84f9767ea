import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { appendAudit } from '../audit/audit-log.js';
import { assertTaskOfCase, readableCase } from '../cases/case-access.js';
import { comments } from '../db/schema.js';
import { signedIn } from '../http/auth-hook.js';
import { idParams, uuidParam } from '../http/schemas.js';

export async function commentRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.get(
    '/cases/:id/comments',
    { schema: { tags: ['comments'], summary: 'Comments on a case', params: idParams } },
    async (request) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      await readableCase(runtime.db, actor, id);
      return runtime.db
        .select()
        .from(comments)
        .where(eq(comments.caseId, id))
        .orderBy(asc(comments.createdAt));
    },
  );

  app.post(
    '/cases/:id/comments',
    {
      schema: {
        tags: ['comments'],
        summary: 'Comment on a case',
        params: idParams,
        body: {
          type: 'object',
          required: ['body'],
          properties: { body: { type: 'string', minLength: 1, maxLength: 5000 }, taskId: uuidParam },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      const body = request.body as { body: string; taskId?: string };
      await readableCase(runtime.db, actor, id);
      await assertTaskOfCase(runtime.db, id, body.taskId);
      const comment = {
        id: runtime.ids(),
        caseId: id,
        taskId: body.taskId ?? null,
        authorId: actor.userId,
        body: body.body,
        createdAt: runtime.clock(),
      };
      await runtime.db.transaction(async (tx) => {
        await tx.insert(comments).values(comment);
        await appendAudit(tx, [
          {
            caseId: id,
            actorId: actor.userId,
            action: 'comment.added',
            at: comment.createdAt,
            data: { commentId: comment.id },
          },
        ]);
      });
      reply.status(201);
      return comment;
    },
  );
}
