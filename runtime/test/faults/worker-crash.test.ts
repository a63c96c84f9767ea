import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createRuntime } from '../../src/runtime.js';
import { seedDemo } from '../../src/seed/seed.js';
import { openTestDatabase } from '../support/test-database.js';
import { dropRedisPrefix } from '../support/redis.js';
import { cloneCasesWithDueTimers } from '../support/due-timers.js';

/**
 * Scaled mode, real processes: a `tongban worker` on BullMQ and PostgreSQL is killed with SIGKILL in
 * the middle of 5,000 timer firings. After a new worker starts, every timer has fired exactly once in
 * effect: one escalation per task and step, every case's audit chain intact.
 */
const TIMERS = 5000;
const require = createRequire(import.meta.url);
const cliSource = fileURLToPath(new URL('../../src/cli/tongban.ts', import.meta.url));
const redisPrefix = `tb-test-crash-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let sql: postgres.Sql;
const children: ChildProcess[] = [];

/** The worker itself, not the CLI launcher, so that SIGKILL hits the process doing the work. */
function startWorker(): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      '--conditions=tongban-source',
      '--import',
      require.resolve('tsx'),
      cliSource,
      'worker',
      '--queues',
      'timers',
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        TONGBAN_REDIS_PREFIX: redisPrefix,
        TONGBAN_TIMER_LEASE_SECONDS: '3',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  children.push(child);
  return child;
}

const count = async (status: string) =>
  (await sql<Array<{ n: number }>>`select count(*)::int as n from timers where status = ${status}`)[0]!.n;

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
  if (!database.url) throw new Error('the fault tests run on PostgreSQL');
  // one real case of the standard approval, started a week ago, cloned into 5,000 whose warnings are due
  const weekAgo = new Date(Date.now() - 7 * 24 * 3600_000);
  const runtime = await createRuntime(loadConfig({ ...process.env, DATABASE_URL: '', REDIS_URL: '' }), {
    database,
    migrate: false,
    clock: () => weekAgo,
  });
  await seedDemo(runtime);
  sql = postgres(database.url, { max: 2, onnotice: () => undefined });
  await cloneCasesWithDueTimers(runtime, sql, TIMERS, { firstMs: Date.now() - 60_000, stepMs: 0 });
  await sql`analyze`;
  await runtime.close();
}, 180_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await sql?.end();
  await database?.close();
  await dropRedisPrefix(redisPrefix);
});

describe('a worker killed in the middle of 5,000 timer firings', () => {
  it('should leave every timer fired exactly once in effect after a new worker starts', async () => {
    // given a worker firing the 5,000 due warnings
    const first = startWorker();
    await until(async () => (await count('fired')) >= 500, 120_000);
    // when it is killed outright mid-way
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const firedBeforeCrash = await count('fired');
    expect(firedBeforeCrash).toBeLessThan(TIMERS);
    // and a new worker takes over
    startWorker();
    await until(async () => (await count('pending')) === 0, 180_000);

    // then every timer fired, and every warning was given exactly once
    expect(await count('fired')).toBe(TIMERS);
    const steps = await sql<Array<{ n: number; once: number }>>`
      select count(*)::int as n, count(*) filter (where times = 1)::int as once from (
        select case_id, data->>'taskId' as task, data->>'step' as step, count(*) as times
        from audit_events where action = 'task.escalated' group by 1, 2, 3) s`;
    expect(steps[0]).toEqual({ n: TIMERS, once: TIMERS });
    const flags = await sql<Array<{ flag: string; n: number }>>`
      select t.flag, count(*)::int as n from tasks t join timers m on m.task_id = t.id
      where m.status = 'fired' group by t.flag`;
    expect(flags).toEqual([{ flag: 'yellow', n: TIMERS }]);
    // the snapshots agree with the rows: the warning step is marked fired in each case
    const unmarked = await sql<Array<{ n: number }>>`
      select count(*)::int as n from cases c, jsonb_each(c.snapshot->'tasks') t
      where c.status = 'active' and (t.value->'steps'->0->>'fired')::boolean is not true and c.version > 1`;
    expect(unmarked[0]!.n).toBe(0);
    const runtime = await createRuntime(loadConfig({ ...process.env, DATABASE_URL: '', REDIS_URL: '' }), {
      database,
      migrate: false,
    });
    const audit = await runtime.audit.verify();
    expect(audit.breaks).toEqual([]);
    expect(audit.cases).toBeGreaterThanOrEqual(TIMERS);
    await runtime.close();
  }, 300_000);
});
