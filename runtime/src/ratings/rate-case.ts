import type { Runtime } from '../runtime.js';
import { outbox, ratings } from '../db/schema.js';
import { ApiError } from '../errors/api-error.js';

export type Score = 'good' | 'average' | 'bad';

/** A case's rating as it is stored and answered. */
export interface Rating {
  caseId: string;
  /** null: rated with a report's follow code by someone without an account (decision 0024). */
  raterId: string | null;
  score: Score;
  reason: string | null;
  createdAt: Date;
}

/**
 * 好差评, the one way a case is rated, whoever rates it (its applicant by id, a reporter by follow
 * code): once, after closure, in the case's audit chain; a bad rating writes a `rating.bad` outbox row
 * in the same transaction, from which a follow-up opens for the department's supervisors
 * (follow-up.ts). The caller has checked that `raterId` (or the code's holder) may rate the case.
 */
export async function rateCase(
  runtime: Runtime,
  kase: { id: string; status: string },
  input: { raterId: string | null; score: Score; reason?: string | undefined },
): Promise<Rating> {
  if (kase.status !== 'done') throw new ApiError('TB_NOT_RATEABLE');
  const rating: Rating = {
    caseId: kase.id,
    raterId: input.raterId,
    score: input.score,
    reason: input.reason ?? null,
    createdAt: runtime.clock(),
  };
  await runtime.audit.write(kase.id, async (tx) => {
    const inserted = await tx.insert(ratings).values(rating).onConflictDoNothing().returning();
    if (inserted.length === 0) throw new ApiError('TB_NOT_RATEABLE');
    if (input.score === 'bad')
      await tx.insert(outbox).values({ topic: 'rating.bad', payload: { caseId: kase.id } });
    return {
      value: undefined,
      audit: [
        {
          actorId: input.raterId,
          action: 'case.rated',
          at: rating.createdAt,
          data: { score: input.score },
        },
      ],
    };
  });
  if (input.score === 'bad') runtime.relay.kick();
  return rating;
}
