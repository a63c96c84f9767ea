import { inArray, sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/database.js';
import { outbox } from '../db/schema.js';
import { queues, type QueueDriver, type QueueJob } from '../queues/queue-driver.js';

export interface OutboxRow {
  id: number;
  topic: string;
  payload: Record<string, unknown>;
}

export interface RelayOptions {
  batchSize?: number;
  /** A relay holds the rows it claimed this long; a crashed relay's rows come back after it. */
  leaseMs?: number;
  /** How often to look for rows nobody told us about (other nodes, a crash before the kick). */
  pollMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * The transactional outbox's relay: commands write outbox rows in their own transaction; after commit
 * the relay claims unsent rows (`for update skip locked`, so several relays share the work), hands
 * their jobs to the queue driver and marks them sent. If the driver is down (Redis stopped), the rows
 * stay unsent and are tried again with a growing pause: nothing is lost, the outbox drains when it
 * returns. Delivery is at least once; handlers are idempotent.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = true;
  /** Timers were scheduled (the local timer loop may need to wake up earlier). */
  onTimers: ((fireAts: Date[]) => void) | null = null;

  constructor(
    private readonly deps: { db: Database; driver: QueueDriver; clock: () => Date },
    private readonly options: RelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 1000;
  }

  start(): void {
    this.stopped = false;
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Something was committed: drain soon (calls close together share one drain). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.drain()
      .catch((error: unknown) => {
        this.options.onError?.(error);
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.kick();
        } else this.timer = setTimeout(() => this.kick(), this.pollMs);
      });
  }

  /** Publishes everything unsent now; returns how many rows were sent. */
  async drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      const rows = await this.claim();
      if (rows.length === 0) return sent;
      try {
        await this.deps.driver.publish(rows.flatMap((row) => this.jobsOf(row)));
      } catch (error) {
        await this.release(rows, error);
        throw error;
      }
      await this.deps.db
        .update(outbox)
        .set({ sentAt: this.deps.clock(), lockedUntil: null, lastError: null })
        .where(
          inArray(
            outbox.id,
            rows.map((row) => row.id),
          ),
        );
      sent += rows.length;
      const timers = rows.filter((row) => row.topic === 'timers.scheduled');
      if (timers.length > 0 && this.onTimers)
        this.onTimers(timers.flatMap((row) => scheduledOf(row).map((timer) => timer.fireAt)));
    }
  }

  /** Rows not yet sent, in order. */
  async pending(): Promise<number> {
    const [row] = rowsOf<{ count: number }>(
      await this.deps.db.execute(sql`select count(*)::int as count from outbox where sent_at is null`),
    );
    return row?.count ?? 0;
  }

  private async claim(): Promise<OutboxRow[]> {
    const now = this.deps.clock();
    const rows = await this.deps.db.execute(sql`
      update outbox set locked_until = ${new Date(now.getTime() + this.leaseMs).toISOString()}::timestamptz,
                        attempts = attempts + 1
      where id in (
        select id from outbox
        where sent_at is null and (locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)
        order by id limit ${this.batchSize}
        for update skip locked)
      returning id, topic, payload`);
    return rowsOf<OutboxRow>(rows)
      .map((row) => ({ ...row, id: Number(row.id) }))
      .sort((a, b) => a.id - b.id);
  }

  /** A failed publish: the rows come back after a pause that grows with their attempts. */
  private async release(rows: OutboxRow[], error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.deps.db.execute(sql`
      update outbox set last_error = ${message.slice(0, 500)},
        locked_until = ${this.deps.clock().toISOString()}::timestamptz
                       + least(interval '30 seconds', interval '250 milliseconds' * power(2, least(attempts, 10)))
      where id = any(${sql.param(rows.map((row) => row.id))}::bigint[])`);
  }

  /** What a committed row asks the queues to do. */
  private jobsOf(row: OutboxRow): QueueJob[] {
    const payload = row.payload;
    switch (row.topic) {
      case 'task.opened':
        return [
          {
            queue: queues.department(String(payload.department)),
            name: 'dispatch',
            id: `dispatch.${String(payload.taskId)}.${row.id}`,
            data: payload,
          },
        ];
      case 'notification':
        return [
          {
            queue: queues.notifications,
            name: 'deliver',
            id: `notification.${String(payload.notificationId)}`,
            data: payload,
          },
        ];
      case 'message':
        // a text message (a sign-in code): sent by the channel the workers are configured with
        return [
          {
            queue: queues.notifications,
            name: 'send',
            id: `message.${String(payload.messageId)}`,
            data: payload,
          },
        ];
      case 'timers.scheduled':
        // local: the timer loop reads the rows itself; BullMQ: a delayed job per timer and due moment
        if (this.deps.driver.kind === 'local') return [];
        return wakeUpJobs(
          scheduledOf(row).map((timer) => timer.fireAt),
          this.deps.clock(),
        );
      case 'job.retry':
        // a dead letter an administrator sends again: the same job under a new id
        return [
          {
            queue: String(payload.queue),
            name: String(payload.name),
            id: String(payload.id),
            data: (payload.data ?? {}) as Record<string, unknown>,
          },
        ];
      default:
        return [{ queue: queues.system, name: row.topic, id: `${row.topic}.${row.id}`, data: payload }];
    }
  }
}

function scheduledOf(row: OutboxRow): Array<{ timerId: string; fireAt: Date }> {
  const list = Array.isArray(row.payload.timers)
    ? (row.payload.timers as Array<Record<string, unknown>>)
    : [];
  return list.map((timer) => ({ timerId: String(timer.timerId), fireAt: new Date(String(timer.fireAt)) }));
}

/** Timers due within the same tenth of a second share one wake-up. */
export const wakeUpBucketMs = 100;

/**
 * The delayed jobs that wake the timer workers: one per moment (rounded up to 100 ms) at which some
 * timer is due, keyed by that moment, so scheduling it again is the same job and timers due together
 * share it (100,000 timers due within a minute are 600 jobs, not 100,000). The job carries no timer:
 * it fires everything due by then, from the rows, so a cancelled or moved timer simply is not there.
 */
export function wakeUpJobs(fireAts: Date[], now: Date): QueueJob[] {
  const moments = new Set(fireAts.map((at) => Math.ceil(at.getTime() / wakeUpBucketMs) * wakeUpBucketMs));
  return [...moments].map((moment) => ({
    queue: queues.timers,
    name: 'wake',
    id: `wake@${moment}`,
    data: { at: moment },
    delayMs: Math.max(0, moment - now.getTime()),
  }));
}
