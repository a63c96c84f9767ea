import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Effect } from '@tongban/engine';
import type { AuditEntry } from '../audit/audit-log.js';
import type { Executor } from '../db/database.js';
import { memberships, notifications, outbox, supervisionOrders, tasks, timers } from '../db/schema.js';

export interface EffectContext {
  caseId: string;
  matterKey: string | null;
  applicantId: string | null;
  actorId: string | null;
  now: Date;
  ids: () => string;
}

export interface EffectPlan {
  /** The writes, in order. Started together they are pipelined on the transaction's connection. */
  writes: Array<PromiseLike<unknown>>;
  /** What the effects mean for the case's timeline. */
  audit: AuditEntry[];
}

/**
 * Writes the engine's effects into the command's transaction: tasks, timers, notifications, orders and
 * outbox rows. Returns the audit entries that describe them, for the case's timeline.
 */
export async function applyEffects(
  tx: Executor,
  context: EffectContext,
  effects: Effect[],
): Promise<AuditEntry[]> {
  const plan = await planEffects(tx, context, effects);
  await Promise.all(plan.writes);
  return plan.audit;
}

/**
 * Turns the effects into write statements without running them (drizzle queries run when awaited), so
 * the caller can send them as one pipelined batch: one round trip instead of one per statement. Order
 * is kept: a connection runs pipelined statements in the order they were sent.
 */
export async function planEffects(
  tx: Executor,
  context: EffectContext,
  effects: Effect[],
): Promise<EffectPlan> {
  const writes: Array<PromiseLike<unknown>> = [];
  const audit: AuditEntry[] = [];
  const outboxRows: Array<{ topic: string; payload: Record<string, unknown> }> = [];
  const note = (action: string, data: Record<string, unknown>) =>
    audit.push({ caseId: context.caseId, actorId: context.actorId, action, at: context.now, data });
  const date = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms));

  const opened = effects.filter(
    (effect): effect is Extract<Effect, { type: 'openTask' }> => effect.type === 'openTask',
  );
  if (opened.length > 0) {
    writes.push(
      tx.insert(tasks).values(
        opened.map(({ task }) => ({
          id: task.id,
          caseId: context.caseId,
          stateId: task.stateId,
          title: task.title,
          matterKey: context.matterKey,
          department: task.department,
          status: 'open' as const,
          priority: task.priority,
          formKey: task.form ?? null,
          outcomes: task.outcomes,
          openedAt: new Date(task.openedAt),
          dueAt: date(task.dueAt),
          warnAt: date(task.warnAt),
        })),
      ),
    );
  }

  const scheduled = new Map<string, Extract<Effect, { type: 'scheduleTimer' }>>();
  const cancelled = new Set<string>();

  for (const effect of effects) {
    switch (effect.type) {
      case 'openTask':
        note('task.opened', {
          taskId: effect.task.id,
          state: effect.task.stateId,
          department: effect.task.department,
          dueAt: effect.task.dueAt,
        });
        outboxRows.push({
          topic: 'task.opened',
          payload: { caseId: context.caseId, taskId: effect.task.id, department: effect.task.department },
        });
        break;
      case 'closeTask':
        writes.push(
          tx
            .update(tasks)
            .set({
              status: effect.status,
              outcome: effect.outcome ?? null,
              reason: effect.reason ?? null,
              closedAt: new Date(effect.at),
              closedBy: effect.status === 'completed' ? context.actorId : null,
            })
            .where(eq(tasks.id, effect.taskId)),
        );
        note('task.closed', {
          taskId: effect.taskId,
          department: effect.department,
          status: effect.status,
          outcome: effect.outcome ?? null,
          reason: effect.reason ?? null,
        });
        break;
      case 'moveTask':
        writes.push(
          tx
            .update(tasks)
            .set({ department: effect.to, assigneeId: null })
            .where(eq(tasks.id, effect.taskId)),
        );
        note(`task.${effect.kind}`, {
          taskId: effect.taskId,
          from: effect.from,
          to: effect.to,
          reason: effect.reason ?? null,
        });
        outboxRows.push({
          topic: 'task.opened',
          payload: { caseId: context.caseId, taskId: effect.taskId, department: effect.to },
        });
        break;
      case 'updateTask': {
        const changes = effect.changes;
        const set: Partial<typeof tasks.$inferInsert> = {};
        if (changes.status !== undefined) set.status = changes.status;
        if (changes.priority !== undefined) set.priority = changes.priority;
        if (changes.dueAt !== undefined) set.dueAt = date(changes.dueAt);
        if (changes.warnAt !== undefined) set.warnAt = date(changes.warnAt);
        if (changes.flag !== undefined) set.flag = changes.flag;
        if (changes.escalationLevel !== undefined) set.escalationLevel = changes.escalationLevel;
        if (Object.keys(set).length > 0)
          writes.push(tx.update(tasks).set(set).where(eq(tasks.id, effect.taskId)));
        break;
      }
      case 'assignTask': {
        const [task] = await tx
          .select({ department: tasks.department })
          .from(tasks)
          .where(eq(tasks.id, effect.taskId));
        const [supervisor] = task
          ? await tx
              .select({ userId: memberships.userId })
              .from(memberships)
              .where(and(eq(memberships.department, task.department), eq(memberships.role, 'supervisor')))
              .limit(1)
          : [];
        if (supervisor)
          writes.push(
            tx.update(tasks).set({ assigneeId: supervisor.userId }).where(eq(tasks.id, effect.taskId)),
          );
        note('task.assigned', {
          taskId: effect.taskId,
          to: supervisor?.userId ?? null,
          reason: 'escalation',
        });
        break;
      }
      case 'scheduleTimer':
        cancelled.delete(effect.timerId);
        scheduled.set(effect.timerId, effect);
        break;
      case 'cancelTimer':
        scheduled.delete(effect.timerId);
        cancelled.add(effect.timerId);
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
        const recipient = recipientOf(effect.to, context);
        writes.push(
          tx.insert(notifications).values({
            id: context.ids(),
            caseId: context.caseId,
            taskId: effect.taskId ?? null,
            recipient,
            template: effect.template,
            data: effect.data,
            createdAt: new Date(effect.at),
          }),
        );
        outboxRows.push({
          topic: 'notification',
          payload: { caseId: context.caseId, recipient, template: effect.template },
        });
        break;
      }
      case 'requestSupplement':
        writes.push(
          tx.insert(notifications).values({
            id: context.ids(),
            caseId: context.caseId,
            taskId: effect.taskId,
            recipient: recipientOf('applicant', context),
            template: 'case.supplement-requested',
            data: { items: effect.items, reason: effect.reason, department: effect.department },
            createdAt: new Date(effect.at),
          }),
        );
        note('supplement.requested', { taskId: effect.taskId, items: effect.items, reason: effect.reason });
        break;
      case 'supplementProvided':
        note('supplement.provided', { taskId: effect.taskId });
        break;
      case 'openSupervisionOrder':
        writes.push(
          tx.insert(supervisionOrders).values({
            id: effect.orderId,
            caseId: context.caseId,
            taskId: effect.taskId,
            department: effect.department,
            openedBy: context.actorId,
            openedAt: new Date(effect.at),
            respondBy: new Date(effect.respondBy),
            status: 'open',
          }),
        );
        note('supervision.opened', {
          orderId: effect.orderId,
          taskId: effect.taskId,
          department: effect.department,
          respondBy: effect.respondBy,
        });
        break;
      case 'startChildCase':
        outboxRows.push({ topic: 'case.startChild', payload: { parentCaseId: context.caseId, ...effect } });
        break;
      case 'completeCase':
        note('case.completed', { result: effect.result });
        outboxRows.push({
          topic: 'case.completed',
          payload: { caseId: context.caseId, result: effect.result },
        });
        break;
    }
  }

  if (cancelled.size > 0) {
    writes.push(
      tx
        .update(timers)
        .set({ status: 'cancelled' })
        .where(and(inArray(timers.id, [...cancelled]), eq(timers.status, 'pending'))),
    );
  }
  if (scheduled.size > 0) {
    // the same id means the same step of the same task: moving a deadline updates the row
    const rows = [...scheduled.values()].map((timer) => ({
      id: timer.timerId,
      caseId: context.caseId,
      taskId: timer.taskId,
      action: timer.action,
      fireAt: new Date(timer.fireAt),
      status: 'pending' as const,
    }));
    writes.push(
      tx
        .insert(timers)
        .values(rows)
        .onConflictDoUpdate({ target: timers.id, set: { fireAt: sql`excluded.fire_at`, status: 'pending' } }),
    );
    for (const timer of scheduled.values())
      outboxRows.push({
        topic: 'timer.scheduled',
        payload: { timerId: timer.timerId, fireAt: timer.fireAt },
      });
  }
  if (outboxRows.length > 0) writes.push(tx.insert(outbox).values(outboxRows));
  return { writes, audit };
}

function recipientOf(to: string, context: EffectContext): string {
  if (to === 'applicant' || to === 'reporter')
    return context.applicantId === null ? `case:${context.caseId}:applicant` : `user:${context.applicantId}`;
  return to;
}
