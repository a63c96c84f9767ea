import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { applicantData } from '../support/harness.js';
import {
  freePort,
  Processes,
  sleep,
  startRedis,
  waitUntil,
  type ManagedProcess,
} from '../support/processes.js';
import { openTestDatabase } from '../support/test-database.js';
import { Api, caseProblems, NetworkError, seed, type CaseView } from './fault-support.js';

/**
 * Redis stops for 10 seconds while residents keep applying. Commands only touch PostgreSQL, so every
 * application is answered; the outbox rows written meanwhile wait, and go out (and are worked) once
 * Redis is back. The Redis here is a private one on a port of its own: the shared one is never touched.
 */

const outageMs = 10_000;

// scaled mode only: the runtime-postgres project runs this file (runtime/vitest.config.ts)
describe('stop Redis for 10 seconds while cases are submitted: nothing is lost, the outbox drains', () => {
  const processes = new Processes();
  const prefix = `tb_fault_redis_${randomBytes(4).toString('hex')}`;
  let database: DatabaseHandle & { url?: string };
  let sql: Sql;
  let redisPort: number;
  let env: NodeJS.ProcessEnv;
  let api: Api;

  beforeAll(async () => {
    database = await openTestDatabase();
    await seed(database);
    sql = postgres(database.url as string, { max: 4, onnotice: () => undefined });
    const [apiPort, port] = await Promise.all([freePort(), freePort()]);
    redisPort = port;
    env = {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      TONGBAN_REDIS_PREFIX: prefix,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    api = new Api(`http://127.0.0.1:${apiPort}`);
  });

  afterAll(async () => {
    // the private Redis goes with the other processes: nothing of this test is left in the shared one
    await processes.stopAll();
    await sql?.end();
    await database?.close();
  });

  const unsent = async () => {
    const [row] = await sql<Array<{ count: number }>>`
        select count(*)::int as count from outbox where sent_at is null`;
    return row?.count ?? 0;
  };

  it('should answer every application while Redis is down and send all their outbox rows once it is back', async () => {
    const redis: ManagedProcess = await startRedis(processes, redisPort);
    const serve = processes.tongban('tongban serve', ['serve'], env);
    const worker = processes.tongban('tongban worker', ['worker'], env);
    await Promise.all([api.healthy(serve), worker.waitForOutput(/Tongban worker running/, 60_000)]);
    const resident = await api.login('resident');

    // residents apply all along, two at a time
    type Phase = 'before' | 'outage' | 'after';
    let phase: Phase = 'before';
    let stop = false;
    const submitted: Array<{ phase: Phase; kase: CaseView }> = [];
    const failed: string[] = [];
    const apply = async () => {
      while (!stop) {
        const during = phase;
        try {
          const reply = await api.request<CaseView>(resident, 'POST', '/api/cases', {
            matter: 'd1.subsistence-allowance',
            data: applicantData,
          });
          if (reply.status === 201) submitted.push({ phase: during, kase: reply.body });
          else failed.push(`${during}: ${reply.status} ${JSON.stringify(reply.body)}`);
        } catch (error) {
          if (!(error instanceof NetworkError)) throw error;
          failed.push(`${during}: ${error.message}`);
        }
        await sleep(50);
      }
    };
    const applying = Promise.all([apply(), apply()]);

    await sleep(3000);
    await redis.kill('SIGKILL');
    phase = 'outage';
    const downAt = Date.now();
    // while Redis is away, rows pile up unsent (sample now and then: the relays cannot send them)
    let mostUnsent = 0;
    while (Date.now() - downAt < outageMs) {
      mostUnsent = Math.max(mostUnsent, await unsent());
      await sleep(500);
    }
    const unsentAtEnd = await unsent();
    const [tries] = await sql<Array<{ attempts: number; failed: number; error: string | null }>>`
        select max(attempts)::int as attempts, count(*) filter (where last_error is not null)::int as failed,
               max(last_error) as error
        from outbox where sent_at is null`;
    await startRedis(processes, redisPort);
    const upAt = new Date();
    phase = 'after';
    await sleep(2000);
    stop = true;
    await applying;

    // every application was answered 201, before, during and after the outage
    expect(failed).toEqual([]);
    const count = (p: Phase) => submitted.filter((entry) => entry.phase === p).length;
    expect(count('before')).toBeGreaterThan(0);
    expect(count('outage')).toBeGreaterThanOrEqual(10);
    expect(count('after')).toBeGreaterThan(0);
    // the outage was real: rows stayed unsent while Redis was down
    expect(mostUnsent).toBeGreaterThan(0);
    expect(unsentAtEnd).toBeGreaterThan(0);

    // the outbox drains once Redis is back
    await waitUntil('the outbox to drain', async () => (await unsent()) === 0, 60_000, 250);
    const drainedMs = Date.now() - upAt.getTime();

    // every submitted case is there, whole, with its acceptance task, and all its outbox rows went out
    const caseIds = submitted.map((entry) => entry.kase.id);
    expect(new Set(caseIds).size).toBe(caseIds.length);
    expect(await caseProblems(sql, caseIds)).toEqual([]);
    const taskRows = await sql<Array<{ id: string; case_id: string; status: string }>>`
        select id, case_id, status from tasks where case_id = any(${caseIds}::uuid[])`;
    const answeredTasks = submitted.flatMap((entry) => entry.kase.tasks.map((task) => task.id)).sort();
    expect(taskRows.map((row) => row.id).sort()).toEqual(answeredTasks);
    expect(answeredTasks).toHaveLength(caseIds.length);
    expect(taskRows.every((row) => row.status === 'open')).toBe(true);
    const outboxRows = await sql<
      Array<{ id: string; topic: string; case_id: string; task_id: string | null; sent_at: Date | null }>
    >`
        select id::text, topic, payload->>'caseId' as case_id, payload->>'taskId' as task_id, sent_at
        from outbox where payload->>'caseId' = any(${caseIds})`;
    expect(outboxRows.filter((row) => row.sent_at === null)).toEqual([]);
    // each case told the queues about its task (dispatch) and its timers
    for (const caseId of caseIds) {
      const topics = outboxRows
        .filter((row) => row.case_id === caseId)
        .map((row) => row.topic)
        .sort();
      expect(topics, caseId).toEqual(['task.opened', 'timers.scheduled']);
    }

    // and the worker works them: the dispatch jobs published after Redis came back are completed
    const lateRows = outboxRows.filter(
      (row) => row.topic === 'task.opened' && row.sent_at !== null && row.sent_at >= upAt,
    );
    expect(lateRows.length).toBeGreaterThan(0);
    const client = new Redis({ host: '127.0.0.1', port: redisPort, maxRetriesPerRequest: 1 });
    try {
      const queueKey = `${prefix}:dept.d1.minzheng`;
      await waitUntil(
        'the worker to complete the dispatch jobs sent after the outage',
        async () => {
          const events = await client.xrange(`${queueKey}:events`, '-', '+');
          const completed = new Set<string>();
          for (const [, fields] of events) {
            const entry = new Map<string, string>();
            for (let i = 0; i + 1 < fields.length; i += 2)
              entry.set(fields[i] as string, fields[i + 1] as string);
            if (entry.get('event') === 'completed') completed.add(entry.get('jobId') as string);
          }
          const left = (await client.llen(`${queueKey}:wait`)) + (await client.llen(`${queueKey}:active`));
          return left === 0 && lateRows.every((row) => completed.has(`dispatch.${row.task_id}.${row.id}`));
        },
        90_000,
        500,
      );
    } finally {
      client.disconnect();
    }
    const [dead] = await sql<Array<{ count: number }>>`select count(*)::int as count from dead_letters`;
    expect(dead?.count).toBe(0);
    expect(serve.alive() && worker.alive()).toBe(true);
    console.log(
      `redis-outage: ${count('before')} cases before, ${count('outage')} during the ${outageMs / 1000} s outage ` +
        `(up to ${mostUnsent} outbox rows unsent; ${tries?.failed} had failed to publish, up to ${tries?.attempts} times: ${tries?.error}), ${count('after')} after; drained ${drainedMs} ms after Redis came back, ${lateRows.length} dispatch jobs sent and worked since`,
    );
  }, 150_000);
});
