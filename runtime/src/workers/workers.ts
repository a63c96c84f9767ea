import type { Runtime } from '../runtime.js';
import { queues } from '../queues/queue-driver.js';
import { LocalTimerLoop } from '../timers/local-timer-loop.js';
import { coalesced } from '../timers/coalesced.js';
import { eq } from 'drizzle-orm';
import { notifications } from '../db/schema.js';
import { openBundleFollowUp, openFollowUp, tellRater } from '../ratings/follow-up.js';
import { warnAdministrators } from '../calendars/calendar-coverage.js';
import { deliverMessage } from '../messages/message-channels.js';

export interface WorkerOptions {
  /** Department queues to work (default: every department). */
  departments?: string[];
  /** System queues to work: timers, notifications, system (default: all). */
  queues?: string[];
  /** How often overdue timers are looked for besides their delayed jobs (scaled mode). */
  reconcileMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface Workers {
  stop(): Promise<void>;
}

const systemQueues = [queues.timers, queues.notifications, queues.system];

/**
 * The workers of one process: the outbox relay, the timer driver, and consumers for the department
 * and system queues. `tongban start` runs them next to the API on the local driver; `tongban worker`
 * runs them alone, any number of processes over one PostgreSQL and one Redis.
 */
export async function startWorkers(runtime: Runtime, options: WorkerOptions = {}): Promise<Workers> {
  const log = options.log ?? (() => undefined);
  const driver = runtime.queues;
  const wanted = new Set(options.queues ?? systemQueues);
  const stops: Array<() => Promise<void>> = [];

  if (wanted.has(queues.timers)) {
    if (driver.kind === 'local') {
      const loop = new LocalTimerLoop(runtime.timers, {
        onError: (error) => log('timer loop failed', error),
      });
      runtime.relay.onTimers = (fireAts) => loop.wake(fireAts);
      loop.start();
      stops.push(() => loop.stop());
    } else {
      // a timer's job fires everything due by now, in batches: timers that come due together are
      // written together, and the jobs that arrive meanwhile share the next pass instead of each asking
      const fireDue = coalesced(() => runtime.timers.fireDue());
      await driver.consume(queues.timers, fireDue, { concurrency: 8 });
      // what came due while no worker ran fires now; after that, timers whose job was lost (Redis
      // flushed or restarted without its data, a job removed by hand) fire anyway, a few seconds late
      await runtime.timers.fireDue();
      const every = options.reconcileMs ?? 5000;
      const interval = setInterval(() => {
        runtime.timers
          .fireDue(undefined, 2000)
          .catch((error: unknown) => log('timer reconciler failed', error));
      }, every);
      stops.push(async () => clearInterval(interval));
    }
  }
  if (wanted.has(queues.notifications)) {
    const messages = {
      db: runtime.db,
      key: runtime.audit.key,
      clock: runtime.clock,
      channel: runtime.config.messages,
      devMailbox: runtime.config.devMailbox,
      log: (message: string) => log(message),
    };
    await driver.consume(queues.notifications, async (job) => {
      // a text message (a sign-in code) goes out by its channel: the log and mailbox, or the SMS webhook
      if (job.name === 'send') return deliverMessage(messages, job.data);
      // in-app delivery: the row is the notice
      const id = String(job.data.notificationId);
      const [row] = await runtime.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(eq(notifications.id, id));
      if (!row) log(`notification ${id} is gone`);
    });
  }
  if (wanted.has(queues.system)) {
    // rating.bad opens a follow-up; case.completed moves a bundle on, or tells a rater their bad rating
    // was followed up; case.startChild is accepted (no workflow of the library starts children yet)
    await driver.consume(queues.system, async (job) => {
      if (job.name === 'rating.bad') await openFollowUp(runtime, String(job.data.caseId));
      if (job.name === 'bundle.rating.bad') await openBundleFollowUp(runtime, String(job.data.applicationId));
      if (job.name === 'case.completed') {
        await runtime.bundles.childCompleted(
          String(job.data.caseId),
          typeof job.data.result === 'string' ? job.data.result : null,
        );
        await tellRater(runtime, String(job.data.caseId));
      }
    });
    // calendars that run out within 90 days: every administrator is told once (decision 0017)
    const warnCalendars = () =>
      warnAdministrators(
        { definitions: runtime.definitions, transact: runtime.database.transact },
        runtime.clock(),
      ).catch((error: unknown) => log('calendar coverage check failed', error));
    await warnCalendars();
    const calendarCheck = setInterval(() => void warnCalendars(), 12 * 3_600_000);
    calendarCheck.unref();
    stops.push(async () => clearInterval(calendarCheck));
  }
  const dispatch = (code: string) => async (job: { data: Record<string, unknown> }) => {
    await runtime.dispatch.dispatch({ taskId: String(job.data.taskId), department: code });
  };
  if (options.departments === undefined && driver.kind === 'local') {
    // in one process every department's queue is served, including departments published later
    await driver.consume(
      queues.department('*'),
      async (job) => dispatch(job.queue.slice('dept.'.length))(job),
      {
        concurrency: 4,
      },
    );
  } else {
    const departments = options.departments ?? runtime.directory.all().map((department) => department.code);
    for (const code of departments) {
      const policy = runtime.directory.get(code)?.dispatch;
      await driver.consume(queues.department(code), dispatch(code), {
        concurrency: policy?.concurrency ?? 1,
        ...(policy?.perMinute ? { perMinute: policy.perMinute } : {}),
      });
    }
  }
  // the audit ledger's sealer (decision 0009): every worker process tries, one at a time seals
  let sealing: Promise<void> | null = null;
  const sealer = setInterval(() => {
    sealing ??= runtime.audit
      .seal()
      .then(
        () => undefined,
        (error: unknown) => log('audit sealer failed', error),
      )
      .finally(() => {
        sealing = null;
      });
  }, runtime.config.auditSealMs);
  stops.push(async () => {
    clearInterval(sealer);
    await sealing;
  });
  runtime.relay.start();
  stops.push(() => runtime.relay.stop());
  return {
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
