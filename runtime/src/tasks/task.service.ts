import { and, asc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { EngineError, type EngineEvent, type Priority } from '@tongban/engine';
import type { Actor } from '../auth/actor.js';
import { commandColumns, type CaseService, type RuntimeDeps } from '../cases/case.service.js';
import { cases as caseTable, tasks } from '../db/schema.js';
import { ApiError, forbidden, notFound } from '../errors/api-error.js';
import { applicationFormOf } from '../cases/case-forms.js';
import { assertFormData } from '../forms/form-validator.js';

export interface InboxQuery {
  /** One department; absent: every department the actor works in. */
  department?: string;
  status?: 'open' | 'waiting' | 'completed' | 'cancelled';
  overdue?: boolean;
  dueBefore?: Date;
  matter?: string;
  assignee?: string;
  cursor?: string;
  limit: number;
}

export interface OutcomeInput {
  outcome: string;
  data?: Record<string, unknown>;
  reason?: string;
  toDepartment?: string;
  items?: string[];
}

type TaskRow = typeof tasks.$inferSelect;

/**
 * A task as the API gives it: its state, form and matter under the names every route uses for them
 * (decision 0019), and nothing of the dispatcher's bookkeeping.
 */
export function taskView(row: TaskRow) {
  return {
    id: row.id,
    caseId: row.caseId,
    state: row.stateId,
    title: row.title,
    matter: row.matterKey,
    department: row.department,
    assigneeId: row.assigneeId,
    status: row.status,
    priority: row.priority,
    flag: row.flag,
    outcomes: row.outcomes,
    outcome: row.outcome,
    reason: row.reason,
    form: row.formKey,
    openedAt: row.openedAt,
    dueAt: row.dueAt,
    dueUncertain: row.dueUncertain,
    warnAt: row.warnAt,
    closedAt: row.closedAt,
    closedBy: row.closedBy,
  };
}
export type TaskView = ReturnType<typeof taskView>;

const taskTitle = { 'zh-CN': '任务', en: 'task' };

/** A department's inbox and the actions on one task. Scoped: only the departments an actor works or watches. */
export class TaskService {
  /** The hot read of every completion, built once: the task and its case by task id. */
  private readonly taskWithCase;

  constructor(
    private readonly deps: RuntimeDeps,
    private readonly cases: CaseService,
  ) {
    this.taskWithCase = deps.db
      .select({
        task: {
          id: tasks.id,
          caseId: tasks.caseId,
          department: tasks.department,
          assigneeId: tasks.assigneeId,
          status: tasks.status,
          formKey: tasks.formKey,
        },
        kase: commandColumns,
      })
      .from(tasks)
      .innerJoin(caseTable, eq(caseTable.id, tasks.caseId))
      .where(eq(tasks.id, sql.placeholder('taskId')))
      .prepare('task_with_case');
  }

  /**
   * Open tasks of a department, or of every department the actor works in, by due time (no deadline
   * last), paginated by keyset so deep pages stay fast.
   */
  async inbox(actor: Actor, query: InboxQuery) {
    if (query.department !== undefined && !actor.sees(query.department)) throw forbidden();
    const departments = query.department === undefined ? [...actor.workDepartments] : [query.department];
    if (departments.length === 0) return { items: [], nextCursor: null };
    const now = this.deps.clock();
    const conditions: SQL[] = [
      departments.length === 1
        ? eq(tasks.department, departments[0] as string)
        : inArray(tasks.department, departments),
      eq(tasks.status, query.status ?? 'open'),
    ];
    if (query.overdue) conditions.push(lt(tasks.dueAt, now));
    if (query.dueBefore) conditions.push(lt(tasks.dueAt, query.dueBefore));
    if (query.matter) conditions.push(eq(tasks.matterKey, query.matter));
    if (query.assignee === 'none') conditions.push(isNull(tasks.assigneeId));
    else if (query.assignee === 'me') conditions.push(eq(tasks.assigneeId, actor.userId));
    else if (query.assignee) conditions.push(eq(tasks.assigneeId, query.assignee));
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      conditions.push(
        cursor.dueAt === null
          ? (and(isNull(tasks.dueAt), gt(tasks.id, cursor.id)) as SQL)
          : (or(
              gt(tasks.dueAt, cursor.dueAt),
              and(eq(tasks.dueAt, cursor.dueAt), gt(tasks.id, cursor.id)),
              isNull(tasks.dueAt),
            ) as SQL),
      );
    }
    const rows = await this.deps.db
      .select({
        id: tasks.id,
        caseId: tasks.caseId,
        state: tasks.stateId,
        title: tasks.title,
        matter: tasks.matterKey,
        department: tasks.department,
        assigneeId: tasks.assigneeId,
        status: tasks.status,
        priority: tasks.priority,
        flag: tasks.flag,
        openedAt: tasks.openedAt,
        dueAt: tasks.dueAt,
        dueUncertain: tasks.dueUncertain,
        warnAt: tasks.warnAt,
      })
      .from(tasks)
      .where(and(...conditions))
      .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({ ...row, overdue: row.dueAt !== null && row.dueAt < now })),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.dueAt, last.id) : null,
    };
  }

  async get(actor: Actor, taskId: string): Promise<TaskRow> {
    const [task] = await this.deps.db.select().from(tasks).where(eq(tasks.id, taskId));
    if (!task || !actor.sees(task.department)) throw notFound(taskTitle);
    return task;
  }

  /** Takes a task from the shared inbox. Two people claiming at once: one wins, the other gets a 409. */
  async claim(actor: Actor, taskId: string): Promise<TaskRow> {
    const task = await this.get(actor, taskId);
    if (!actor.worksIn(task.department)) throw forbidden();
    if (task.status === 'completed' || task.status === 'cancelled') throw new ApiError('TB_TASK_CLOSED');
    if (task.assigneeId === actor.userId) return task;
    return this.deps.audit.write(task.caseId, async (tx) => {
      const [claimed] = await tx
        .update(tasks)
        .set({ assigneeId: actor.userId })
        .where(
          and(eq(tasks.id, taskId), isNull(tasks.assigneeId), inArray(tasks.status, ['open', 'waiting'])),
        )
        .returning();
      if (!claimed) throw new ApiError('TB_TASK_CLAIMED');
      return {
        value: claimed,
        audit: [{ actorId: actor.userId, action: 'task.claimed', at: this.deps.clock(), data: { taskId } }],
      };
    });
  }

  /** Puts a claimed task back in the shared inbox: the one who holds it, or a supervisor. */
  async release(actor: Actor, taskId: string): Promise<TaskRow> {
    const task = await this.get(actor, taskId);
    if (task.assigneeId === null) return task;
    if (task.assigneeId !== actor.userId && !actor.supervises(task.department)) throw forbidden();
    return this.deps.audit.write(task.caseId, async (tx) => {
      const [released] = await tx
        .update(tasks)
        .set({ assigneeId: null })
        .where(and(eq(tasks.id, taskId), eq(tasks.assigneeId, task.assigneeId as string)))
        .returning();
      if (!released) throw new ApiError('TB_CASE_VERSION_CONFLICT');
      return {
        value: released,
        audit: [{ actorId: actor.userId, action: 'task.released', at: this.deps.clock(), data: { taskId } }],
      };
    });
  }

  /**
   * Gives an outcome (approve, reject, return, transfer, request supplements, ...). The task's form data
   * is validated with the form's schema first; the case then moves through the one flow.
   */
  async complete(actor: Actor, taskId: string, input: OutcomeInput) {
    // the task and its case in one read: the case row goes straight into the command
    const [found] = await this.taskWithCase.execute({ taskId });
    if (!found || !actor.sees(found.task.department)) throw notFound(taskTitle);
    const task = found.task;
    this.assertMayAct(actor, task);
    if (input.data !== undefined) await this.assertTaskData(task.formKey, found.kase, input.data);
    const event: EngineEvent = { type: 'task.outcome', taskId, outcome: input.outcome, actor: actor.userId };
    if (input.data !== undefined) event.data = input.data;
    if (input.reason !== undefined) event.reason = input.reason;
    if (input.toDepartment !== undefined) event.toDepartment = input.toDepartment;
    if (input.items !== undefined) event.items = input.items;
    try {
      const { row, effects } = await this.cases.command(actor, task.caseId, event, undefined, found.kase);
      return {
        caseId: row.id,
        caseStatus: row.status,
        caseVersion: row.version,
        state: row.snapshot.value,
        // what the step opened, so a client can go on without asking again
        openedTasks: effects.flatMap((effect) =>
          effect.type === 'openTask'
            ? [{ id: effect.task.id, state: effect.task.stateId, department: effect.task.department }]
            : [],
        ),
      };
    } catch (error) {
      // the task was open when we read it and closed by someone else before the case was: say so
      if (error instanceof EngineError && error.code === 'TB_TASK_NOT_FOUND')
        throw new ApiError('TB_TASK_CLOSED');
      throw error;
    }
  }

  async setPriority(actor: Actor, taskId: string, priority: Priority) {
    const task = await this.get(actor, taskId);
    if (!actor.supervises(task.department)) throw forbidden();
    const { row } = await this.cases.command(actor, task.caseId, {
      type: 'task.setPriority',
      taskId,
      priority,
      actor: actor.userId,
    });
    return { caseId: row.id, caseVersion: row.version };
  }

  /**
   * A task's data is what its own form asks, validated against it, and never the application's own
   * fields: those change only through a correction, with a reason and before/after on the record
   * (decision 0013). A task without a form takes no data.
   */
  private async assertTaskData(
    formKey: string | null,
    kase: { matterKey: string | null; workflowKey: string },
    data: Record<string, unknown>,
  ): Promise<void> {
    const catalog = await this.deps.definitions.current();
    const form = formKey === null ? undefined : catalog.get('form', formKey);
    if (form) assertFormData(form, data);
    const application = applicationFormOf(catalog, kase);
    const owned = new Set(Object.keys((application?.schema.properties as object | undefined) ?? {}));
    const refused = Object.keys(data).filter((name) => form === undefined || owned.has(name));
    if (refused.length > 0)
      throw new ApiError(
        'TB_FORM_DATA_INVALID',
        {},
        refused.map((name) => ({
          path: `/${name}`,
          message: owned.has(name)
            ? {
                'zh-CN': '这是申请人填写的内容，办理任务时不能修改；如需更正，请使用“更正申请信息”并说明理由',
                en: "this is the applicant's answer and a task cannot change it; correct it with a stated reason instead",
              }
            : { 'zh-CN': '这个任务没有表单，不能提交数据', en: 'this task has no form and takes no data' },
        })),
      );
  }

  private assertMayAct(actor: Actor, task: Pick<TaskRow, 'department' | 'status' | 'assigneeId'>): void {
    if (!actor.worksIn(task.department) && !actor.supervises(task.department)) throw forbidden();
    if (task.status === 'completed' || task.status === 'cancelled') throw new ApiError('TB_TASK_CLOSED');
    if (task.assigneeId !== null && task.assigneeId !== actor.userId && !actor.supervises(task.department))
      throw new ApiError('TB_TASK_NOT_YOURS');
  }
}

function encodeCursor(dueAt: Date | null, id: string): string {
  return Buffer.from(JSON.stringify([dueAt?.toISOString() ?? null, id])).toString('base64url');
}

function decodeCursor(cursor: string): { dueAt: Date | null; id: string } {
  try {
    const [dueAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const date = dueAt === null ? null : new Date(String(dueAt));
    // what encodeCursor writes, and nothing PostgreSQL would refuse: a uuid and a year from 1 to 9999
    const year = date?.getUTCFullYear() ?? 1;
    if (
      typeof id !== 'string' ||
      !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ||
      !(year >= 1 && year <= 9999)
    )
      throw new Error('bad cursor');
    return { dueAt: date, id };
  } catch {
    throw new ApiError('TB_REQUEST_INVALID', {}, [
      { path: '/cursor', message: { 'zh-CN': '翻页标记无效', en: 'the page cursor is not valid' } },
    ]);
  }
}
