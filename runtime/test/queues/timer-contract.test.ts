import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { auditEvents, timers, users } from '../../src/db/schema.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { seedDemo } from '../../src/seed/seed.js';
import { startWorkers, type Workers } from '../../src/workers/workers.js';
import type { Actor } from '../../src/auth/actor.js';
import { openTestDatabase, testDriver } from '../support/test-database.js';
import { dropRedisPrefix } from '../support/redis.js';

/**
 * The queue contract, on the driver each mode uses: the local driver on PGlite (embedded) and BullMQ on
 * the real Redis at 127.0.0.1:6379 with PostgreSQL (scaled), each run under a Redis prefix of its own.
 * Timers run on the wall clock here, with SLAs of a few seconds, so BullMQ's delayed jobs really fire.
 */
const driver = testDriver() === 'pglite' ? 'local' : 'bullmq';
const redisPrefix = `tb-test-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
const SLA_MS = 2000;

const quickWorkflow = {
  kind: 'workflow',
  key: 'contract-quick',
  version: 1,
  title: { 'zh-CN': '契约测试', en: 'Contract test' },
  machine: {
    initial: 'work',
    states: {
      work: {
        meta: {
          task: {
            title: { 'zh-CN': '办理', en: 'Work' },
            queue: { department: 'd1.minzheng' },
            outcomes: ['done', 'requestSupplement'],
            sla: { duration: `PT${SLA_MS / 1000}S` },
            escalation: [
              { at: 0.75, action: 'warn' },
              { at: 1, action: 'breach' },
            ],
          },
        },
        on: { done: 'closed' },
      },
      closed: { type: 'final', meta: { result: 'done' } },
    },
  },
};

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const runtimes: Runtime[] = [];
const running: Workers[] = [];

async function newRuntime(): Promise<Runtime> {
  const runtime = await createRuntime(
    loadConfig({
      ...process.env,
      DATABASE_URL: '',
      REDIS_URL: driver === 'bullmq' ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : '',
    }),
    { database, migrate: false, redisPrefix, timers: { leaseMs: 5000, batchSize: 20 } },
  );
  runtimes.push(runtime);
  return runtime;
}

async function work(runtime: Runtime): Promise<Workers> {
  const workers = await startWorkers(runtime, { reconcileMs: 1000, departments: ['d1.minzheng'] });
  running.push(workers);
  return workers;
}

let main: Runtime;
let staff: Actor;
let resident: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  main = await newRuntime();
  await seedDemo(main);
  const imported = await main.definitions.importAll([quickWorkflow], null);
  expect(imported.problems).toEqual([]);
  const idOf = async (username: string) =>
    (await main.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
  staff = await main.auth.actorOf(await idOf('minzheng'));
  resident = await main.auth.actorOf(await idOf('resident'));
}, 120_000);

afterAll(async () => {
  for (const workers of running) await workers.stop();
  for (const runtime of runtimes) await runtime.close();
  await database?.close();
  if (driver === 'bullmq') await dropRedisPrefix(redisPrefix);
});

async function stopAll(): Promise<void> {
  for (const workers of running.splice(0)) await workers.stop();
}

const startCase = async () => {
  const kase = await main.cases.start(resident, { workflow: 'contract-quick', data: {} });
  const [task] = Object.values(kase.snapshot.tasks);
  return { caseId: kase.id, taskId: task!.id };
};

const escalations = async (caseIds: string[]) =>
  (
    await main.db
      .select({ caseId: auditEvents.caseId, data: auditEvents.data })
      .from(auditEvents)
      .where(and(inArray(auditEvents.caseId, caseIds), eq(auditEvents.action, 'task.escalated')))
  ).map((row) => `${String(row.data.taskId)}#${String(row.data.step)}`);

const timerRows = (caseIds: string[]) => main.db.select().from(timers).where(inArray(timers.caseId, caseIds));

async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`queue contract on the ${driver} driver`, () => {
  it('should fire a timer that came due while no worker ran exactly once, at start-up', async () => {
    // given a case whose SLA timers all come due while nothing runs
    const { caseId, taskId } = await startCase();
    await sleep(SLA_MS + 300);
    // when a worker starts
    await work(main);
    // then each step fires once: a yellow warning, then the red breach
    await until(async () => (await escalations([caseId])).length === 2);
    await sleep(1500);
    expect((await escalations([caseId])).sort()).toEqual([`${taskId}#0`, `${taskId}#1`]);
    expect((await timerRows([caseId])).map((row) => row.status)).toEqual(['fired', 'fired']);
    await stopAll();
  });

  it('should never fire a timer cancelled before it was due', async () => {
    await work(main);
    const { caseId, taskId } = await startCase();
    // the task is done before its warning is due: its timers are cancelled
    await main.tasks.complete(staff, taskId, { outcome: 'done' });
    await sleep(SLA_MS + 1500);
    expect(await escalations([caseId])).toEqual([]);
    expect((await timerRows([caseId])).map((row) => row.status)).toEqual(['cancelled', 'cancelled']);
    await stopAll();
  });

  it('should move the timers of a paused clock: nothing fires while waiting, later after resuming', async () => {
    await work(main);
    const { caseId, taskId } = await startCase();
    const before = await timerRows([caseId]);
    // the department asks the applicant for supplements: the clock stops
    await main.tasks.complete(staff, taskId, {
      outcome: 'requestSupplement',
      items: ['身份证复印件'],
      reason: '材料不全',
    });
    const pausedMs = SLA_MS + 500;
    await sleep(pausedMs);
    expect(await escalations([caseId])).toEqual([]);
    // the applicant answers: the clock runs again from where it stopped
    await main.cases.command(resident, caseId, { type: 'supplement.provided', data: {} });
    const moved = await timerRows([caseId]);
    for (const timer of moved) {
      const original = before.find((row) => row.id === timer.id)!;
      expect(timer.status).toBe('pending');
      expect(timer.fireAt.getTime()).toBeGreaterThanOrEqual(original.fireAt.getTime() + pausedMs);
    }
    await until(async () => (await escalations([caseId])).length === 2);
    const fired = await timerRows([caseId]);
    for (const timer of fired) {
      expect(timer.status).toBe('fired');
      expect(timer.firedAt!.getTime()).toBeGreaterThanOrEqual(
        moved.find((row) => row.id === timer.id)!.fireAt.getTime(),
      );
    }
    await stopAll();
  });

  it('should let two workers share the timers without both acting on one', async () => {
    // given two worker processes' worth of services on one database (and one Redis)
    const second = await newRuntime();
    await work(main);
    await work(second);
    const started = await Promise.all(Array.from({ length: 40 }, () => startCase()));
    const caseIds = started.map((kase) => kase.caseId);
    // when all 80 timers come due
    await until(async () => (await escalations(caseIds)).length >= 80, 30_000);
    await sleep(1500);
    // then each step of each task escalated exactly once, and every case's audit chain holds
    const fired = await escalations(caseIds);
    expect(fired).toHaveLength(80);
    expect(new Set(fired).size).toBe(80);
    expect((await timerRows(caseIds)).every((row) => row.status === 'fired')).toBe(true);
    for (const caseId of caseIds.slice(0, 5)) expect((await main.audit.verify(caseId)).breaks).toEqual([]);
    await stopAll();
  });
});
