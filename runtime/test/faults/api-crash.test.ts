import { randomBytes } from 'node:crypto';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/audit-verify.js';
import { testAuditKey } from '../support/audit.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { applicantData } from '../support/harness.js';
import { freePort, Processes, waitUntil } from '../support/processes.js';
import { dropRedisPrefix } from '../support/redis.js';
import { openTestDatabase } from '../support/test-database.js';
import { Api, caseProblems, forwardOutcome, NetworkError, seed, type CaseView } from './fault-support.js';

/**
 * kill -9 of an API node in the middle of a burst of completions. A command is one SQL statement, so
 * whatever the kill interrupts, every case is either before or after each command: never half-written.
 * The processes are real `tongban serve` processes on a PostgreSQL database of this file's own.
 */

const caseCount = 40;
/** Completions answered before the kill: the rest of the burst is still in flight. */
const answeredBeforeKill = 40;

// scaled mode only: the runtime-postgres project runs this file (runtime/vitest.config.ts)
describe('kill -9 the API mid-command: no half-written case', () => {
  const processes = new Processes();
  const prefix = `tb_fault_api_${randomBytes(4).toString('hex')}`;
  let database: DatabaseHandle & { url?: string };
  let sql: Sql;
  let env: NodeJS.ProcessEnv;
  let api: Api;

  beforeAll(async () => {
    database = await openTestDatabase();
    await seed(database);
    sql = postgres(database.url as string, { max: 4, onnotice: () => undefined });
    const port = await freePort();
    env = {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      TONGBAN_REDIS_PREFIX: prefix,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    api = new Api(`http://127.0.0.1:${port}`);
  });

  afterAll(async () => {
    await processes.stopAll();
    await sql?.end();
    await database?.close();
    await dropRedisPrefix(prefix);
  });

  it('should leave every case whole, keep the audit chains intact and let the interrupted tasks finish after a restart', async () => {
    const serve = processes.tongban('tongban serve', ['serve'], env);
    await api.healthy(serve);
    const resident = await api.login('resident');
    const staff = await api.login('minzheng');

    // 40 applications, each with its acceptance task open in d1.minzheng
    const started: CaseView[] = [];
    for (let i = 0; i < caseCount; i += 8) {
      const replies = await Promise.all(
        Array.from({ length: Math.min(8, caseCount - i) }, () =>
          api.request<CaseView>(resident, 'POST', '/api/cases', {
            matter: 'd1.subsistence-allowance',
            data: applicantData,
          }),
        ),
      );
      for (const reply of replies) {
        expect(reply.status, JSON.stringify(reply.body)).toBe(201);
        started.push(reply.body);
      }
    }
    const caseIds = started.map((kase) => kase.id);
    expect(await caseProblems(sql, caseIds)).toEqual([]);

    // every case walks accept → review → deliver at once; the API dies while the burst is in flight
    const answered: Array<{ taskId: string; state: string }> = [];
    const interrupted: Array<{ caseId: string; taskId: string; state: string; error: string }> = [];
    const refused: string[] = [];
    let killed: Promise<void> | null = null;
    const kill = () => (killed ??= serve.kill('SIGKILL'));
    const walk = async (kase: CaseView) => {
      let next: { id: string; state: string } | undefined = kase.tasks.find((task) => task.status === 'open');
      while (next && !killed) {
        const task: { id: string; state: string } = next;
        try {
          const reply = await api.request<{ openedTasks: Array<{ id: string; state: string }> }>(
            staff,
            'POST',
            `/api/tasks/${task.id}/complete`,
            forwardOutcome(task.state),
          );
          if (reply.status !== 200) {
            refused.push(`${task.state} ${task.id}: ${reply.status} ${JSON.stringify(reply.body)}`);
            return;
          }
          answered.push({ taskId: task.id, state: task.state });
          if (answered.length >= answeredBeforeKill) void kill();
          next = reply.body.openedTasks[0];
        } catch (error) {
          if (!(error instanceof NetworkError)) throw error;
          interrupted.push({ caseId: kase.id, taskId: task.id, state: task.state, error: error.message });
          return;
        }
      }
    };
    const safety = setTimeout(() => void kill(), 20_000);
    await Promise.all(started.map(walk));
    clearTimeout(safety);
    await kill();
    expect(serve.alive()).toBe(false);

    // the kill landed mid-burst: some completions answered, others never did; none was refused
    expect(refused).toEqual([]);
    expect(answered.length).toBeGreaterThanOrEqual(answeredBeforeKill);
    expect(interrupted.length).toBeGreaterThan(0);

    // straight from PostgreSQL: every case is whole
    expect(await caseProblems(sql, caseIds)).toEqual([]);
    // every answered completion is in the database
    const answeredRows = await sql<Array<{ id: string; status: string; outcome: string | null }>>`
        select id, status, outcome from tasks where id = any(${answered.map((a) => a.taskId)}::uuid[])`;
    expect(answeredRows).toHaveLength(answered.length);
    for (const row of answeredRows) expect(row.status).toBe('completed');

    // the audit chains, checked by the CLI; meanwhile the API comes back on the same port
    const restarted = processes.tongban('tongban serve (restarted)', ['serve'], env);
    const [verify] = await Promise.all([
      processes.runTongban(['audit', 'verify'], env),
      api.healthy(restarted),
    ]);
    expect(verify.output).toContain(`in ${caseCount} cases: all chains intact`);
    expect(verify.code).toBe(0);

    // each interrupted task either committed before the kill, or can be completed now
    const interruptedRows = await sql<Array<{ id: string; status: string }>>`
        select id, status from tasks where id = any(${interrupted.map((i) => i.taskId)}::uuid[])`;
    const statusOf = new Map(interruptedRows.map((row) => [row.id, row.status]));
    let completedAfterRestart = 0;
    for (const task of interrupted) {
      const status = statusOf.get(task.taskId);
      expect(['open', 'completed'], `${task.taskId} is ${status}`).toContain(status);
      if (status !== 'open') continue;
      const reply = await api.request(
        staff,
        'POST',
        `/api/tasks/${task.taskId}/complete`,
        forwardOutcome(task.state),
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      completedAfterRestart += 1;
    }
    expect(completedAfterRestart).toBeGreaterThan(0);

    // and every case goes on to its end
    await Promise.all(
      caseIds.map(async (caseId) => {
        for (;;) {
          const kase = await api.request<CaseView>(staff, 'GET', `/api/cases/${caseId}`);
          expect(kase.status).toBe(200);
          const open = kase.body.tasks.find((task) => task.status === 'open');
          if (!open) {
            expect(kase.body).toMatchObject({ status: 'done', result: 'approved' });
            return;
          }
          const reply = await api.request(
            staff,
            'POST',
            `/api/tasks/${open.id}/complete`,
            forwardOutcome(open.state),
          );
          expect(reply.status, JSON.stringify(reply.body)).toBe(200);
        }
      }),
    );
    expect(await caseProblems(sql, caseIds)).toEqual([]);
    const report = await verifyAudit(database.db, testAuditKey());
    expect(report.breaks).toEqual([]);
    expect(report.cases).toBe(caseCount);

    // the outbox rows the killed node had claimed come back after their lease and go out too
    await waitUntil(
      'the outbox to drain',
      async () => {
        const [row] = await sql<Array<{ unsent: number }>>`
            select count(*)::int as unsent from outbox where sent_at is null`;
        return row?.unsent === 0;
      },
      50_000,
      500,
    );
    console.log(
      `api-crash: ${answered.length} completions answered before the kill, ${interrupted.length} interrupted ` +
        `(${interrupted.length - completedAfterRestart} had committed, ${completedAfterRestart} completed after the restart)`,
    );
  }, 150_000);
});
