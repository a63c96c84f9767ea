import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { assertTaskOfCase, readableCase } from '../cases/case-access.js';
import { comments, visibilities, type Visibility } from '../db/schema.js';
import { signedIn } from '../http/auth-hook.js';
import { idParams, instant, listOf, nullable, responses, uuidParam, wholeList } from '../http/schemas.js';
import { timelineActorJson } from '../cases/case.schemas.js';

/** A comment; who wrote it by name (`by`), and the author's id for departments only. */
const commentJson = {
  type: 'object',
  required: ['id', 'caseId', 'taskId', 'body', 'visibility', 'createdAt'],
  properties: {
    id: uuidParam,
    caseId: uuidParam,
    taskId: nullable(uuidParam),
    authorId: uuidParam,
    body: { type: 'string' },
    visibility: { enum: visibilities },
    createdAt: instant,
    by: timelineActorJson,
  },
  additionalProperties: false,
} as const;
import { commentsFor, newCommentVisibility } from './comment-visibility.js';

export async function commentRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.get(
    '/cases/:id/comments',
    {
      schema: {
        tags: ['comments'],
        summary:
          'Comments on a case: departments read all of them, the applicant their own and those marked for them (by department, not by person)',
        params: idParams,
        response: responses({ 200: listOf(commentJson) }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      const { row, access } = await readableCase(runtime.db, actor, id);
      const rows = await runtime.db
        .select()
        .from(comments)
        .where(eq(comments.caseId, id))
        .orderBy(asc(comments.createdAt));
      return wholeList(await commentsFor(runtime.db, await runtime.definitions.current(), row, access, rows));
    },
  );

  app.post(
    '/cases/:id/comments',
    {
      schema: {
        tags: ['comments'],
        summary:
          "Comment on a case: staff comments are internal unless marked for the applicant (visibility: applicant); the applicant's are theirs to see",
        params: idParams,
        body: {
          type: 'object',
          required: ['body'],
          properties: {
            body: { type: 'string', minLength: 1, maxLength: 5000 },
            taskId: uuidParam,
            visibility: { enum: visibilities },
          },
          additionalProperties: false,
        },
        response: responses({ 201: commentJson }),
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      const body = request.body as { body: string; taskId?: string; visibility?: Visibility };
      const { access } = await readableCase(runtime.db, actor, id);
      const visibility = newCommentVisibility(access, body.visibility);
      await assertTaskOfCase(runtime.db, id, body.taskId);
      const comment = {
        id: runtime.ids(),
        caseId: id,
        taskId: body.taskId ?? null,
        authorId: actor.userId,
        body: body.body,
        visibility,
        createdAt: runtime.clock(),
      };
      // the case row first, then the comment, then the chain: one order for every write on a case
      await runtime.audit.write(id, async (tx) => {
        await tx.insert(comments).values(comment);
        return {
          value: undefined,
          audit: [
            {
              actorId: actor.userId,
              action: 'comment.added',
              at: comment.createdAt,
              data: { commentId: comment.id, visibility },
            },
          ],
        };
      });
      reply.status(201);
      return comment;
    },
  );
}
