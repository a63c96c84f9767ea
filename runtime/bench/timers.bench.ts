/**
 * Timer benchmark (issue 5), on PostgreSQL: TIMERS pending timers (default 100,000), one per open task
 * of as many cases, due evenly over WINDOW seconds (default 60), then BURST more (default 50,000) due at
 * one moment, fired by one `tongban worker` process, on the local driver and on BullMQ (REDIS_URL,
 * default redis://127.0.0.1:6379, a prefix of its own). Reports firing lag p50/p99 (fired_at - fire_at)
 * of the window's timers, the sustained firing rate (the burst's timers over the time from their moment
 * to the last one fired) next to raw BullMQ no-op job throughput measured in the same run, and the
 * worker's peak RSS. Targets: p99 < 1 s on BullMQ,
 * firing rate >= 30% of raw BullMQ, worker RSS < 200 MB.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Queue, Worker } from 'bullmq';
import postgres from 'postgres';
import { AuditKey } from '../src/audit/audit-key.js';
import { loadConfig } from '../src/config/config.js';
import { createRuntime } from '../src/runtime.js';
import { seedDemo } from '../src/seed/seed.js';
import { dropRedisPrefix } from '../test/support/redis.js';
import { cloneCasesWithDueTimers } from '../test/support/due-timers.js';

const TIMERS = Number(process.env.BENCH_TIMERS ?? 100_000);
const WINDOW_S = Number(process.env.BENCH_TIMER_WINDOW ?? 60);
const BURST = Number(process.env.BENCH_TIMER_BURST ?? 50_000);
const LEAD_S = 15; // time for the worker to start before the first timer is due
const BURST_GAP_S = 10; // the burst comes due this long after the window's last timer
const adminUrl = process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// the worker runs compiled, as in production (`pnpm bench` builds first): not through the TypeScript loader
const cli = fileURLToPath(new URL('../dist/cli/tongban.js', import.meta.url));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

interface ModeResult {
  mode: string;
  p50: number;
  p99: number;
  rate: number;
  rssMb: number;
}

/** The scaled mode's audit key (the chains are keyed, decision 0009): every process of a run shares it. */
const auditKey = AuditKey.generate().toText();

async function runMode(mode: 'local' | 'bullmq'): Promise<ModeResult> {
  const dbName = `tb_bench_timers_${mode}_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${dbName}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const prefix = `tb-bench-${mode}-${Date.now().toString(36)}`;
  try {
    // a template case whose warning step is long past, cloned into TIMERS cases
    let now = new Date('2026-03-02T09:00:00+08:00');
    const runtime = await createRuntime(
      loadConfig({
        ...process.env,
        DATABASE_URL: databaseUrl,
        REDIS_URL: '',
        // the scaled mode needs an audit key; a bench makes one up
        TONGBAN_AUDIT_KEY: process.env.TONGBAN_AUDIT_KEY ?? auditKey,
      }),
      { clock: () => now },
    );
    await seedDemo(runtime);
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
    const loadBegan = performance.now();
    const firstDue = Date.now() + LEAD_S * 1000;
    await cloneCasesWithDueTimers(runtime, sql, TIMERS, {
      firstMs: firstDue,
      stepMs: (WINDOW_S * 1000) / TIMERS,
    });
    // then BURST timers due at one moment: how fast the worker drains a backlog is its firing rate
    const burstAt = firstDue + (WINDOW_S + BURST_GAP_S) * 1000;
    await cloneCasesWithDueTimers(runtime, sql, BURST, { firstMs: burstAt, stepMs: 0 });
    now = new Date();
    await runtime.close();
    // the relay's view of them: one outbox row per thousand timers
    await sql`
      insert into outbox (topic, payload)
      select 'timers.scheduled', jsonb_build_object('timers', jsonb_agg(jsonb_build_object('timerId', id, 'fireAt', fire_at)))
      from (select id, fire_at, (row_number() over (order by fire_at) - 1) / 1000 as chunk from timers where status = 'pending') t
      group by chunk`;
    await sql`vacuum analyze`;
    console.log(
      `timers (${mode}): ${fmt(TIMERS + BURST)} timers loaded in ${((performance.now() - loadBegan) / 1000).toFixed(1)} s`,
    );

    const worker = spawn(process.execPath, [cli, 'worker', '--departments', 'd1.minzheng'], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        REDIS_URL: mode === 'bullmq' ? redisUrl : '',
        TONGBAN_REDIS_PREFIX: prefix,
        TONGBAN_AUDIT_KEY: process.env.TONGBAN_AUDIT_KEY ?? auditKey,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    let peakRss = 0;
    // measure the largest process of the worker's tree (a launcher would run it as a child)
    const sampler = setInterval(() => {
      for (const pid of processTree(worker.pid ?? 0)) {
        try {
          const status = readFileSync(`/proc/${pid}/status`, 'utf8');
          peakRss = Math.max(peakRss, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
        } catch {
          // gone already
        }
      }
    }, 250);
    const deadline = burstAt + 300_000;
    for (;;) {
      const [left] = await sql<
        Array<{ n: number }>
      >`select count(*)::int as n from timers where status = 'pending'`;
      if ((left?.n ?? 0) === 0) break;
      if (Date.now() > deadline) throw new Error(`${left?.n} timers still pending long after the window`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    clearInterval(sampler);
    worker.kill('SIGTERM');
    const burstMoment = new Date(burstAt).toISOString();
    const rows = await sql<Array<{ lag: number }>>`
      select extract(epoch from (fired_at - fire_at)) * 1000 as lag from timers
      where fire_at < ${burstMoment}::timestamptz and status = 'fired' order by lag`;
    const lags = rows.map((row) => Number(row.lag));
    if (lags.length < TIMERS) throw new Error(`only ${lags.length} of ${TIMERS} window timers fired`);
    // the burst's rate: from its moment to its last firing
    const [span] = await sql<Array<{ seconds: number }>>`
      select extract(epoch from (max(fired_at) - min(fire_at)))::float8 as seconds from timers
      where fire_at = ${burstMoment}::timestamptz`;
    const [duplicates] = await sql<Array<{ n: number }>>`
      select count(*)::int as n from (select case_id, data->>'step' from audit_events where action = 'task.escalated'
        group by 1, 2 having count(*) > 1) d`;
    if ((duplicates?.n ?? 0) > 0) throw new Error(`${duplicates?.n} steps escalated twice`);
    await sql.end();
    return {
      mode,
      p50: percentile(lags, 50),
      p99: percentile(lags, 99),
      rate: BURST / Math.max(span?.seconds ?? 1, 0.001),
      rssMb: peakRss,
    };
  } finally {
    const dropper = postgres(adminUrl, { max: 1, onnotice: () => undefined });
    await dropper.unsafe(`drop database if exists "${dbName}" with (force)`);
    await dropper.end();
    if (mode === 'bullmq') await dropRedisPrefix(prefix);
  }
}

function processTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return [pid, ...children.flatMap((child) => processTree(Number(child)))];
  } catch {
    return [];
  }
}

/** Raw BullMQ: no-op jobs through one worker with the same concurrency, in this process. */
async function rawBullmq(jobs: number): Promise<number> {
  const prefix = `tb-bench-raw-${Date.now().toString(36)}`;
  const redis = new URL(redisUrl);
  const connection = { host: redis.hostname, port: Number(redis.port || 6379), maxRetriesPerRequest: null };
  const queue = new Queue('noop', { connection, prefix });
  try {
    for (let i = 0; i < jobs; i += 1000)
      await queue.addBulk(
        Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => ({ name: 'noop', data: { i: i + k } })),
      );
    let done = 0;
    let allDone: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (allDone = resolve));
    const began = performance.now();
    const worker = new Worker(
      'noop',
      async () => {
        done += 1;
        if (done === jobs) allDone();
      },
      { connection, prefix, concurrency: 8 },
    );
    await finished;
    await worker.close();
    return jobs / ((performance.now() - began) / 1000);
  } finally {
    await queue.close();
    await dropRedisPrefix(prefix);
  }
}

const results: ModeResult[] = [];
const modes = (process.env.BENCH_TIMER_MODES ?? 'bullmq,local').split(',') as Array<'bullmq' | 'local'>;
for (const mode of modes) results.push(await runMode(mode));
// the best of three: a noisy machine only ever slows the baseline down, which would flatter the ratio
let raw = 0;
for (let round = 0; round < 3; round += 1) raw = Math.max(raw, await rawBullmq(Math.min(TIMERS, 50_000)));
console.log(
  `timers: ${fmt(TIMERS)} pending timers due over ${WINDOW_S} s (lag), then ${fmt(BURST)} due at one moment (firing rate), one worker process`,
);
console.log(`  raw BullMQ no-op jobs (best of 3)      ${fmt(raw)} jobs/s`);
for (const result of results)
  console.log(
    `  ${result.mode.padEnd(7)} lag p50 ${fmt(result.p50)} ms, p99 ${fmt(result.p99)} ms; ${fmt(result.rate)} firings/s (${((result.rate / raw) * 100).toFixed(0)}% of raw BullMQ); worker peak RSS ${fmt(result.rssMb)} MB`,
  );
const bull = results.find((result) => result.mode === 'bullmq') ?? (results[0] as ModeResult);
const failures: string[] = [];
if (bull.p99 >= 1000) failures.push(`BullMQ lag p99 ${fmt(bull.p99)} ms (target < 1,000)`);
if (bull.rate < 0.3 * raw)
  failures.push(`firing rate ${((bull.rate / raw) * 100).toFixed(0)}% of raw (target >= 30%)`);
for (const result of results)
  if (result.rssMb >= 200) failures.push(`${result.mode} worker RSS ${fmt(result.rssMb)} MB (target < 200)`);
if (failures.length > 0) {
  console.error(`timers bench: target missed: ${failures.join('; ')}`);
  process.exitCode = 1;
}
