import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { writeCommands } from '../../src/cases/case.service.js';
import { openTestDatabase } from '../support/test-database.js';

/**
 * A command's statement is prepared once per connection and its generic plan reused for as long as the
 * connection lives, while the tables under it grow. It must reach the tasks and timers it changes by
 * primary key: a plan that scans a case's tasks, the pending timers (a city has hundreds of thousands)
 * or a whole table makes every command slower as the system fills up.
 */
let database: DatabaseHandle;
const caseId = randomUUID();

beforeAll(async () => {
  database = await openTestDatabase();
  const { db } = database;
  await db.execute(sql`
    insert into cases (id, workflow_key, workflow_version, title, status, data, snapshot, version, opened_at)
    select case when g = 1 then ${caseId}::uuid else md5('case' || g)::uuid end, 'standard-approval', 1,
           '{"en":"c","zh-CN":"c"}', 'active', '{}', '{}', 1, now()
    from generate_series(1, 20000) g`);
  // a case with many tasks next to many others, and many pending timers
  await db.execute(sql`
    insert into tasks (id, case_id, state_id, title, department, status, priority, outcomes, opened_at, due_at)
    select gen_random_uuid(), case when g % 4 = 0 then ${caseId}::uuid else md5('case' || (2 + g % 19999))::uuid end,
           'review', '{"en":"t","zh-CN":"t"}', 'd1.minzheng', case when g % 3 = 0 then 'completed' else 'open' end,
           'normal', '[]', now(), now() + g * interval '1 minute'
    from generate_series(1, 20000) g`);
  await db.execute(sql`
    insert into timers (id, case_id, task_id, action, fire_at, status)
    select id || '#' || k, case_id, id, 'warn', due_at, 'pending' from tasks, generate_series(0, 1) k`);
  await db.execute(sql`analyze`);
}, 180_000);

afterAll(async () => {
  await database?.close();
});

const literal = (value: unknown): string =>
  value === null || value === undefined ? 'null' : `'${String(value).replaceAll("'", "''")}'`;

describe('the command statement: planned once, fast however large the tables grow', () => {
  it('should find the tasks it changes and the timers it cancels by primary key, in its generic plan', async () => {
    // given a command that closes one task, opens another and cancels two timers
    const { text, params } = writeCommands(
      [
        {
          caseId,
          caseRow: {
            id: caseId,
            snapshot: {},
            status: 'active',
            result: null,
            version: 2,
            closed_at: null,
            audit_seq: 1,
            audit_head: 'h',
            expected_version: 1,
            expected_audit_seq: 0,
          },
          set: {
            newTasks: [],
            taskPatches: [{ id: randomUUID(), status: 'completed' }],
            cancelTimers: [`${randomUUID()}#0`, `${randomUUID()}#1`],
            timers: [],
            notifications: [],
            orders: [],
            outbox: [],
            audit: [],
          },
          audit: { rows: [], seq: 1, hash: 'h', ledger: null },
          firedTimers: [`${randomUUID()}#2`],
        },
      ],
      new Date(),
    );
    // when PostgreSQL plans it the way a long-lived connection reuses it
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local plan_cache_mode = force_generic_plan`));
      await tx.execute(sql.raw(`prepare command_plan as ${text}`));
      const result = await tx.execute(
        sql.raw(`explain execute command_plan(${params.map(literal).join(', ')})`),
      );
      await tx.execute(sql.raw(`deallocate command_plan`));
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<
        Record<string, string>
      >;
      return rows.map((row) => Object.values(row)[0]).join('\n');
    });
    // then tasks and timers are reached through their primary keys and nothing else
    expect(plan).toContain('cases_pkey');
    expect(plan).toContain('tasks_pkey');
    expect(plan).toContain('timers_pkey');
    expect(plan).not.toMatch(/Seq Scan on (cases|tasks|timers)/);
    expect(plan).not.toContain('tasks_case');
    expect(plan).not.toContain('timers_due');
  });
});
