import { is, Placeholder, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Effect, TaskView } from '@tongban/engine';
import type { AuditEntry, ChainedRows } from '../audit/audit-log.js';
import type { Statement } from '../db/database.js';
import { orderTimerId } from '../supervision/order-timer.js';

export interface EffectContext {
  caseId: string;
  matterKey: string | null;
  applicantId: string | null;
  actorId: string | null;
  now: Date;
  ids: () => string;
}

/** A task row as it will be after the command: effects on one task are folded into one write. */
type TaskFields = Record<string, unknown>;

/** Everything a command writes besides the case row, as plain data. */
export interface WriteSet {
  newTasks: TaskFields[];
  /** Existing tasks: only the columns that change (a present key with null means "set to null"). */
  taskPatches: TaskFields[];
  cancelTimers: string[];
  timers: Array<{ id: string; task_id: string; action: string; fire_at: string }>;
  notifications: Array<Record<string, unknown>>;
  orders: Array<Record<string, unknown>>;
  outbox: Array<{ topic: string; payload: Record<string, unknown> }>;
  /** What the effects mean for the case's timeline. */
  audit: AuditEntry[];
}

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

/**
 * Folds the engine's effects into the rows they leave behind: a task opened and changed in the same
 * step is one insert, several changes to one task are one update, a timer moved twice is one upsert.
 */
export function foldEffects(context: EffectContext, effects: Effect[]): WriteSet {
  const set: WriteSet = {
    newTasks: [],
    taskPatches: [],
    cancelTimers: [],
    timers: [],
    notifications: [],
    orders: [],
    outbox: [],
    audit: [],
  };
  const fresh = new Map<string, TaskFields>();
  const patches = new Map<string, TaskFields>();
  const timers = new Map<string, WriteSet['timers'][number] | null>();
  const note = (action: string, data: Record<string, unknown>) =>
    set.audit.push({ caseId: context.caseId, actorId: context.actorId, action, at: context.now, data });
  const patch = (taskId: string, fields: TaskFields) => {
    const target = fresh.get(taskId) ?? patches.get(taskId) ?? { id: taskId };
    Object.assign(target, fields);
    if (!fresh.has(taskId)) patches.set(taskId, target);
  };
  const notify = (fields: {
    task_id: string | null;
    recipient: string;
    template: string;
    data: Record<string, unknown>;
    at: number;
  }) => {
    const id = context.ids();
    set.notifications.push({ id, ...fields, created_at: iso(fields.at) });
    // delivered by the notifications queue after commit
    set.outbox.push({
      topic: 'notification',
      payload: {
        notificationId: id,
        caseId: context.caseId,
        recipient: fields.recipient,
        template: fields.template,
      },
    });
  };

  for (const effect of effects) {
    switch (effect.type) {
      case 'openTask':
        fresh.set(effect.task.id, newTaskRow(effect.task, context));
        note('task.opened', {
          taskId: effect.task.id,
          state: effect.task.stateId,
          department: effect.task.department,
          dueAt: effect.task.dueAt,
        });
        set.outbox.push({
          topic: 'task.opened',
          payload: { caseId: context.caseId, taskId: effect.task.id, department: effect.task.department },
        });
        break;
      case 'closeTask':
        patch(effect.taskId, {
          status: effect.status,
          outcome: effect.outcome ?? null,
          reason: effect.reason ?? null,
          closed_at: iso(effect.at),
          closed_by: effect.status === 'completed' ? context.actorId : null,
        });
        note('task.closed', {
          taskId: effect.taskId,
          department: effect.department,
          status: effect.status,
          outcome: effect.outcome ?? null,
          reason: effect.reason ?? null,
        });
        break;
      case 'moveTask':
        patch(effect.taskId, { department: effect.to, assignee_id: null, assign_supervisor: null });
        note(`task.${effect.kind}`, {
          taskId: effect.taskId,
          from: effect.from,
          to: effect.to,
          reason: effect.reason ?? null,
        });
        set.outbox.push({
          topic: 'task.opened',
          payload: { caseId: context.caseId, taskId: effect.taskId, department: effect.to },
        });
        break;
      case 'updateTask': {
        const changes = effect.changes;
        const fields: TaskFields = {};
        if (changes.status !== undefined) fields.status = changes.status;
        if (changes.priority !== undefined) fields.priority = changes.priority;
        if (changes.dueAt !== undefined) fields.due_at = iso(changes.dueAt);
        if (changes.dueUncertain !== undefined) fields.due_uncertain = changes.dueUncertain;
        if (changes.warnAt !== undefined) fields.warn_at = iso(changes.warnAt);
        if (changes.flag !== undefined) fields.flag = changes.flag;
        if (changes.escalationLevel !== undefined) fields.escalation_level = changes.escalationLevel;
        if (Object.keys(fields).length > 0) patch(effect.taskId, fields);
        break;
      }
      case 'assignTask':
        // resolved in SQL: the first supervisor of the task's department
        patch(effect.taskId, { assign_supervisor: true });
        note('task.assigned', { taskId: effect.taskId, to: 'supervisor', reason: 'escalation' });
        break;
      case 'scheduleTimer':
        timers.set(effect.timerId, {
          id: effect.timerId,
          task_id: effect.taskId,
          action: effect.action,
          fire_at: iso(effect.fireAt) as string,
        });
        break;
      case 'cancelTimer':
        timers.set(effect.timerId, null);
        break;
      case 'escalated':
        note('task.escalated', {
          taskId: effect.taskId,
          step: effect.step,
          action: effect.action,
          department: effect.department,
        });
        break;
      case 'notify': {
        const department = typeof effect.data.department === 'string' ? effect.data.department : undefined;
        const recipient = recipientOf(effect.to, context, department);
        notify({
          task_id: effect.taskId ?? null,
          recipient,
          template: effect.template,
          data: effect.data,
          at: effect.at,
        });
        break;
      }
      case 'requestSupplement':
        notify({
          task_id: effect.taskId,
          recipient: recipientOf('applicant', context),
          template: 'case.supplement-requested',
          data: { items: effect.items, reason: effect.reason, department: effect.department },
          at: effect.at,
        });
        note('supplement.requested', { taskId: effect.taskId, items: effect.items, reason: effect.reason });
        break;
      case 'supplementProvided':
        note('supplement.provided', { taskId: effect.taskId });
        break;
      case 'openSupervisionOrder':
        set.orders.push({
          id: effect.orderId,
          task_id: effect.taskId,
          department: effect.department,
          opened_by: context.actorId,
          opened_at: iso(effect.at),
          respond_by: iso(effect.respondBy),
        });
        // the response limit is timed like any SLA step, and escalated when it passes
        timers.set(orderTimerId(effect.orderId), {
          id: orderTimerId(effect.orderId),
          task_id: effect.taskId,
          action: 'supervision.respond',
          fire_at: iso(effect.respondBy) as string,
        });
        notify({
          task_id: effect.taskId,
          recipient: `department:${effect.department}`,
          template: 'supervision.opened',
          data: { orderId: effect.orderId, respondBy: effect.respondBy },
          at: effect.at,
        });
        note('supervision.opened', {
          orderId: effect.orderId,
          taskId: effect.taskId,
          department: effect.department,
          respondBy: effect.respondBy,
        });
        break;
      case 'startChildCase':
        set.outbox.push({ topic: 'case.startChild', payload: { parentCaseId: context.caseId, ...effect } });
        break;
      case 'completeCase':
        note('case.completed', { result: effect.result });
        set.outbox.push({
          topic: 'case.completed',
          payload: { caseId: context.caseId, result: effect.result },
        });
        break;
    }
  }

  set.newTasks = [...fresh.values()];
  set.taskPatches = [...patches.values()];
  for (const [id, timer] of timers) {
    if (timer === null) set.cancelTimers.push(id);
    else set.timers.push(timer);
  }
  if (set.timers.length > 0) {
    // one row for the relay per command: the timers table holds the truth, this only says "look"
    set.outbox.push({
      topic: 'timers.scheduled',
      payload: {
        caseId: context.caseId,
        timers: set.timers.map((timer) => ({ timerId: timer.id, fireAt: timer.fire_at })),
      },
    });
  }
  return set;
}

function newTaskRow(task: TaskView, context: EffectContext): TaskFields {
  return {
    id: task.id,
    state_id: task.stateId,
    title: task.title,
    matter_key: context.matterKey,
    department: task.department,
    assignee_id: null,
    status: 'open',
    outcome: null,
    reason: null,
    priority: task.priority,
    form_key: task.form ?? null,
    outcomes: task.outcomes,
    flag: 'none',
    escalation_level: 0,
    opened_at: iso(task.openedAt),
    due_at: iso(task.dueAt),
    due_uncertain: task.dueUncertain,
    warn_at: iso(task.warnAt),
    closed_at: null,
    closed_by: null,
  };
}

/**
 * Where a notice goes: `user:<id>`, `case:<id>:applicant` (an applicant without an account),
 * `supervisors:<department>` or `department:<code>`; anything else is kept as the definition wrote it.
 */
function recipientOf(to: string, context: EffectContext, department?: string): string {
  if (to === 'applicant' || to === 'reporter') {
    return context.applicantId === null ? `case:${context.caseId}:applicant` : `user:${context.applicantId}`;
  }
  if (to === 'supervisors' && department !== undefined) return `supervisors:${department}`;
  return to;
}

/** A patched column: the patch's value when its key is present (even null), else the current one. */
const patched = (column: string, type: string) =>
  sql.raw(`${column} = case when p ? '${column}' then (p->>'${column}')::${type} else t.${column} end`);

/**
 * One SQL statement that writes the case rows of one or more commands and everything that hangs off
 * them: data-modifying CTEs that all join the case write `c`, so a case whose guard fails (another
 * writer got there first) has nothing at all written, while the other cases of the statement do. One
 * round trip, atomic without an explicit transaction; the timer worker writes a whole batch of cases
 * with it. It returns the id of every case written.
 *
 * `caseWrite` must be an INSERT or UPDATE of `cases` that `returning id`. Every other row names its
 * case in `case_id`; timers fired or cancelled are found by id and joined to their case.
 *
 * Only the parts given are written: a part with nothing to write would still cost PostgreSQL its
 * executor set-up on every command (about a fifth of a command's time in the database is that set-up).
 */
export function writeCaseStatement(caseWrite: SQL, parts: readonly WritePart[] = writeParts): SQL {
  const json = (name: keyof ReturnType<typeof writeSetValues>) => sql.placeholder(name);
  const ctes: Record<WritePart, SQL> = {
    newTasks: sql`
    new_tasks as (
      insert into tasks (id, case_id, state_id, title, matter_key, department, assignee_id, status, outcome, reason,
                         priority, form_key, outcomes, flag, escalation_level, opened_at, due_at, due_uncertain, warn_at,
                         closed_at, closed_by)
      select x.id, c.id, x.state_id, x.title, x.matter_key, x.department, x.assignee_id, x.status, x.outcome, x.reason,
             x.priority, x.form_key, x.outcomes, x.flag, x.escalation_level, x.opened_at, x.due_at,
             coalesce(x.due_uncertain, false), x.warn_at, x.closed_at, x.closed_by
      from jsonb_to_recordset(${json('newTasks')}::jsonb) as x(
        case_id uuid, id uuid, state_id text, title jsonb, matter_key text, department text, assignee_id uuid, status text,
        outcome text, reason text, priority text, form_key text, outcomes jsonb, flag text, escalation_level int,
        opened_at timestamptz, due_at timestamptz, due_uncertain boolean, warn_at timestamptz, closed_at timestamptz,
        closed_by uuid)
      join c on c.id = x.case_id
    )`,
    taskPatches: sql`
    task_patches as (
      update tasks t set
        ${patched('status', 'text')}, ${patched('outcome', 'text')}, ${patched('reason', 'text')},
        ${patched('department', 'text')}, ${patched('priority', 'text')}, ${patched('flag', 'text')},
        ${patched('escalation_level', 'int')}, ${patched('due_at', 'timestamptz')}, ${patched('warn_at', 'timestamptz')},
        ${patched('due_uncertain', 'boolean')},
        ${patched('closed_at', 'timestamptz')}, ${patched('closed_by', 'uuid')},
        assignee_id = case
          when p->>'assign_supervisor' = 'true' then (
            select m.user_id from memberships m
            where m.department = coalesce(p->>'department', t.department) and m.role = 'supervisor'
            order by m.user_id limit 1)
          when p ? 'assignee_id' then (p->>'assignee_id')::uuid
          else t.assignee_id end
      from jsonb_array_elements(${json('taskPatches')}::jsonb) as p
      where t.id = any (array(select (e->>'id')::uuid from jsonb_array_elements(${json('taskPatches')}::jsonb) as e))
        and t.id = (p->>'id')::uuid
        -- The guards below are written so that no index can serve them (text comparison, <>): with a
        -- generic plan the planner otherwise ANDs the primary-key lookup with a bitmap of every task of
        -- the case, or of every pending timer (hundreds of thousands), and a command gets slower as they grow.
        -- Here the written cases are one array, not a join: the planner, expecting one case, would
        -- otherwise rescan them for every task.
        and t.case_id::text = any (array(select c.id::text from c))
    )`,
    cancelTimers: sql`
    cancelled_timers as (
      update timers set status = 'cancelled' from c
      where timers.id = any (array(select jsonb_array_elements_text(${json('cancelTimers')}::jsonb)))
        and timers.case_id::text = c.id::text and timers.status <> 'fired' and timers.status <> 'cancelled'
    )`,
    timers: sql`
    scheduled_timers as (
      insert into timers (id, case_id, task_id, action, fire_at, status)
      select x.id, c.id, x.task_id, x.action, x.fire_at, 'pending'
      from jsonb_to_recordset(${json('timers')}::jsonb) as x(case_id uuid, id text, task_id uuid, action text, fire_at timestamptz)
      join c on c.id = x.case_id
      on conflict (id) do update set fire_at = excluded.fire_at, status = 'pending'
    )`,
    notifications: sql`
    new_notifications as (
      insert into notifications (id, case_id, task_id, recipient, template, data, created_at)
      select x.id, c.id, x.task_id, x.recipient, x.template, x.data, x.created_at
      from jsonb_to_recordset(${json('notifications')}::jsonb) as x(
        case_id uuid, id uuid, task_id uuid, recipient text, template text, data jsonb, created_at timestamptz)
      join c on c.id = x.case_id
    )`,
    orders: sql`
    new_orders as (
      insert into supervision_orders (id, case_id, task_id, department, opened_by, opened_at, respond_by, status)
      select x.id, c.id, x.task_id, x.department, x.opened_by, x.opened_at, x.respond_by, 'open'
      from jsonb_to_recordset(${json('orders')}::jsonb) as x(
        case_id uuid, id uuid, task_id uuid, department text, opened_by uuid, opened_at timestamptz, respond_by timestamptz)
      join c on c.id = x.case_id
    )`,
    outbox: sql`
    new_outbox as (
      insert into outbox (topic, payload)
      select x.topic, x.payload
      from jsonb_to_recordset(${json('outbox')}::jsonb) as x(case_id uuid, topic text, payload jsonb)
      join c on c.id = x.case_id
    )`,
    firedTimers: sql`
    fired_timers as (
      update timers set status = 'fired', fired_at = ${sql.placeholder('firedAt')}::timestamptz, locked_until = null
      from c
      where timers.id = any (array(select jsonb_array_elements_text(${json('firedTimers')}::jsonb)))
        and timers.case_id::text = c.id::text
    )`,
    audit: sql`
    new_audit as (
      insert into audit_events (case_id, seq, at, actor_id, action, before, after, data, prev_hash, hash)
      select c.id, x.seq, x.at, x.actor_id, x.action, x.before, x.after, x.data, x.prev_hash, x.hash
      from jsonb_to_recordset(${json('audit')}::jsonb) as x(
        case_id uuid, seq int, at timestamptz, actor_id uuid, action text, before jsonb, after jsonb, data jsonb,
        prev_hash text, hash text)
      join c on c.id = x.case_id
    )`,
    ledger: sql`
    new_ledger as (
      -- the case's new head for the global ledger, keyed: a sealer links it into the sealed chain a moment later
      insert into audit_ledger_pending (case_id, seq, head, mac)
      select c.id, x.seq, x.head, x.mac
      from jsonb_to_recordset(${json('ledger')}::jsonb) as x(case_id uuid, seq int, head text, mac text)
      join c on c.id = x.case_id
    )`,
  };
  return sql`
    with c as (${caseWrite})${sql.join(
      parts.map((part) => sql`,${ctes[part]}`),
      sql``,
    )}
    select c.id::text as id from c`;
}

/** The parts of a case write after the case row, each one CTE fed by the parameter of the same name. */
export const writeParts = [
  'newTasks',
  'taskPatches',
  'cancelTimers',
  'timers',
  'notifications',
  'orders',
  'outbox',
  'firedTimers',
  'audit',
  'ledger',
] as const;
export type WritePart = (typeof writeParts)[number];

/**
 * A case write's statement for the parts a write really has, compiled the first time that combination
 * is met (commands meet a handful). The driver prepares each once per connection.
 */
export function caseWriteStatements(caseWrite: SQL) {
  const compiled = new Map<string, CompiledStatement>();
  return (values: Record<string, unknown> & Record<WritePart, string>): Statement => {
    const parts = writeParts.filter((part) => values[part] !== '[]');
    const key = parts.join(',');
    let statement = compiled.get(key);
    if (statement === undefined) {
      statement = compileStatement(writeCaseStatement(caseWrite, parts));
      compiled.set(key, statement);
    }
    return { text: statement.text, params: statement.bind(values) };
  };
}

/** One case's share of a write: its effects folded into rows, its audit entries chained, the timers it delivered. */
export interface CaseWrites {
  caseId: string;
  set: WriteSet;
  audit: ChainedRows;
  /** Timers this command delivered, marked fired in the same statement: fired exactly when their effect is written. */
  firedTimers: string[];
}

/** The parameter values of `writeCaseStatement` for the cases it writes, as JSON text; `firedAt` stamps fired timers. */
export function writeSetValues(writes: CaseWrites[], firedAt: Date) {
  const text = (value: unknown) => JSON.stringify(value);
  const rows = (pick: (write: CaseWrites) => Array<Record<string, unknown>>) =>
    text(writes.flatMap((write) => pick(write).map((row) => ({ case_id: write.caseId, ...row }))));
  return {
    firedTimers: text(writes.flatMap((write) => write.firedTimers)),
    firedAt: firedAt.toISOString(),
    newTasks: rows((write) => write.set.newTasks),
    taskPatches: text(writes.flatMap((write) => write.set.taskPatches)),
    cancelTimers: text(writes.flatMap((write) => write.set.cancelTimers)),
    timers: rows((write) => write.set.timers),
    notifications: rows((write) => write.set.notifications),
    orders: rows((write) => write.set.orders),
    outbox: rows((write) => write.set.outbox),
    audit: rows((write) =>
      write.audit.rows.map((row) => ({
        seq: row.seq,
        at: row.at.toISOString(),
        actor_id: row.actorId,
        action: row.action,
        before: row.before,
        after: row.after,
        data: row.data,
        prev_hash: row.prevHash,
        hash: row.hash,
      })),
    ),
    ledger: rows((write) => (write.audit.ledger === null ? [] : [{ ...write.audit.ledger }])),
  };
}

const dialect = new PgDialect();

export interface CompiledStatement {
  text: string;
  /** The parameter values in the statement's order, from values by placeholder name. */
  bind(values: Record<string, unknown>): unknown[];
}

/**
 * Turns a statement written with `sql.placeholder`s into text once; each call then only binds values.
 * A placeholder used several times is one parameter: its value (a whole batch of cases, perhaps) goes
 * over the wire once.
 */
export function compileStatement(statement: SQL): CompiledStatement {
  const query = dialect.sqlToQuery(statement);
  const names: string[] = [];
  const numberOf = new Map<string, number>();
  // drizzle numbers every use of a placeholder; renumber so that each name is one $n
  const renumbered = query.params.map((param) => {
    if (!is(param, Placeholder)) throw new Error('compileStatement: every value must be a placeholder');
    let number = numberOf.get(param.name);
    if (number === undefined) {
      names.push(param.name);
      number = names.length;
      numberOf.set(param.name, number);
    }
    return number;
  });
  const text = query.sql.replace(/\$(\d+)\b/g, (_, index: string) => `$${renumbered[Number(index) - 1]}`);
  return {
    text,
    bind(values) {
      return names.map((name) => {
        if (!Object.hasOwn(values, name)) throw new Error(`compileStatement: no value for ${name}`);
        return values[name];
      });
    },
  };
}
