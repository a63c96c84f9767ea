/**
 * How work leaves the database: the outbox relay publishes jobs after commit, workers consume them.
 * Queues only dispatch; the rows stay the truth, and every handler is idempotent (a job for something
 * that has already moved on does nothing), so delivering a job twice is harmless.
 */
export interface QueueJob {
  queue: string;
  name: string;
  /** Stable id: publishing the same id twice runs the job once (BullMQ) or is harmless (handlers). */
  id: string;
  data: Record<string, unknown>;
  /** Run no earlier than this many ms from now. */
  delayMs?: number;
}

export interface ReceivedJob {
  queue: string;
  name: string;
  id: string;
  data: Record<string, unknown>;
  /** 1 on the first try. */
  attempt: number;
}

export type JobHandler = (job: ReceivedJob) => Promise<void>;

export interface ConsumeOptions {
  /** Jobs of this queue handled at once by this process. */
  concurrency?: number;
  /** At most this many jobs of this queue a minute (across all workers on BullMQ). */
  perMinute?: number;
}

/** A job that failed every try, handed to the dead-letter store. */
export interface FailedJob extends ReceivedJob {
  error: string;
}

export interface QueueDriver {
  readonly kind: 'local' | 'bullmq';
  /** Hands jobs over; resolves once they are accepted durably (local: once handled). */
  publish(jobs: QueueJob[]): Promise<void>;
  /** Handles a queue's jobs in this process from now on. */
  consume(queue: string, handler: JobHandler, options?: ConsumeOptions): Promise<void>;
  /** Stops consuming and lets running jobs finish. */
  close(): Promise<void>;
}

/** Tries a job gets before it becomes a dead letter. */
export const maxAttempts = 5;

/** Queue names: one per department plus the system queues. */
export const queues = {
  department: (code: string) => `dept.${code}`,
  timers: 'timers',
  notifications: 'notifications',
  system: 'system',
} as const;
