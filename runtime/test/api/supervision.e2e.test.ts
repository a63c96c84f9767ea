import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deadLetters, memberships, outbox, users } from '../../src/db/schema.js';
import { demoPassword } from '../../src/seed/seed.js';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

/**
 * Supervision orders (督办) over HTTP, from the supervisor who opens one to the department that answers
 * it, with the notices in between; a staff member's own availability (deputy, duty); and the
 * administrator's dead letters.
 */

let h: Harness;
type Who = 'admin' | 'supervisor' | 'minzheng' | 'weijian' | 'resident';
const cookies = {} as Record<Who, string>;

beforeAll(async () => {
  h = await createHarness();
  for (const who of ['admin', 'supervisor', 'minzheng', 'weijian', 'resident'] as const)
    cookies[who] = await h.login(who);
});
afterAll(async () => {
  await h?.close();
});

interface OrderJson {
  id: string;
  caseId: string;
  taskId: string;
  department: string;
  openedBy: string;
  openedAt: string;
  note: string | null;
  respondBy: string;
  response: string | null;
  respondedAt: string | null;
  status: 'open' | 'answered' | 'overdue';
}
interface NotificationJson {
  id: string;
  caseId: string | null;
  taskId: string | null;
  recipient: string;
  template: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}
interface ErrorJson {
  error: string;
  message: string;
  details: Array<{ path: string; message: string }>;
}
interface CaseJson {
  id: string;
  tasks: Array<{ id: string; state: string; department: string; status: string }>;
  timeline: Array<{ action: string; data: Record<string, unknown> }>;
}

const call = (who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  h.call(cookies[who], { method, url, ...(payload ? { payload } : {}) });

async function json<T>(
  who: Who,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  expected = 200,
): Promise<T> {
  const response = await call(who, method, url, payload);
  expect(response.statusCode, `${who} ${method} ${url}: ${response.body}`).toBe(expected);
  return response.json<T>();
}

async function refused(
  who: Who,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload: object | undefined,
  status: number,
  error: string,
): Promise<ErrorJson> {
  const body = await json<ErrorJson>(who, method, url, payload, status);
  expect(body.error).toBe(error);
  return body;
}

/** A fresh subsistence-allowance case of the resident; its acceptance task is open in d1.minzheng. */
async function minzhengTask(): Promise<{ caseId: string; taskId: string }> {
  const kase = await json<CaseJson>(
    'resident',
    'POST',
    '/api/cases',
    { matter: 'd1.subsistence-allowance', data: applicantData },
    201,
  );
  const task = kase.tasks.find((candidate) => candidate.status === 'open');
  expect(task?.department).toBe('d1.minzheng');
  return { caseId: kase.id, taskId: (task as { id: string }).id };
}

const ordersOf = async (who: Who, department: string) =>
  (await json<{ items: OrderJson[] }>(who, 'GET', `/api/supervision-orders?department=${department}`)).items;
const notificationsOf = async (who: Who, query = 'limit=100') =>
  (await json<{ items: NotificationJson[] }>(who, 'GET', `/api/notifications?${query}`)).items;
const aboutOrder = (list: NotificationJson[], orderId: string) =>
  list.filter((notification) => notification.data.orderId === orderId);

describe('HTTP: supervision orders (督办)', () => {
  it('should let a supervisor open an order that the department lists, is told of and answers once', async () => {
    // given a started case whose task waits in the civil affairs bureau
    const { caseId, taskId } = await minzhengTask();

    // when the district supervisor opens an order on it, two working days to answer
    const order = await json<OrderJson>(
      'supervisor',
      'POST',
      `/api/tasks/${taskId}/supervise`,
      { note: '群众反映办理缓慢，请说明情况', respondWithin: { workingDays: 2 } },
      201,
    );

    // then the order is open on the task's department, with a limit after it was opened
    expect(order).toMatchObject({
      caseId,
      taskId,
      department: 'd1.minzheng',
      status: 'open',
      note: '群众反映办理缓慢，请说明情况',
      response: null,
    });
    expect(Date.parse(order.respondBy)).toBeGreaterThan(Date.parse(order.openedAt));
    // the bureau lists it, and its supervisor does too
    expect((await ordersOf('minzheng', 'd1.minzheng')).map((listed) => listed.id)).toContain(order.id);
    expect((await ordersOf('supervisor', 'd1.minzheng')).map((listed) => listed.id)).toContain(order.id);
    // the bureau was told, as a department, and the notice is unread
    const [notice] = aboutOrder(await notificationsOf('minzheng', 'unread=true'), order.id);
    expect(notice).toMatchObject({
      recipient: 'department:d1.minzheng',
      template: 'supervision.opened',
      caseId,
      taskId,
      readAt: null,
    });

    // when the bureau reads the notice
    const read = await json<NotificationJson>('minzheng', 'POST', `/api/notifications/${notice?.id}/read`);

    // then it is read, leaves the unread list, and reading it again keeps the first time
    expect(read.readAt).toBe(h.clock.now().toISOString());
    expect(aboutOrder(await notificationsOf('minzheng', 'unread=true'), order.id)).toEqual([]);
    expect(aboutOrder(await notificationsOf('minzheng', 'unread=false'), order.id)).toHaveLength(1);
    h.clock.advance(60_000);
    const again = await json<NotificationJson>('minzheng', 'POST', `/api/notifications/${notice?.id}/read`);
    expect(again.readAt).toBe(read.readAt);

    // when the bureau answers in writing
    const answered = await json<OrderJson>(
      'minzheng',
      'POST',
      `/api/supervision-orders/${order.id}/respond`,
      {
        response: '已加快办理，预计明日办结',
      },
    );

    // then the order is answered, and the case's timeline records both steps
    expect(answered).toMatchObject({
      id: order.id,
      status: 'answered',
      response: '已加快办理，预计明日办结',
      respondedAt: h.clock.now().toISOString(),
    });
    const kase = await json<CaseJson>('supervisor', 'GET', `/api/cases/${caseId}`);
    expect(kase.timeline.map((event) => event.action)).toEqual(
      expect.arrayContaining(['supervision.opened', 'supervision.answered']),
    );

    // when it is answered a second time, then it is refused and the first answer stands
    const second = await refused(
      'minzheng',
      'POST',
      `/api/supervision-orders/${order.id}/respond`,
      { response: '再次答复' },
      409,
      'TB_ORDER_ANSWERED',
    );
    expect(second.details.map((detail) => detail.path)).toEqual(['/response']);
    const [listed] = (await ordersOf('minzheng', 'd1.minzheng')).filter((entry) => entry.id === order.id);
    expect(listed?.response).toBe('已加快办理，预计明日办结');
  });

  it('should keep an order from another department: it neither lists, is told of, nor answers it', async () => {
    // given an order on a civil affairs task
    const { taskId } = await minzhengTask();
    const order = await json<OrderJson>(
      'supervisor',
      'POST',
      `/api/tasks/${taskId}/supervise`,
      { note: '请说明情况' },
      201,
    );
    const [notice] = aboutOrder(await notificationsOf('minzheng'), order.id);
    expect(notice).toBeDefined();

    // when the health commission's staff look for it and try to answer it
    // then they may not list the bureau's orders, and their own list, notices and answer find nothing
    await refused(
      'weijian',
      'GET',
      '/api/supervision-orders?department=d1.minzheng',
      undefined,
      403,
      'TB_FORBIDDEN',
    );
    expect((await ordersOf('weijian', 'd1.weijian')).map((listed) => listed.id)).not.toContain(order.id);
    expect(aboutOrder(await notificationsOf('weijian'), order.id)).toEqual([]);
    await refused(
      'weijian',
      'POST',
      `/api/supervision-orders/${order.id}/respond`,
      { response: '不是我们的' },
      404,
      'TB_NOT_FOUND',
    );
    await refused('weijian', 'POST', `/api/notifications/${notice?.id}/read`, undefined, 404, 'TB_NOT_FOUND');

    // and the order is still open, its notice unread
    const [still] = (await ordersOf('minzheng', 'd1.minzheng')).filter((listed) => listed.id === order.id);
    expect(still?.status).toBe('open');
    expect(aboutOrder(await notificationsOf('minzheng'), order.id)[0]?.readAt).toBeNull();
  });

  it('should let only supervisors of the task open an order, and not on a closed task', async () => {
    // given a civil affairs task
    const { taskId } = await minzhengTask();

    // when its own staff, staff of another department and the applicant try to open an order
    // then the staff may see the task but not supervise it; the others do not see it at all
    await refused(
      'minzheng',
      'POST',
      `/api/tasks/${taskId}/supervise`,
      { note: '自查' },
      403,
      'TB_FORBIDDEN',
    );
    await refused('weijian', 'POST', `/api/tasks/${taskId}/supervise`, { note: '督办' }, 404, 'TB_NOT_FOUND');
    await refused(
      'resident',
      'POST',
      `/api/tasks/${taskId}/supervise`,
      { note: '催办' },
      404,
      'TB_NOT_FOUND',
    );

    // when the task has closed (rejected), then no order can be opened on it
    await json('minzheng', 'POST', `/api/tasks/${taskId}/complete`, {
      outcome: 'reject',
      reason: '不符合条件',
    });
    await refused(
      'supervisor',
      'POST',
      `/api/tasks/${taskId}/supervise`,
      { note: '督办' },
      409,
      'TB_TASK_CLOSED',
    );
  });

  it('should turn an unanswered order overdue and tell the supervisors of the department above', async () => {
    // given an order with two working hours to answer
    const { taskId } = await minzhengTask();
    const order = await json<OrderJson>(
      'supervisor',
      'POST',
      `/api/tasks/${taskId}/supervise`,
      { note: '请两小时内答复', respondWithin: { workingHours: 2 } },
      201,
    );
    expect(aboutOrder(await notificationsOf('supervisor'), order.id)).toEqual([]);

    // when the limit passes unanswered
    h.clock.set(order.respondBy);
    h.clock.advance(1000);
    await h.runtime.timers.fireDue([`order:${order.id}`]);

    // then the order is overdue, and the district's supervisors are told
    const [overdue] = (await ordersOf('minzheng', 'd1.minzheng')).filter((listed) => listed.id === order.id);
    expect(overdue?.status).toBe('overdue');
    expect(aboutOrder(await notificationsOf('supervisor'), order.id)).toEqual([
      expect.objectContaining({ recipient: 'supervisors:d1', template: 'supervision.overdue' }),
    ]);
    // an overdue order can still be answered, late
    const late = await json<OrderJson>('minzheng', 'POST', `/api/supervision-orders/${order.id}/respond`, {
      response: '已办结，答复迟了',
    });
    expect(late.status).toBe('answered');
  });

  it('should list the orders of a department only for a department that exists', async () => {
    // when the list names no department, or one that does not exist, then it is refused naming it
    const missing = await refused(
      'supervisor',
      'GET',
      '/api/supervision-orders',
      undefined,
      400,
      'TB_REQUEST_INVALID',
    );
    expect(missing.details.map((detail) => detail.path)).toContain('/querystring/department');
    const unknown = await refused(
      'supervisor',
      'GET',
      '/api/supervision-orders?department=d9.nowhere',
      undefined,
      400,
      'TB_REQUEST_INVALID',
    );
    expect(unknown.details.map((detail) => detail.path)).toEqual(['/department']);
  });
});

describe('HTTP: my deputy and my duty', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // a colleague in the bureau, and one whose account is disabled
    ids.colleague = (
      await h.runtime.users.create({
        username: 'minzheng-colleague',
        displayName: '民政局 周敏',
        password: demoPassword,
        memberships: [{ department: 'd1.minzheng', role: 'staff' }],
      })
    ).id;
    ids.disabled = (
      await h.runtime.users.create({
        username: 'minzheng-former',
        displayName: '民政局 已离职',
        password: demoPassword,
        memberships: [{ department: 'd1.minzheng', role: 'staff' }],
      })
    ).id;
    await h.runtime.db.update(users).set({ disabled: true }).where(eq(users.id, ids.disabled));
    for (const username of ['minzheng', 'weijian', 'resident']) {
      const [row] = await h.runtime.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.username, username));
      ids[username] = (row as { id: string }).id;
    }
  });

  const userRow = async (id: string) =>
    (
      await h.runtime.db
        .select({ deputyId: users.deputyId, awayUntil: users.awayUntil })
        .from(users)
        .where(eq(users.id, id))
    )[0];

  it('should let staff name a colleague as deputy while away, and clear it', async () => {
    // given a staff member going away until Friday evening
    const awayUntil = '2026-03-13T09:30:00.000Z';

    // when they name a colleague of the same bureau as deputy
    const named = await json<{ deputyId: string; awayUntil: string }>('minzheng', 'PUT', '/api/me/deputy', {
      deputyId: ids.colleague,
      awayUntil,
    });

    // then it is stored on their account
    expect(named).toEqual({ deputyId: ids.colleague, awayUntil });
    expect(await userRow(ids.minzheng as string)).toEqual({
      deputyId: ids.colleague,
      awayUntil: new Date(awayUntil),
    });

    // when they come back and clear both, then both are gone
    expect(await json('minzheng', 'PUT', '/api/me/deputy', { deputyId: null, awayUntil: null })).toEqual({
      deputyId: null,
      awayUntil: null,
    });
    expect(await userRow(ids.minzheng as string)).toEqual({ deputyId: null, awayUntil: null });
  });

  it.each([
    ['someone of another department', 'weijian'],
    ['themselves', 'minzheng'],
    ['a disabled account', 'disabled'],
    ['a resident', 'resident'],
    ['an id that is no account', 'nobody'],
  ])('should refuse %s as deputy with 422 naming /deputyId', async (_what, who) => {
    // given the deputy the staff member names
    const deputyId = ids[who] ?? '00000000-0000-4000-8000-000000000000';

    // when they name them
    const body = await refused(
      'minzheng',
      'PUT',
      '/api/me/deputy',
      { deputyId, awayUntil: '2026-03-13T09:30:00Z' },
      422,
      'TB_DEPUTY_INVALID',
    );

    // then the refusal names the field, and nothing was stored
    expect(body.details.map((detail) => detail.path)).toEqual(['/deputyId']);
    expect(await userRow(ids.minzheng as string)).toEqual({ deputyId: null, awayUntil: null });
  });

  it('should refuse a deputy that is not a uuid, or a time that is not a date-time, with 400', async () => {
    // when the body is malformed, then the schema names the field
    const badId = await refused(
      'minzheng',
      'PUT',
      '/api/me/deputy',
      { deputyId: 'wang', awayUntil: null },
      400,
      'TB_REQUEST_INVALID',
    );
    expect(badId.details.map((detail) => detail.path)).toContain('/body/deputyId');
    const badTime = await refused(
      'minzheng',
      'PUT',
      '/api/me/deputy',
      { deputyId: null, awayUntil: 'next Friday' },
      400,
      'TB_REQUEST_INVALID',
    );
    expect(badTime.details.map((detail) => detail.path)).toContain('/body/awayUntil');
  });

  it('should refuse a deputy to someone who works in no department (a resident, the administrator)', async () => {
    // when people who get no tasks name a deputy, then they may not
    await refused(
      'resident',
      'PUT',
      '/api/me/deputy',
      { deputyId: null, awayUntil: null },
      403,
      'TB_FORBIDDEN',
    );
    await refused('admin', 'PUT', '/api/me/deputy', { deputyId: null, awayUntil: null }, 403, 'TB_FORBIDDEN');
  });

  it('should let staff go off and on duty in a department they work in', async () => {
    const onDuty = async () =>
      (
        await h.runtime.db
          .select({ onDuty: memberships.onDuty })
          .from(memberships)
          .where(
            and(eq(memberships.userId, ids.minzheng as string), eq(memberships.department, 'd1.minzheng')),
          )
      )[0]?.onDuty;
    // given a staff member on duty
    expect(await onDuty()).toBe(true);

    // when they go off duty, then automatic dispatch skips them
    expect(
      await json('minzheng', 'PUT', '/api/me/duty', { department: 'd1.minzheng', onDuty: false }),
    ).toEqual({
      department: 'd1.minzheng',
      onDuty: false,
    });
    expect(await onDuty()).toBe(false);

    // when they come back on duty, then they get tasks again
    await json('minzheng', 'PUT', '/api/me/duty', { department: 'd1.minzheng', onDuty: true });
    expect(await onDuty()).toBe(true);
  });

  it('should refuse duty in a department the caller does not work in, or one that does not exist', async () => {
    // when staff set duty elsewhere, then it is refused
    await refused(
      'minzheng',
      'PUT',
      '/api/me/duty',
      { department: 'd1.weijian', onDuty: false },
      403,
      'TB_FORBIDDEN',
    );
    await refused(
      'resident',
      'PUT',
      '/api/me/duty',
      { department: 'd1.minzheng', onDuty: false },
      403,
      'TB_FORBIDDEN',
    );
    const unknown = await refused(
      'minzheng',
      'PUT',
      '/api/me/duty',
      { department: 'd9.nowhere', onDuty: false },
      400,
      'TB_REQUEST_INVALID',
    );
    expect(unknown.details.map((detail) => detail.path)).toEqual(['/department']);
    // and a boolean sent as text is not taken for one
    await refused(
      'minzheng',
      'PUT',
      '/api/me/duty',
      { department: 'd1.minzheng', onDuty: 'false' },
      400,
      'TB_REQUEST_INVALID',
    );
    const [row] = await h.runtime.db
      .select({ onDuty: memberships.onDuty })
      .from(memberships)
      .where(and(eq(memberships.userId, ids.minzheng as string), eq(memberships.department, 'd1.minzheng')));
    expect(row?.onDuty).toBe(true);
  });
});

describe('HTTP: dead letters (admin)', () => {
  interface DeadLetterJson {
    id: number;
    queue: string;
    jobId: string;
    name: string;
    data: Record<string, unknown>;
    error: string;
    attempts: number;
    failedAt: string;
    retriedAt: string | null;
  }

  /** This process works every queue from now on, as `tongban start` does; returns what it is handed. */
  async function workEveryQueue() {
    const delivered: Array<{ id: string; name: string; data: Record<string, unknown> }> = [];
    for (const queue of ['dept.*', 'notifications', 'system'])
      await h.runtime.queues.consume(queue, async (job) => {
        delivered.push({ id: job.id, name: job.name, data: job.data });
      });
    return delivered;
  }

  it('should list an open dead letter to the administrator, send it again once, and drop it from the list', async () => {
    // given a notification job that failed every try
    const [letter] = await h.runtime.db
      .insert(deadLetters)
      .values({
        queue: 'notifications',
        jobId: 'notification-42',
        name: 'notification',
        data: { notificationId: '00000000-0000-4000-8000-000000000042' },
        error: 'SMS gateway timed out',
        attempts: 5,
        failedAt: h.clock.now(),
      })
      .returning();
    const id = (letter as { id: number }).id;

    // when the administrator lists the dead letters, then it is there; nobody else may list them
    const open = (await json<{ items: DeadLetterJson[] }>('admin', 'GET', '/api/admin/dead-letters')).items;
    expect(open.find((entry) => entry.id === id)).toMatchObject({
      queue: 'notifications',
      jobId: 'notification-42',
      error: 'SMS gateway timed out',
      attempts: 5,
      retriedAt: null,
    });
    await refused('supervisor', 'GET', '/api/admin/dead-letters', undefined, 403, 'TB_FORBIDDEN');
    await refused('minzheng', 'POST', `/api/admin/dead-letters/${id}/retry`, undefined, 403, 'TB_FORBIDDEN');

    // when the administrator sends it again, and a process that works the notifications queue relays it
    const retried = await json<DeadLetterJson>('admin', 'POST', `/api/admin/dead-letters/${id}/retry`);
    expect(retried).toMatchObject({ id, retriedAt: h.clock.now().toISOString() });
    const delivered = await workEveryQueue();
    await h.runtime.relay.drain();

    // then the same job goes out under a new id
    expect(delivered.filter((job) => job.id.startsWith('notification-42'))).toEqual([
      {
        id: expect.stringMatching(/^notification-42\.retry\d+$/),
        name: 'notification',
        data: { notificationId: '00000000-0000-4000-8000-000000000042' },
      },
    ]);

    // and it has left the open list; sending it again is refused, as is one that does not exist
    const after = (await json<{ items: DeadLetterJson[] }>('admin', 'GET', '/api/admin/dead-letters')).items;
    expect(after.map((entry) => entry.id)).not.toContain(id);
    await refused(
      'admin',
      'POST',
      `/api/admin/dead-letters/${id}/retry`,
      undefined,
      409,
      'TB_DEAD_LETTER_RETRIED',
    );
    await refused(
      'admin',
      'POST',
      `/api/admin/dead-letters/${id + 1000}/retry`,
      undefined,
      404,
      'TB_NOT_FOUND',
    );
  });

  it('should keep a retried dead letter in the outbox while its queue is down, and send it when it is back', async () => {
    // given a dead letter, and a queue that refuses jobs just now
    const [letter] = await h.runtime.db
      .insert(deadLetters)
      .values({
        queue: 'system',
        jobId: 'case.completed-7',
        name: 'case.completed',
        data: {},
        error: 'boom',
        attempts: 5,
        failedAt: h.clock.now(),
      })
      .returning();
    const id = (letter as { id: number }).id;
    const delivered = await workEveryQueue();
    const sent = () => delivered.map((job) => job.id).filter((job) => job.startsWith('case.completed-7.'));
    let down = true;
    const queues = h.runtime.queues;
    const publishNormally = queues.publish.bind(queues);
    const publish = vi.spyOn(queues, 'publish').mockImplementation(async (jobs) => {
      if (down && jobs.some((job) => job.id.startsWith('case.completed-7.')))
        throw new Error('queue is down');
      await publishNormally(jobs);
    });
    try {
      // when the administrator sends it again while the queue is down
      await json<DeadLetterJson>('admin', 'POST', `/api/admin/dead-letters/${id}/retry`);
      await expect(h.runtime.relay.drain()).rejects.toThrow('queue is down');

      // then nothing went out, it left the open list, and the job waits in the outbox
      expect(sent()).toEqual([]);
      const open = (await json<{ items: DeadLetterJson[] }>('admin', 'GET', '/api/admin/dead-letters')).items;
      expect(open.map((entry) => entry.id)).not.toContain(id);
      const waiting = await h.runtime.db.select().from(outbox).where(isNull(outbox.sentAt));
      expect(
        waiting.filter(
          (row) => row.topic === 'job.retry' && String(row.payload.id).startsWith('case.completed-7.'),
        ),
      ).toHaveLength(1);

      // when the queue is back (past the relay's pause), then it goes out once
      down = false;
      h.clock.advance(60_000);
      await h.runtime.relay.drain();
      expect(sent()).toHaveLength(1);
    } finally {
      publish.mockRestore();
    }
  });
});
