import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/database.js';
import { cases, tasks } from '../db/schema.js';
import { ApiError, notFound } from '../errors/api-error.js';

export interface CaseAccess {
  /** May read the case at all. */
  read: boolean;
  /** Is its applicant. */
  applicant: boolean;
  /** Works (or supervises) one of the departments that has or had a task of it. */
  handles: boolean;
}

/** What an actor may do with one case: residents their own, staff through their departments' tasks. */
export async function caseAccess(
  db: Executor,
  actor: Actor,
  row: { id: string; applicantId: string | null },
): Promise<CaseAccess> {
  const applicant = row.applicantId !== null && row.applicantId === actor.userId;
  if (actor.isAdmin) return { read: true, applicant, handles: true };
  let handles = false;
  if (actor.visibleDepartments.size > 0) {
    const [task] = await db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.caseId, row.id), inArray(tasks.department, [...actor.visibleDepartments])))
      .limit(1);
    handles = task !== undefined;
  }
  return { read: applicant || handles, applicant, handles };
}

/** Masks a sensitive value: the first 3 and last 2 characters stay, the rest become asterisks. */
export function mask(value: unknown): unknown {
  if (typeof value !== 'string') return value === undefined || value === null ? value : '***';
  if (value.length <= 5) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 5) + value.slice(-2);
}

/** Loads a case the actor may read, or answers 404 (never confirming that someone else's case exists). */
export async function readableCase(db: Executor, actor: Actor, caseId: string) {
  const [row] = await db
    .select({ id: cases.id, applicantId: cases.applicantId, status: cases.status })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) throw notFound({ 'zh-CN': '案件', en: 'case' });
  const access = await caseAccess(db, actor, row);
  if (!access.read) throw notFound({ 'zh-CN': '案件', en: 'case' });
  return { row, access };
}

/** Refuses a task id that is not one of the case's own tasks (comments and attachments may name one). */
export async function assertTaskOfCase(db: Executor, caseId: string, taskId: string | undefined) {
  if (taskId === undefined) return;
  const [task] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.caseId, caseId)));
  if (!task)
    throw new ApiError('TB_REQUEST_INVALID', {}, [
      { path: '/taskId', message: { 'zh-CN': '本案件没有这个任务', en: 'this case has no such task' } },
    ]);
}
