import { and, asc, inArray, ne, sql } from 'drizzle-orm';
import type { Catalog, LocalizedText } from '@tongban/engine';
import type { Executor } from '../db/database.js';
import { maskCaseData } from './case-forms.js';
import { auditEvents, memberships, tasks, type Visibility } from '../db/schema.js';

/**
 * A case's timeline, read from its audit chain, in one of two views. Departments see every entry with
 * its visibility. The applicant sees only the entries visible to them, each with what happened, when
 * and who did it: themselves, the system, or a department by its name, never a member of staff's user
 * id, and of an entry's data only what is meant for them.
 */
export type TimelineView = 'applicant' | 'departments';

/** Who did it, as a reader may be told. */
export interface TimelineActor {
  kind: 'applicant' | 'department' | 'staff' | 'system';
  /** The department's code, when the actor acted for one. */
  department?: string;
  name: LocalizedText;
}

export interface TimelineEntry {
  seq: number;
  at: Date;
  action: string;
  /** What happened, in words. */
  label: LocalizedText;
  visibility: Visibility;
  by: TimelineActor;
  /** Departments' view only. */
  actorId?: string | null;
  data: Record<string, unknown>;
  /** A correction of the application: what it changed (sensitive values masked). */
  changes?: TimelineChange[];
}

/** The case a timeline is of: whose it is, and whether it is internal as a whole. */
export interface TimelineCase {
  id: string;
  applicantId: string | null;
  internal: boolean;
  /**
   * The case's sensitive places (JSON pointers): given, a correction's entry shows what it changed,
   * sensitive values masked in either view; not given, only which fields.
   */
  sensitive?: string[];
}

interface Corrected {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** One field a correction changed: the value it replaced and the value it wrote. */
export interface TimelineChange {
  field: string;
  before: unknown;
  after: unknown;
}

function changesOf(corrected: Corrected, sensitive: string[]): TimelineChange[] {
  const before = maskCaseData(corrected.before ?? {}, sensitive).data;
  const after = maskCaseData(corrected.after ?? {}, sensitive).data;
  return Object.keys(after).map((field) => ({ field, before: before[field] ?? null, after: after[field] }));
}

/** An audit event as the timeline reads it. */
export interface AuditRecord {
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  data: Record<string, unknown>;
}

/** Task outcomes that are decisions the applicant is told of: accepted, approved, rejected. */
export const applicantOutcomes: ReadonlySet<string> = new Set(['accept', 'approve', 'reject']);

type Shown = (data: Record<string, unknown>) => Record<string, unknown> | null;
const pick =
  (...keys: string[]) =>
  (data: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(keys.filter((key) => data[key] !== undefined).map((key) => [key, data[key]]));

/**
 * What the applicant must know, and which of its data they are shown: submitted, accepted and decided
 * (a task closed with a decision), supplements asked for and given, corrections of their data,
 * withdrawn or cancelled, closed, and their own rating. Every other action is internal, whatever it
 * carries; an entry that carries a `visibility` of its own (a comment, a supervision order marked
 * public) has that one.
 */
const applicantActions: Record<string, Shown> = {
  'case.started': () => ({}),
  'task.closed': (data) =>
    data.status === 'completed' && applicantOutcomes.has(String(data.outcome))
      ? pick('outcome', 'reason')(data)
      : null,
  'supplement.requested': pick('items', 'reason'),
  // the resident's answer (the event); the engine's note that the task resumed is the department's
  'supplement.provided': (data) => (Object.hasOwn(data, 'fields') ? pick('fields')(data) : null),
  'case.dataCorrected': pick('fields', 'reason'),
  'case.cancel': pick('reason'),
  'case.completed': pick('result'),
  'case.rated': pick('score'),
};

/** Entries whose visibility is their own: what the applicant is shown of them when visible. */
const ownVisibility: Record<string, (data: Record<string, unknown>) => Record<string, unknown>> = {
  'comment.added': pick('commentId'),
  'attachment.added': pick('attachmentId', 'name'),
  'supervision.opened': pick('orderId', 'note', 'respondBy'),
};

/** An entry's visibility, and what of its data the applicant is shown if it is visible to them. */
export function classify(
  kase: TimelineCase,
  entry: Pick<AuditRecord, 'actorId' | 'action' | 'data'>,
): { visibility: Visibility; shown: Record<string, unknown> } {
  const internal = { visibility: 'internal' as const, shown: {} };
  if (kase.internal) return internal;
  const own = ownVisibility[entry.action];
  if (own) {
    const marked = entry.data.visibility;
    const byApplicant = kase.applicantId !== null && entry.actorId === kase.applicantId;
    // written before entries carried a visibility: the applicant's own are theirs, the rest internal
    const visibility =
      marked === 'applicant' || marked === 'internal' ? marked : byApplicant ? 'applicant' : 'internal';
    return visibility === 'applicant' ? { visibility, shown: own(entry.data) } : internal;
  }
  const shown = applicantActions[entry.action]?.(entry.data) ?? null;
  return shown === null ? internal : { visibility: 'applicant', shown };
}

/**
 * The timelines of several cases in one view: three queries however many cases (their audit events,
 * their tasks' departments, the departments of the staff who acted).
 */
export async function loadTimelines(
  db: Executor,
  catalog: Catalog,
  kases: TimelineCase[],
  view: TimelineView,
): Promise<Map<string, TimelineEntry[]>> {
  const timelines = new Map<string, TimelineEntry[]>(kases.map((kase) => [kase.id, []]));
  if (kases.length === 0) return timelines;
  const ids = kases.map((kase) => kase.id);
  const events = await db
    .select({
      caseId: auditEvents.caseId,
      seq: auditEvents.seq,
      at: auditEvents.at,
      actorId: auditEvents.actorId,
      action: auditEvents.action,
      data: auditEvents.data,
      // a correction's replaced and written values; nothing else's before and after is read
      corrected: sql<Corrected | null>`case when ${auditEvents.action} = 'case.dataCorrected'
        then jsonb_build_object('before', ${auditEvents.before}->'data', 'after', ${auditEvents.after}->'data') end`,
    })
    .from(auditEvents)
    .where(inArray(auditEvents.caseId, ids))
    .orderBy(asc(auditEvents.caseId), asc(auditEvents.seq));
  const taskRows = await db
    .select({ id: tasks.id, department: tasks.department })
    .from(tasks)
    .where(inArray(tasks.caseId, ids));
  const taskDepartments = new Map(taskRows.map((task) => [task.id, task.department]));
  const applicants = new Set(kases.flatMap((kase) => (kase.applicantId ? [kase.applicantId] : [])));
  const departmentsOf = await staffDepartments(
    db,
    events.flatMap((event) => (event.actorId && !applicants.has(event.actorId) ? [event.actorId] : [])),
  );

  const byId = new Map(kases.map((kase) => [kase.id, kase]));
  for (const event of events) {
    const kase = byId.get(event.caseId) as TimelineCase;
    const { visibility, shown } = classify(kase, event);
    if (view === 'applicant' && visibility !== 'applicant') continue;
    const by = actorOf(kase, event, taskDepartments, departmentsOf, catalog);
    timelines.get(kase.id)?.push({
      seq: event.seq,
      at: event.at,
      action: event.action,
      label: labelOf(event.action, event.data),
      visibility,
      by,
      ...(view === 'departments'
        ? { actorId: event.actorId, data: withIsoMoments(event.data) }
        : { data: withIsoMoments(shown) }),
      ...(event.corrected && kase.sensitive ? { changes: changesOf(event.corrected, kase.sensitive) } : {}),
    });
  }
  return timelines;
}

/** The moments audit data holds as the engine counts them, in epoch milliseconds. */
const momentKeys = ['dueAt', 'respondBy', 'requestedAt'];

/**
 * Audit data as the API shows it: every moment in ISO 8601 (decision 0019). The chain keeps what was
 * written, epoch milliseconds included (its hashes cover it), so the change is made as it is read.
 */
export function withIsoMoments(data: Record<string, unknown>): Record<string, unknown> {
  if (!momentKeys.some((key) => typeof data[key] === 'number')) return data;
  const shown = { ...data };
  for (const key of momentKeys) {
    const value = shown[key];
    if (typeof value === 'number') shown[key] = new Date(value).toISOString();
  }
  return shown;
}

const names = {
  applicant: { 'zh-CN': '申请人', en: 'Applicant' },
  system: { 'zh-CN': '系统', en: 'System' },
  staff: { 'zh-CN': '工作人员', en: 'Staff' },
} satisfies Record<string, LocalizedText>;

/** A department's name from the department definitions (its code if it has none). */
export function departmentName(catalog: Catalog, code: string): LocalizedText {
  return catalog.get('department', code)?.title ?? { 'zh-CN': code, en: code };
}

/**
 * Who wrote each of some rows of a case (comments, documents), as a reader may be told: the applicant,
 * the system, or a department by its name. Two queries however many rows.
 */
export async function authorsOf(
  db: Executor,
  catalog: Catalog,
  kase: Pick<TimelineCase, 'applicantId'>,
  rows: Array<{ actorId: string | null; taskId: string | null }>,
): Promise<TimelineActor[]> {
  const taskIds = [...new Set(rows.flatMap((row) => (row.taskId ? [row.taskId] : [])))];
  const taskDepartments = new Map(
    (taskIds.length
      ? await db
          .select({ id: tasks.id, department: tasks.department })
          .from(tasks)
          .where(inArray(tasks.id, taskIds))
      : []
    ).map((task) => [task.id, task.department]),
  );
  const departmentsOf = await staffDepartments(
    db,
    rows.flatMap((row) => (row.actorId && row.actorId !== kase.applicantId ? [row.actorId] : [])),
  );
  return rows.map((row) =>
    actorOf(
      kase,
      { actorId: row.actorId, data: row.taskId ? { taskId: row.taskId } : {} },
      taskDepartments,
      departmentsOf,
      catalog,
    ),
  );
}

/** The departments each of these users belongs to (as staff, supervisor or grid worker). */
export async function staffDepartments(db: Executor, userIds: string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(userIds)];
  const rows = ids.length
    ? await db
        .select({ userId: memberships.userId, department: memberships.department })
        .from(memberships)
        .where(and(inArray(memberships.userId, ids), ne(memberships.department, '')))
    : [];
  const departmentsOf = new Map<string, string[]>();
  for (const row of rows)
    departmentsOf.set(row.userId, [...(departmentsOf.get(row.userId) ?? []), row.department]);
  return departmentsOf;
}

/**
 * Who acted: the applicant, the system (no actor), or the department a member of staff acted for: the
 * one the entry names (or its task's) when they belong to it, else their own, else the entry's.
 */
export function actorOf(
  kase: Pick<TimelineCase, 'applicantId'>,
  event: { actorId: string | null; data: Record<string, unknown> },
  taskDepartments: Map<string, string>,
  departmentsOf: Map<string, string[]>,
  catalog: Catalog,
): TimelineActor {
  if (event.actorId === null) return { kind: 'system', name: names.system };
  if (event.actorId === kase.applicantId) return { kind: 'applicant', name: names.applicant };
  const named =
    typeof event.data.department === 'string'
      ? event.data.department
      : typeof event.data.taskId === 'string'
        ? taskDepartments.get(event.data.taskId)
        : undefined;
  const own = departmentsOf.get(event.actorId) ?? [];
  const department = named !== undefined && own.includes(named) ? named : (own[0] ?? named);
  if (department === undefined) return { kind: 'staff', name: names.staff };
  return { kind: 'department', department, name: departmentName(catalog, department) };
}

const labels: Record<string, LocalizedText> = {
  'case.started': { 'zh-CN': '提交申请', en: 'Application submitted' },
  'case.completed': { 'zh-CN': '办结', en: 'Case closed' },
  'case.cancel': { 'zh-CN': '撤回或取消', en: 'Withdrawn or cancelled' },
  'case.rated': { 'zh-CN': '评价', en: 'Rated' },
  'case.dataCorrected': { 'zh-CN': '更正申请信息', en: 'Application data corrected' },
  'supplement.requested': { 'zh-CN': '一次性告知补正', en: 'Supplements requested' },
  'supplement.provided': { 'zh-CN': '已补正', en: 'Supplements provided' },
  'comment.added': { 'zh-CN': '留言', en: 'Comment' },
  'attachment.added': { 'zh-CN': '上传材料', en: 'Attachment added' },
  'supervision.opened': { 'zh-CN': '督办', en: 'Supervision order opened' },
  'supervision.answered': { 'zh-CN': '督办已答复', en: 'Supervision order answered' },
  'supervision.overdue': { 'zh-CN': '督办逾期未复', en: 'Supervision order overdue' },
  'task.opened': { 'zh-CN': '环节开始', en: 'Step opened' },
  'task.closed': { 'zh-CN': '环节办结', en: 'Step completed' },
  'task.outcome': { 'zh-CN': '办理意见', en: 'Outcome given' },
  'task.claimed': { 'zh-CN': '领取任务', en: 'Task claimed' },
  'task.released': { 'zh-CN': '放回任务', en: 'Task released' },
  'task.dispatched': { 'zh-CN': '分派任务', en: 'Task dispatched' },
  'task.assigned': { 'zh-CN': '指派任务', en: 'Task assigned' },
  'task.escalated': { 'zh-CN': '预警升级', en: 'Escalated' },
  'task.transfer': { 'zh-CN': '转办', en: 'Transferred' },
  'task.reassign': { 'zh-CN': '改派', en: 'Reassigned' },
  'task.escalate': { 'zh-CN': '上报上级部门', en: 'Escalated to the department above' },
  'task.setPriority': { 'zh-CN': '调整优先级', en: 'Priority changed' },
  'timer.fired': { 'zh-CN': '时限到达', en: 'Time limit reached' },
  'sensitive.read': { 'zh-CN': '查看敏感信息', en: 'Sensitive data read' },
};

const decisionLabels: Record<string, LocalizedText> = {
  accept: { 'zh-CN': '已受理', en: 'Accepted' },
  approve: { 'zh-CN': '审核通过', en: 'Approved' },
  reject: { 'zh-CN': '不予通过', en: 'Rejected' },
};

/** What happened, in words: a decision by its outcome, any other action by its name. */
function labelOf(action: string, data: Record<string, unknown>): LocalizedText {
  if (action === 'task.closed' && data.status === 'completed') {
    const decision = decisionLabels[String(data.outcome)];
    if (decision) return decision;
  }
  return labels[action] ?? { 'zh-CN': action, en: action };
}
