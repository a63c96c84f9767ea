import { eq } from 'drizzle-orm';
import type { Sql } from 'postgres';
import { users } from '../../src/db/schema.js';
import type { Runtime } from '../../src/runtime.js';

/**
 * Many cases with a warning timer each, quickly: one real case of the standard approval is started on
 * `runtime` (whose clock should stand well in the past, so its warning step is long due), then cloned in
 * SQL into `count` cases, each with its own task and one pending `warn` timer whose `fire_at` the
 * caller chooses (`fireAt(n)` for the n-th, 0-based, as epoch milliseconds). The template's own timers
 * are cancelled. Returns the template case id.
 */
export async function cloneCasesWithDueTimers(
  runtime: Runtime,
  sql: Sql,
  count: number,
  fireAt: { firstMs: number; stepMs: number },
): Promise<string> {
  const [resident] = await runtime.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, 'resident'));
  if (!resident) throw new Error('seed the demo accounts first');
  const template = await runtime.cases.start(await runtime.auth.actorOf(resident.id), {
    matter: 'd1.subsistence-allowance',
    data: { applicantName: '张三', idNumber: '11010519491231002X', phone: '13800000000', amount: 100 },
  });
  const taskId = Object.keys(template.snapshot.tasks)[0] as string;
  await sql`update timers set status = 'cancelled' where case_id = ${template.id}`;
  await sql`
    with fresh as (
      select g, gen_random_uuid() as case_id, gen_random_uuid() as task_id from generate_series(0, ${count - 1}) g),
    new_cases as (
      insert into cases (id, workflow_key, workflow_version, matter_key, applicant_id, title, status, data, snapshot, version, opened_at)
      select f.case_id, c.workflow_key, c.workflow_version, c.matter_key, c.applicant_id, c.title, 'active', c.data,
             replace(replace(c.snapshot::text, ${taskId}, f.task_id::text), ${template.id}, f.case_id::text)::jsonb, 1, now()
      from fresh f, cases c where c.id = ${template.id}),
    new_tasks as (
      insert into tasks (id, case_id, state_id, title, matter_key, department, status, priority, outcomes, opened_at, due_at)
      select f.task_id, f.case_id, t.state_id, t.title, t.matter_key, t.department, 'open', t.priority, t.outcomes, now(), t.due_at
      from fresh f, tasks t where t.id = ${taskId})
    insert into timers (id, case_id, task_id, action, fire_at, status)
    select f.task_id || '#0', f.case_id, f.task_id, 'warn',
           to_timestamp((${String(fireAt.firstMs)}::float8 + f.g * ${String(fireAt.stepMs)}::float8) / 1000.0), 'pending'
    from fresh f`;
  return template.id;
}
