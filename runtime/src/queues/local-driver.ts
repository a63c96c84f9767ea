import type {
  ConsumeOptions,
  FailedJob,
  JobHandler,
  QueueDriver,
  QueueJob,
  ReceivedJob,
} from './queue-driver.js';
import { maxAttempts } from './queue-driver.js';

interface Consumer {
  handler: JobHandler;
  concurrency: number;
  running: number;
  waiting: Array<() => void>;
}

/**
 * The embedded mode's driver: jobs run in this process. `publish` resolves once the jobs are handled,
 * so the relay marks an outbox row sent only after its work is done: a crash before that leaves the row
 * unsent and it is published again at the next start (at least once). Retries back off; a job that
 * fails every try goes to the dead letters. Timers are not jobs here: the local timer loop reads the
 * timer rows itself.
 */
export class LocalDriver implements QueueDriver {
  readonly kind = 'local' as const;
  private readonly consumers = new Map<string, Consumer>();
  private readonly delayed = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly onDeadLetter: (job: FailedJob) => Promise<void>,
    private readonly retryDelayMs = (attempt: number) => Math.min(30_000, 100 * 2 ** attempt),
  ) {}

  async publish(jobs: QueueJob[]): Promise<void> {
    // refuse rather than hold jobs in memory: the outbox keeps them until a process that works the
    // queue relays them (an API node without Redis must not mark them sent)
    const unserved = jobs.find((job) => !this.consumerOf(job.queue));
    if (unserved) throw new Error(`no worker for queue ${unserved.queue} in this process`);
    await Promise.all(
      jobs.map((job) => {
        if (job.delayMs !== undefined && job.delayMs > 0) {
          this.schedule(job);
          return undefined;
        }
        return this.run(job);
      }),
    );
  }

  async consume(queue: string, handler: JobHandler, options: ConsumeOptions = {}): Promise<void> {
    this.consumers.set(queue, { handler, concurrency: options.concurrency ?? 4, running: 0, waiting: [] });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timeout of this.delayed.values()) clearTimeout(timeout);
    this.delayed.clear();
  }

  /** The queue's own consumer, else one for a family of queues (`dept.*`). */
  private consumerOf(queue: string): Consumer | undefined {
    const own = this.consumers.get(queue);
    if (own) return own;
    const dot = queue.indexOf('.');
    return dot > 0 ? this.consumers.get(`${queue.slice(0, dot)}.*`) : undefined;
  }

  private schedule(job: QueueJob): void {
    const key = `${job.queue}/${job.id}`;
    if (this.delayed.has(key)) return; // one delivery per id
    this.delayed.set(
      key,
      setTimeout(() => {
        this.delayed.delete(key);
        void this.run({ ...job, delayMs: 0 });
      }, job.delayMs),
    );
  }

  private async run(job: QueueJob): Promise<void> {
    if (this.closed) return;
    const consumer = this.consumerOf(job.queue);
    if (!consumer) throw new Error(`no worker for queue ${job.queue} in this process`);
    while (consumer.running >= consumer.concurrency) await new Promise<void>((r) => consumer.waiting.push(r));
    consumer.running += 1;
    try {
      for (let attempt = 1; ; attempt++) {
        const received: ReceivedJob = {
          queue: job.queue,
          name: job.name,
          id: job.id,
          data: job.data,
          attempt,
        };
        try {
          await consumer.handler(received);
          return;
        } catch (error) {
          if (attempt >= maxAttempts || this.closed) {
            await this.onDeadLetter({
              ...received,
              error: error instanceof Error ? error.message : String(error),
            });
            return;
          }
          await new Promise((r) => setTimeout(r, this.retryDelayMs(attempt)));
        }
      }
    } finally {
      consumer.running -= 1;
      consumer.waiting.shift()?.();
    }
  }
}
