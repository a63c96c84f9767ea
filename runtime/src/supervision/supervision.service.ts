import { and, asc, eq, inArray } from 'drizzle-orm';
import { addDurationLike, type FixedSla } from './respond-limit.js';
import type { Actor } from '../auth/actor.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Database, Executor } from '../db/database.js';
import { notifications, outbox, supervisionOrders, tasks, timers, type Visibility } from '../db/schema.js';
import type { DepartmentDirectory } from '../departments/directory.js';
import type { DefinitionService } from '../definitions/definition.service.js';
import { ApiError, forbidden, notFound } from '../errors/api-error.js';
import { orderIdOf, orderTimerId } from './order-timer.js';

const orderTitle = { 'zh-CN': '督办单', en: 'supervision order' };
const taskTitle = { 'zh-CN': '任务', en: 'task' };

export type SupervisionOrder = typeof supervisionOrders.$inferSelect;

/**
 * Supervision orders (督办): a supervisor demands a written response from the department handling a
 * task within a limit. Opened by hand here or by an escalation ladder (the engine's effect); the limit
 * is a timer, and when it passes unanswered the order turns overdue and the department above is told.
 */
export class SupervisionService {
  constructor(
    private readonly deps: {
      db: Database;
      audit: AuditLog;
      directory: DepartmentDirectory;
      definitions: DefinitionService;
      clock: () => Date;
      ids: () => string;
    },
  ) {}

  /**
   * A supervisor over the task's department opens an order by hand. It is internal to departments
   * unless the supervisor marks it for the applicant, who then sees it (and its note) on their timeline.
   */
  async open(
    actor: Actor,
    taskId: string,
    input: { note: string; respondWithin?: FixedSla; visibility?: Visibility },
  ): Promise<SupervisionOrder> {
    const [task] = await this.deps.db.select().from(tasks).where(eq(tasks.id, taskId));
    if (!task || !actor.sees(task.department)) throw notFound(taskTitle);
    if (!actor.supervises(task.department)) throw forbidden();
    if (task.status === 'completed' || task.status === 'cancelled') throw new ApiError('TB_TASK_CLOSED');
    const now = this.deps.clock();
    const catalog = await this.deps.definitions.current();
    const respondBy = addDurationLike(
      input.respondWithin ?? { workingDays: 1 },
      now,
      catalog,
      this.deps.directory.get(task.department)?.calendar ?? null,
    );
    const order: SupervisionOrder = {
      id: this.deps.ids(),
      caseId: task.caseId,
      taskId,
      department: task.department,
      openedBy: actor.userId,
      openedAt: now,
      note: input.note,
      respondBy,
      response: null,
      respondedAt: null,
      status: 'open',
    };
    await this.deps.audit.write(task.caseId, async (tx) => {
      await tx.insert(supervisionOrders).values(order);
      await tx.insert(timers).values({
        id: orderTimerId(order.id),
        caseId: task.caseId,
        taskId,
        action: 'supervision.respond',
        fireAt: respondBy,
        status: 'pending',
      });
      await this.notify(tx, order, `department:${task.department}`, 'supervision.opened', now);
      await tx.insert(outbox).values({
        topic: 'timers.scheduled',
        payload: { caseId: task.caseId, timers: [{ timerId: orderTimerId(order.id), fireAt: respondBy }] },
      });
      return {
        value: undefined,
        audit: [
          {
            actorId: actor.userId,
            action: 'supervision.opened',
            at: now,
            data: {
              orderId: order.id,
              taskId,
              department: task.department,
              respondBy,
              note: input.note,
              visibility: input.visibility ?? 'internal',
            },
          },
        ],
      };
    });
    return order;
  }

  /** The department answers in writing; the order closes and its timer is cancelled. */
  async respond(actor: Actor, orderId: string, response: string): Promise<SupervisionOrder> {
    const [order] = await this.deps.db
      .select()
      .from(supervisionOrders)
      .where(eq(supervisionOrders.id, orderId));
    if (!order || !actor.sees(order.department)) throw notFound(orderTitle);
    if (!actor.worksIn(order.department) && !actor.supervises(order.department)) throw forbidden();
    if (order.status === 'answered')
      throw new ApiError('TB_ORDER_ANSWERED', {}, [
        { path: '/response', message: { 'zh-CN': '督办单已答复', en: 'this order is already answered' } },
      ]);
    const now = this.deps.clock();
    return this.deps.audit.write(order.caseId, async (tx) => {
      const [answered] = await tx
        .update(supervisionOrders)
        .set({ status: 'answered', response, respondedAt: now })
        .where(and(eq(supervisionOrders.id, orderId), inArray(supervisionOrders.status, ['open', 'overdue'])))
        .returning();
      if (!answered) throw new ApiError('TB_CASE_VERSION_CONFLICT');
      await tx
        .update(timers)
        .set({ status: 'cancelled' })
        .where(and(eq(timers.id, orderTimerId(orderId)), eq(timers.status, 'pending')));
      return {
        value: answered,
        audit: [
          {
            actorId: actor.userId,
            action: 'supervision.answered',
            at: now,
            data: { orderId, late: order.status === 'overdue' || now > order.respondBy },
          },
        ],
      };
    });
  }

  /** Orders of the departments an actor sees, open ones first by their limit. */
  async list(actor: Actor, department: string): Promise<SupervisionOrder[]> {
    if (!actor.sees(department)) throw forbidden();
    return this.deps.db
      .select()
      .from(supervisionOrders)
      .where(eq(supervisionOrders.department, department))
      .orderBy(asc(supervisionOrders.status), asc(supervisionOrders.respondBy));
  }

  /**
   * The response limit of an order passed (its timer fired). An order still open turns overdue, the
   * supervisors of the department above are told, and the case's timeline records it. Returns false
   * when the order was answered in time (the timer is stale). Either way the timer is marked fired.
   */
  async orderOverdue(timerId: string): Promise<boolean> {
    const now = this.deps.clock();
    const fired = (tx: Executor) =>
      tx
        .update(timers)
        .set({ status: 'fired', firedAt: now, lockedUntil: null })
        .where(and(eq(timers.id, timerId), eq(timers.status, 'pending')));
    // the case row is locked first, as in every write on a case: its id comes from the order
    const [known] = await this.deps.db
      .select({ caseId: supervisionOrders.caseId })
      .from(supervisionOrders)
      .where(eq(supervisionOrders.id, orderIdOf(timerId)));
    if (!known) {
      await fired(this.deps.db);
      return false;
    }
    return this.deps.audit.write(known.caseId, async (tx) => {
      await fired(tx);
      const [order] = await tx
        .update(supervisionOrders)
        .set({ status: 'overdue' })
        .where(and(eq(supervisionOrders.id, orderIdOf(timerId)), eq(supervisionOrders.status, 'open')))
        .returning();
      if (!order) return { value: false, audit: [] };
      const above = this.deps.directory.get(order.department)?.parent ?? order.department;
      await this.notify(tx, order, `supervisors:${above}`, 'supervision.overdue', now);
      return {
        value: true,
        audit: [
          {
            actorId: null,
            action: 'supervision.overdue',
            at: now,
            data: { orderId: order.id, department: order.department, escalatedTo: above },
          },
        ],
      };
    });
  }

  private async notify(
    tx: Executor,
    order: SupervisionOrder,
    recipient: string,
    template: string,
    now: Date,
  ): Promise<void> {
    const id = this.deps.ids();
    await tx.insert(notifications).values({
      id,
      caseId: order.caseId,
      taskId: order.taskId,
      recipient,
      template,
      data: { orderId: order.id, department: order.department, respondBy: order.respondBy.toISOString() },
      createdAt: now,
    });
    await tx.insert(outbox).values({
      topic: 'notification',
      payload: { notificationId: id, caseId: order.caseId, recipient, template },
    });
  }
}
