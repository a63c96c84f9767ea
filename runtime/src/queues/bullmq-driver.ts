import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { ConsumeOptions, FailedJob, JobHandler, QueueDriver, QueueJob } from './queue-driver.js';
import { maxAttempts } from './queue-driver.js';

export interface BullmqDriverOptions {
  /** redis://host:port */
  url: string;
  /** Key prefix in Redis: several installations (or test runs) share one Redis without meeting. */
  prefix?: string;
  /** A crashed worker's jobs go back to the queue after this long. */
  lockDurationMs?: number;
}

const publishChunk = 500;

/** BullMQ refuses ':' in custom job ids; ours are uuids with a few separators, so ':' becomes '|'. */
const jobIdOf = (id: string) => id.replaceAll(':', '|');

/**
 * The scaled mode's driver: BullMQ on Redis, one queue per department plus system queues. Delayed jobs
 * are keyed by id, so adding a timer's job twice schedules it once; retries back off exponentially and
 * a job that fails every try becomes a dead letter in the database, where an administrator sees it.
 */
export class BullmqDriver implements QueueDriver {
  readonly kind = 'bullmq' as const;
  private readonly queuesByName = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly connection: ConnectionOptions;
  private readonly prefix: string;

  constructor(
    private readonly options: BullmqDriverOptions,
    private readonly onDeadLetter: (job: FailedJob) => Promise<void>,
  ) {
    const url = new URL(options.url);
    this.connection = {
      host: url.hostname,
      port: Number(url.port || 6379),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(url.pathname.length > 1 ? { db: Number(url.pathname.slice(1)) } : {}),
      // commands wait for Redis to come back instead of failing (the relay retries anyway), and the
      // connection is tried again every second at most: BullMQ's own pause grows to 20 s, which would
      // leave the queues idle that long after a short outage
      maxRetriesPerRequest: null,
      retryStrategy: (attempt: number) => Math.min(1000, 100 * attempt),
    };
    this.prefix = options.prefix ?? 'tongban';
  }

  private queue(name: string): Queue {
    let queue = this.queuesByName.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      // a lost connection is retried by ioredis; the relay reports failed publishes itself
      queue.on('error', () => undefined);
      this.queuesByName.set(name, queue);
    }
    return queue;
  }

  async publish(jobs: QueueJob[]): Promise<void> {
    const byQueue = new Map<string, QueueJob[]>();
    for (const job of jobs) byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), job]);
    await Promise.all(
      [...byQueue].map(async ([name, list]) => {
        // a few hundred jobs a round trip: one giant pipeline costs the worker hundreds of MB at once
        for (let at = 0; at < list.length; at += publishChunk)
          await this.queue(name).addBulk(
            list.slice(at, at + publishChunk).map((job) => ({
              name: job.name,
              data: job.data,
              opts: {
                jobId: jobIdOf(job.id),
                ...(job.delayMs !== undefined && job.delayMs > 0 ? { delay: job.delayMs } : {}),
                attempts: maxAttempts,
                backoff: { type: 'exponential', delay: 1000 },
                removeOnComplete: true,
                removeOnFail: 1000,
              },
            })),
          );
      }),
    );
  }

  async consume(queue: string, handler: JobHandler, options: ConsumeOptions = {}): Promise<void> {
    const worker = new Worker(
      queue,
      async (job: Job) => {
        await handler({
          queue,
          name: job.name,
          id: job.id ?? '',
          data: job.data as Record<string, unknown>,
          attempt: job.attemptsMade + 1,
        });
      },
      {
        connection: this.connection,
        prefix: this.prefix,
        concurrency: options.concurrency ?? 4,
        ...(options.perMinute ? { limiter: { max: options.perMinute, duration: 60_000 } } : {}),
        lockDuration: this.options.lockDurationMs ?? 30_000,
        stalledInterval: Math.max(1000, Math.round((this.options.lockDurationMs ?? 30_000) / 2)),
      },
    );
    worker.on('error', () => undefined);
    worker.on('failed', (job, error) => {
      if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
      void this.onDeadLetter({
        queue,
        name: job.name,
        id: job.id ?? '',
        data: job.data as Record<string, unknown>,
        attempt: job.attemptsMade,
        error: error.message,
      });
    });
    this.workers.push(worker);
    await worker.waitUntilReady();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all([...this.queuesByName.values()].map((queue) => queue.close()));
  }
}
