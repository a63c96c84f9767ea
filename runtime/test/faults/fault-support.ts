import { request as httpRequest } from 'node:http';
import type { Sql } from 'postgres';
import { loadConfig } from '../../src/config/config.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { createRuntime } from '../../src/runtime.js';
import { demoPassword, seedDemo } from '../../src/seed/seed.js';
import type { ManagedProcess } from '../support/processes.js';
import { waitUntil } from '../support/processes.js';

/** The demo library and accounts, written in this process straight into the test's database. */
export async function seed(database: DatabaseHandle): Promise<void> {
  const runtime = await createRuntime(loadConfig({ ...process.env, REDIS_URL: '' }), {
    database,
    migrate: false,
  });
  try {
    await seedDemo(runtime);
  } finally {
    await runtime.close();
  }
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  setCookie: string[];
}

/** A request that never got an answer: the connection was refused or cut. */
export class NetworkError extends Error {}

/**
 * A small HTTP client for an API in another process. One connection per request (no keep-alive), so a
 * server that was killed and started again is never reached through a socket of its previous life.
 */
export class Api {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(
    cookie: string | null,
    method: string,
    path: string,
    body?: unknown,
    timeoutMs = 30_000,
  ): Promise<Reply<T>> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise<Reply<T>>((resolve, reject) => {
      const req = httpRequest(
        new URL(path, this.baseUrl),
        {
          method,
          agent: false,
          timeout: timeoutMs,
          headers: {
            connection: 'close',
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
            ...(cookie ? { cookie } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => reject(new NetworkError(error.message)));
          res.on('aborted', () => reject(new NetworkError('the response was cut off')));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text === '' ? null : JSON.parse(text);
            } catch {
              // not JSON: keep the text
            }
            resolve({
              status: res.statusCode ?? 0,
              body: parsed as T,
              setCookie: ([] as string[]).concat(res.headers['set-cookie'] ?? []),
            });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (error) => reject(new NetworkError(`${method} ${path}: ${error.message}`)));
      req.end(payload);
    });
  }

  /** Signs in a demo account once and returns its session cookie. */
  async login(username: string): Promise<string> {
    const cached = this.cookies.get(username);
    if (cached) return cached;
    const reply = await this.request(null, 'POST', '/api/auth/login', { username, password: demoPassword });
    const session = reply.setCookie.find((line) => line.startsWith('tb_session='));
    if (reply.status !== 200 || !session)
      throw new Error(`login ${username}: ${reply.status} ${JSON.stringify(reply.body)}`);
    const cookie = session.split(';')[0] as string;
    this.cookies.set(username, cookie);
    return cookie;
  }

  /** Waits until GET /api/health answers (failing at once if the process ended). */
  async healthy(process: ManagedProcess, timeoutMs = 60_000): Promise<void> {
    await waitUntil(
      `${process.name} to answer GET /api/health`,
      async () => {
        if (!process.alive()) throw new Error(`${process.name} ended:\n${process.output()}`);
        try {
          return (await this.request(null, 'GET', '/api/health', undefined, 2000)).status === 200;
        } catch (error) {
          if (error instanceof NetworkError) return false;
          throw error;
        }
      },
      timeoutMs,
      250,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n--- ${process.name} output ---\n${process.output()}`);
    });
  }
}

export interface CaseView {
  id: string;
  status: string;
  result: string | null;
  state: unknown;
  version: number;
  tasks: Array<{ id: string; state: string; status: string; department: string }>;
}

/** The events a command sends to a case (the engine's EngineEvent types): each one is a new version. */
export const commandActions = [
  'task.outcome',
  'task.setPriority',
  'supplement.provided',
  'timer.fired',
  'case.cancel',
];

interface CaseFacts {
  id: string;
  version: number;
  audit_seq: number;
  audit_head: string;
  snapshot_tasks: string[];
  table_tasks: string[];
  audit_rows: number;
  max_seq: number | null;
  last_hash: string | null;
  commands: number;
  command_versions: Array<[number, number]>;
  tasks_opened: number;
  tasks_closed: number;
  task_rows: number;
  closed_task_rows: number;
}

/**
 * Everything that must agree for each case, read straight from PostgreSQL; returns what does not (empty:
 * every case is whole). A command is one statement, so a crash leaves a case either before or after it.
 */
export async function caseProblems(sql: Sql, caseIds: string[]): Promise<string[]> {
  const rows = await sql<CaseFacts[]>`
    select c.id, c.version, c.audit_seq, c.audit_head,
      (select coalesce(jsonb_agg(e.key || ' ' || (e.value->>'status') || ' ' || (e.value->>'stateId') || ' ' ||
                                 (e.value->>'department') order by e.key), '[]'::jsonb)
         from jsonb_each(c.snapshot->'tasks') e) as snapshot_tasks,
      (select coalesce(jsonb_agg(t.id::text || ' ' || t.status || ' ' || t.state_id || ' ' || t.department
                                 order by t.id::text), '[]'::jsonb)
         from tasks t where t.case_id = c.id and t.status in ('open', 'waiting')) as table_tasks,
      (select count(*)::int from audit_events a where a.case_id = c.id) as audit_rows,
      (select max(a.seq) from audit_events a where a.case_id = c.id) as max_seq,
      (select a.hash from audit_events a where a.case_id = c.id order by a.seq desc limit 1) as last_hash,
      (select count(*)::int from audit_events a
         where a.case_id = c.id and a.action = any(${commandActions})) as commands,
      (select coalesce(jsonb_agg(jsonb_build_array((a.before->>'version')::int, (a.after->>'version')::int)
                                 order by a.seq), '[]'::jsonb)
         from audit_events a where a.case_id = c.id and a.action = any(${commandActions})) as command_versions,
      (select count(*)::int from audit_events a where a.case_id = c.id and a.action = 'task.opened') as tasks_opened,
      (select count(*)::int from audit_events a where a.case_id = c.id and a.action = 'task.closed') as tasks_closed,
      (select count(*)::int from tasks t where t.case_id = c.id) as task_rows,
      (select count(*)::int from tasks t
         where t.case_id = c.id and t.status in ('completed', 'cancelled')) as closed_task_rows
    from cases c where c.id = any(${caseIds}::uuid[])`;
  const problems: string[] = [];
  const found = new Set(rows.map((row) => row.id));
  for (const id of caseIds) if (!found.has(id)) problems.push(`case ${id} is missing`);
  for (const row of rows) {
    const say = (what: string) => problems.push(`case ${row.id}: ${what}`);
    if (JSON.stringify(row.snapshot_tasks) !== JSON.stringify(row.table_tasks))
      say(
        `open tasks ${JSON.stringify(row.table_tasks)} but the snapshot has ${JSON.stringify(row.snapshot_tasks)}`,
      );
    if (row.version !== 1 + row.commands)
      say(`version ${row.version} after ${row.commands} commands (expected ${1 + row.commands})`);
    const expected = Array.from({ length: row.commands }, (_, i) => [i + 1, i + 2]);
    if (JSON.stringify(row.command_versions) !== JSON.stringify(expected))
      say(`commands went through versions ${JSON.stringify(row.command_versions)}`);
    if (row.audit_seq !== row.audit_rows) say(`audit_seq ${row.audit_seq} but ${row.audit_rows} audit rows`);
    if ((row.max_seq ?? 0) !== row.audit_seq)
      say(`audit_seq ${row.audit_seq} but the newest is ${row.max_seq}`);
    if ((row.last_hash ?? '') !== row.audit_head) say('audit_head is not the newest audit hash');
    if (row.tasks_opened !== row.task_rows)
      say(`${row.task_rows} task rows but ${row.tasks_opened} task.opened audit events`);
    if (row.tasks_closed !== row.closed_task_rows)
      say(`${row.closed_task_rows} closed task rows but ${row.tasks_closed} task.closed audit events`);
  }
  return problems;
}

/** The outcome that moves a standard-approval task on (no large amount, so no decide step). */
export function forwardOutcome(state: string): { outcome: string; data?: Record<string, unknown> } {
  // task states are named after their workflow: standard-approval.accept
  switch (state.slice(state.lastIndexOf('.') + 1)) {
    case 'accept':
      return { outcome: 'accept' };
    case 'review':
      return { outcome: 'approve', data: { opinion: '材料齐全，同意 / complete, approved' } };
    case 'deliver':
      return { outcome: 'delivered' };
    default:
      throw new Error(`no forward outcome for state ${state}`);
  }
}
