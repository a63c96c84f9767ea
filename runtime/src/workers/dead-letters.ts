import type { Database } from '../db/database.js';
import { deadLetters } from '../db/schema.js';
import type { FailedJob } from '../queues/queue-driver.js';

/** A job that failed every try is kept where an administrator can read it and send it again. */
export function deadLetterStore(db: Database, clock: () => Date) {
  return async (job: FailedJob): Promise<void> => {
    await db.insert(deadLetters).values({
      queue: job.queue,
      jobId: job.id,
      name: job.name,
      data: job.data,
      error: job.error.slice(0, 2000),
      attempts: job.attempt,
      failedAt: clock(),
    });
  };
}
