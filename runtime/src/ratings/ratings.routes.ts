import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { readableCase } from '../cases/case-access.js';
import { ratings } from '../db/schema.js';
import { forbidden } from '../errors/api-error.js';
import { rateCase } from './rate-case.js';
import { signedIn } from '../http/auth-hook.js';
import { idParams, instant, nullable, responses, uuidParam } from '../http/schemas.js';

const ratingJson = {
  type: 'object',
  required: ['caseId', 'raterId', 'score', 'reason', 'createdAt'],
  properties: {
    caseId: uuidParam,
    raterId: nullable(uuidParam),
    score: { enum: ['good', 'average', 'bad'] },
    reason: nullable({ type: 'string' }),
    createdAt: instant,
  },
  additionalProperties: false,
} as const;

export async function ratingRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.post(
    '/cases/:id/rating',
    {
      schema: {
        tags: ['ratings'],
        summary: 'Rate a closed case (好差评): good, average or bad, with a reason',
        params: idParams,
        body: {
          type: 'object',
          required: ['score'],
          properties: {
            score: { enum: ['good', 'average', 'bad'] },
            reason: { type: 'string', minLength: 1, maxLength: 2000 },
          },
          additionalProperties: false,
        },
        response: responses({ 201: ratingJson }),
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      const body = request.body as { score: 'good' | 'average' | 'bad'; reason?: string };
      const { row, access } = await readableCase(runtime.db, actor, id);
      if (!access.applicant) throw forbidden();
      const rating = await rateCase(runtime, row, {
        raterId: actor.userId,
        score: body.score,
        reason: body.reason,
      });
      reply.status(201);
      return rating;
    },
  );

  app.get(
    '/cases/:id/rating',
    {
      schema: {
        tags: ['ratings'],
        summary: "A case's rating (null until it is rated)",
        params: idParams,
        response: responses({ 200: nullable(ratingJson) }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { id } = request.params as { id: string };
      await readableCase(runtime.db, actor, id);
      const [rating] = await runtime.db.select().from(ratings).where(eq(ratings.caseId, id));
      return rating ?? null;
    },
  );
}
