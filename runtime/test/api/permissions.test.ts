import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '@tongban/engine';
import {
  attachments,
  auditEvents,
  bundleApplications,
  bundleRatings,
  cases,
  comments,
  deadLetters,
  definitions,
  drafts,
  memberships,
  notifications,
  phoneCodes,
  ratings,
  reports,
  supervisionOrders,
  tasks,
  uploads,
  users,
} from '../../src/db/schema.js';
import { openFollowUp } from '../../src/ratings/follow-up.js';
import { codeHashOf } from '../../src/auth/phone-sign-in.service.js';
import { phoneKeyOf } from '../../src/messages/phone-number.js';
import { fileReport } from '../../src/reports/report.service.js';
import { png } from '../support/files.js';
import { demoPassword } from '../../src/seed/seed.js';
import { applicantData, createHarness, type Harness } from '../support/harness.js';
import { apiRoutes } from '../support/routes.js';

/**
 * The permission matrix: for every route the app registers and every kind of caller, allowed or refused
 * exactly as designed. A case or task the caller may not see answers 404 (its existence is not confirmed);
 * one the caller may see but not act on answers 403. Refused calls must write nothing.
 */

const actors = [
  'anonymous',
  'admin',
  'supervisor',
  'minzheng',
  'renshe',
  'grid',
  'resident',
  'resident2',
] as const;
type ActorName = (typeof actors)[number];
type SignedIn = Exclude<ActorName, 'anonymous'>;

const ok = 'allowed';
type Expected = typeof ok | 302 | 401 | 403 | 404 | 409;
type Expectations = Record<ActorName, Expected>;
type Cells = [Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected];

/** One expectation per actor, in the order of `actors`. */
const m = (...cells: Cells): Expectations =>
  Object.fromEntries(actors.map((actor, index) => [actor, cells[index]])) as Expectations;

/** The error code each refusal answers with. */
const refusalCodes: Record<number, string> = {
  401: 'TB_UNAUTHENTICATED',
  403: 'TB_FORBIDDEN',
  404: 'TB_NOT_FOUND',
  409: 'TB_TASK_NOT_YOURS',
};

interface Fixture {
  url: string;
  payload?: Record<string, unknown>;
  /** A CSV body instead of JSON. */
  csv?: string;
  /** A file's bytes as the body, of the declared type (an attachment). */
  upload?: { bytes: Buffer; type: string };
  /** Overrides the actor's session (signing out needs a session of its own). */
  cookie?: string | null;
  /** What the call may change: a refused call leaves it as it was, an allowed call to a `mutates` row does not. */
  observe?: () => Promise<unknown>;
  /** After an allowed call: what the caller got to see. */
  check?: (response: LightMyRequestResponse, actor: ActorName) => void | Promise<void>;
}

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The route as registered. */
  route: string;
  variant?: string;
  expected: Expectations;
  mutates?: boolean;
  /** Called once per cell: mutating rows build a fresh fixture each time, so row order does not matter. */
  fixture: (actor: ActorName) => Promise<Fixture> | Fixture;
}

interface TaskJson {
  id: string;
  state: string;
  department: string;
  status: string;
}
interface CaseJson {
  id: string;
  status: string;
  tasks: TaskJson[];
  data: Record<string, unknown>;
}

let h: Harness;
const sessions = {} as Record<SignedIn, string>;
const shared = {
  /** The resident's senior-allowance case, its intake task open and unclaimed in d1.minzheng. */
  caseId: '',
  taskId: '',
  attachmentId: '',
  /** The open task of another case of the resident, transferred to d1.renshe. */
  rensheTaskId: '',
  /** A supervision order on the shared task, and the notice civil affairs got of it. */
  orderId: '',
  noticeId: '',
  /** An open dead letter. */
  deadLetterId: 0,
  /** The internal follow-up of a case the resident rated bad: its task waits in the district (d1). */
  followUpId: '',
};
const attachmentContent = Buffer.from('%PDF-1.4 permission matrix');

const cookieOf = (actor: ActorName): string | null => (actor === 'anonymous' ? null : sessions[actor]);

async function json<T>(
  actor: SignedIn,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  expected = 200,
): Promise<T> {
  const response = await h.call(sessions[actor], { method, url, ...(payload ? { payload } : {}) });
  expect(response.statusCode, `${actor} ${method} ${url}: ${response.body}`).toBe(expected);
  return response.json<T>();
}

const openTask = (kase: CaseJson, state: string): TaskJson => {
  const task = kase.tasks.find(
    (candidate) =>
      candidate.state.endsWith(state) && (candidate.status === 'open' || candidate.status === 'waiting'),
  );
  if (!task) throw new Error(`no open task ${state} in case ${kase.id}`);
  return task;
};

const apply = (matter: string) =>
  json<CaseJson>('resident', 'POST', '/api/cases', { matter, data: applicantData }, 201);
const caseById = (id: string) => json<CaseJson>('admin', 'GET', `/api/cases/${id}`);

/** A fresh senior-allowance case of the resident and its intake task (d1.minzheng, unclaimed). */
async function seniorIntake(): Promise<{ caseId: string; taskId: string }> {
  const kase = await apply('d1.senior-allowance');
  return { caseId: kase.id, taskId: openTask(kase, 'intake').id };
}

/** A fresh subsistence-allowance case and its acceptance task (d1.minzheng; may be transferred). */
async function subsistenceAccept(): Promise<{ caseId: string; taskId: string }> {
  const kase = await apply('d1.subsistence-allowance');
  return { caseId: kase.id, taskId: openTask(kase, 'accept').id };
}

/** A fresh subsistence-allowance case accepted by civil affairs: its review task may be returned. */
async function subsistenceReview(): Promise<{ caseId: string; taskId: string }> {
  const { caseId, taskId } = await subsistenceAccept();
  await json('minzheng', 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'accept' });
  return { caseId, taskId: openTask(await caseById(caseId), 'review').id };
}

/** A fresh case whose open task civil affairs transferred to human resources (d1.renshe). */
async function rensheTask(): Promise<{ caseId: string; taskId: string }> {
  const { caseId, taskId } = await subsistenceAccept();
  await json('minzheng', 'POST', `/api/tasks/${taskId}/transfer`, {
    toDepartment: 'd1.renshe',
    reason: '属人社职责',
  });
  return { caseId, taskId };
}

/** A file the resident uploaded for an application not yet submitted. */
async function residentUpload(): Promise<string> {
  const response = await h.call(await h.login('resident'), {
    method: 'POST',
    url: `/api/uploads?name=${encodeURIComponent('户口簿.pdf')}`,
    payload: attachmentContent,
    headers: { 'content-type': 'application/pdf' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

/** A fresh intake task claimed by someone. */
async function claimedBy(actor: SignedIn): Promise<{ caseId: string; taskId: string }> {
  const fixture = await seniorIntake();
  await json(actor, 'POST', `/api/tasks/${fixture.taskId}/claim`);
  return fixture;
}

/** A fresh case waiting for the resident's supplements. */
async function waitingForSupplements(): Promise<{ caseId: string; taskId: string }> {
  const fixture = await seniorIntake();
  await json('minzheng', 'POST', `/api/tasks/${fixture.taskId}/request-supplements`, {
    items: ['户口簿'],
    reason: '缺少户口簿',
  });
  return fixture;
}

/** A fresh case of the resident that has closed (approved and delivered): it can be rated. */
async function doneCase(): Promise<string> {
  const { caseId, taskId } = await subsistenceAccept();
  await json('minzheng', 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'accept' });
  const review = openTask(await caseById(caseId), 'review');
  await json('minzheng', 'POST', `/api/tasks/${review.id}/complete`, { outcome: 'approve' });
  const deliver = openTask(await caseById(caseId), 'deliver');
  await json('minzheng', 'POST', `/api/tasks/${deliver.id}/complete`, { outcome: 'delivered' });
  expect((await caseById(caseId)).status).toBe('done');
  return caseId;
}

/** A fresh senior-card application of the resident that civil affairs has worked to its end: it can be rated. */
async function closedApplication(): Promise<string> {
  const tracker = await json<{ id: string; items: Array<{ caseId: string }> }>(
    'resident',
    'POST',
    '/api/bundles/d1.senior-services/applications',
    { data: seniorCardOnly() },
    201,
  );
  const caseId = tracker.items[0]?.caseId as string;
  for (const [state, outcome] of [
    ['accept', 'accept'],
    ['review', 'approve'],
    ['deliver', 'delivered'],
  ] as const)
    await json('minzheng', 'POST', `/api/tasks/${openTask(await caseById(caseId), state).id}/complete`, {
      outcome,
    });
  // what the system queue's worker does with the case's case.completed row
  await h.runtime.bundles.childCompleted(caseId, 'approved');
  return tracker.id;
}

/** The token of a fresh anonymous draft at step 1. */
async function draftToken(): Promise<string> {
  const response = await h.call(null, {
    method: 'POST',
    url: '/api/drafts',
    payload: { kind: 'bundle', key: 'd1.newborn', data: {}, step: 1 },
  });
  return response.json<{ token: string }>().token;
}

/** A fresh supervision order, opened by the district supervisor on a fresh civil affairs task. */
async function openOrder(): Promise<string> {
  const { taskId } = await seniorIntake();
  return (
    await json<{ id: string }>(
      'supervisor',
      'POST',
      `/api/tasks/${taskId}/supervise`,
      { note: '请加快办理' },
      201,
    )
  ).id;
}

/** A fresh notice to everyone working in civil affairs. */
async function minzhengNotice(): Promise<string> {
  const id = h.runtime.ids();
  await h.runtime.db.insert(notifications).values({
    id,
    recipient: 'department:d1.minzheng',
    template: 'permission.test',
    data: {},
    createdAt: h.runtime.clock(),
  });
  return id;
}

/** A fresh job that failed every try. */
async function deadLetter(): Promise<number> {
  const [row] = await h.runtime.db
    .insert(deadLetters)
    .values({
      queue: 'system',
      jobId: `perm-${h.runtime.ids()}`,
      name: 'case.completed',
      data: {},
      error: 'failed in the permission test',
      attempts: 5,
      failedAt: h.runtime.clock(),
    })
    .returning({ id: deadLetters.id });
  return (row as { id: number }).id;
}

/** The department each caller works in, for going on and off duty; the others name civil affairs. */
const dutyDepartment: Partial<Record<ActorName, string>> = {
  supervisor: 'd1',
  minzheng: 'd1.minzheng',
  renshe: 'd1.renshe',
  grid: 'd1.s1.c1',
};

const formDefinition = (key: string) => ({
  kind: 'form',
  key,
  version: 1,
  title: { 'zh-CN': '权限测试表单', en: 'Permission test form' },
  schema: { type: 'object', properties: { note: { type: 'string' } } },
});

async function draftForm(key: string): Promise<string> {
  await json('admin', 'POST', '/api/definitions', formDefinition(key), 201);
  return `/api/definitions/form/${key}/1`;
}

async function publishedForm(key: string): Promise<string> {
  const url = await draftForm(key);
  await json('admin', 'POST', `${url}/publish`);
  return url;
}

/** Signs in anew (not the cached session), for a call that ends its session. */
async function freshSession(username: string): Promise<string> {
  const response = await h.call(null, {
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: demoPassword },
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((candidate) => candidate.name === 'tb_session');
  if (!cookie) throw new Error('no session cookie');
  return `tb_session=${cookie.value}`;
}

// what a call may change, read straight from the database (the API under test is scoped)
const taskState = async (id: string) =>
  (
    await h.runtime.db
      .select({
        status: tasks.status,
        assigneeId: tasks.assigneeId,
        priority: tasks.priority,
        department: tasks.department,
      })
      .from(tasks)
      .where(eq(tasks.id, id))
  )[0];
const caseState = async (id: string) =>
  (
    await h.runtime.db
      .select({ version: cases.version, status: cases.status })
      .from(cases)
      .where(eq(cases.id, id))
  )[0];
const caseAndTask = (caseId: string, taskId: string) => async () => ({
  kase: await caseState(caseId),
  task: await taskState(taskId),
});
const orderState = (id: string) => async () =>
  (
    await h.runtime.db
      .select({ status: supervisionOrders.status, response: supervisionOrders.response })
      .from(supervisionOrders)
      .where(eq(supervisionOrders.id, id))
  )[0];
const awayUsers = () =>
  h.runtime.db
    .select({ username: users.username, awayUntil: users.awayUntil })
    .from(users)
    .where(isNotNull(users.awayUntil))
    .orderBy(asc(users.username));
const offDuty = () =>
  h.runtime.db
    .select({ userId: memberships.userId, department: memberships.department })
    .from(memberships)
    .where(eq(memberships.onDuty, false))
    .orderBy(asc(memberships.userId), asc(memberships.department));
const first = async (query: Promise<Array<{ n: number }>>) => (await query)[0]?.n;
const definitionState = (key: string) => async () =>
  h.runtime.db
    .select({ version: definitions.version, status: definitions.status })
    .from(definitions)
    .where(and(eq(definitions.kind, 'form'), eq(definitions.key, key)));
const sensitiveReads = (caseId: string) =>
  first(
    h.runtime.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.action, 'sensitive.read'))),
  );

/** The ids of a list's items (every list is `{ items, nextCursor }`). */
const ids = (response: LightMyRequestResponse): string[] =>
  response.json<{ items: Array<{ id: string }> }>().items.map((item) => item.id);

/** `actor` finds `id` in the list iff it is one of `who`. */
const listsFor =
  (who: ActorName[], id: () => string) => (response: LightMyRequestResponse, actor: ActorName) => {
    expect(ids(response).includes(id()), `${actor} sees ${id()}`).toBe(who.includes(actor));
  };

// every matrix row reads m(anonymous, admin, supervisor, minzheng, renshe, grid, resident, resident2)
const everyone = m(ok, ok, ok, ok, ok, ok, ok, ok);
/** A mobile number of the caller's own for a phone sign-in row (`n` tells the rows apart). */
const phoneOfActor = (actor: ActorName, n: number) => `13700000${actors.indexOf(actor)}0${n}`;
/** A senior-services application for the senior card alone (no bus card, no health check). */
let applicants = 0;
/** The senior card alone, each time for another person: one person has one senior card case open (0022). */
const seniorCardOnly = () => {
  applicants += 1;
  const first17 = `11010519491231${String(applicants).padStart(3, '0')}`;
  return {
    person: {
      name: '李秀英',
      idNumber: first17 + idNumberCheckCharacter(first17),
      birthDate: '1949-12-31',
      phone: '13800000002',
    },
    address: { residential: '北京市东城区和平街 5 号' },
    choice: { busCard: false, healthCheck: false },
    consent: true,
  };
};
const anySignedIn = m(401, ok, ok, ok, ok, ok, ok, ok);
const adminOnly = m(401, ok, 403, 403, 403, 403, 403, 403);
const adminOrSupervisor = m(401, ok, ok, 403, 403, 403, 403, 403);
/** Readers of the resident's case: who handles it (admin, the d1 supervisor, civil affairs) and its applicant. */
const caseReaders = m(401, ok, ok, ok, 404, 404, ok, 404);
/** Who may act on a d1.minzheng task: its staff, and whoever supervises it. */
const taskActors = m(401, ok, ok, ok, 404, 404, 404, 404);

/** A report of dumped garbage, as someone without an account makes it. */
const reportInput = {
  category: 'garbage',
  description: '楼下垃圾堆了三天',
  place: '和平街 3 号楼',
  community: 'd1.s1.c1',
};

/** A report made without an account, closed by city management and the community's grid worker. */
async function closedReport(): Promise<{ code: string; caseId: string }> {
  const filed = await fileReport(h.runtime, null, reportInput);
  const handle = openTask(await caseById(filed.caseId), 'handle').id;
  await h.json('chengguan', 'POST', `/api/tasks/${handle}/claim`);
  const resolved = await h.json<{ openedTasks: Array<{ id: string }> }>(
    'chengguan',
    'POST',
    `/api/tasks/${handle}/complete`,
    { outcome: 'resolved', reason: '已清运' },
  );
  const verify = resolved.openedTasks[0]?.id;
  await json('grid', 'POST', `/api/tasks/${verify}/claim`);
  await json('grid', 'POST', `/api/tasks/${verify}/complete`, { outcome: 'confirmed' });
  return { code: filed.code, caseId: filed.caseId };
}

const docs = (route: string, url = route, expected = everyone): Row => ({
  method: 'GET',
  route,
  expected,
  fixture: () => ({ url }),
});

const rows: Row[] = [
  // system and the API's own documentation: public
  docs('/api/health'),
  docs('/api/openapi.json'),
  docs('/api/docs'),
  docs('/api/docs/'),
  docs('/api/docs/static/index.html', undefined, m(302, 302, 302, 302, 302, 302, 302, 302)),
  docs('/api/docs/static/swagger-initializer.js'),
  docs('/api/docs/*', '/api/docs/static/swagger-ui.css'),
  docs('/api/docs/json'),
  docs('/api/docs/yaml'),

  // sessions
  {
    method: 'POST',
    route: '/api/auth/login',
    expected: everyone,
    fixture: () => ({
      url: '/api/auth/login',
      payload: { username: 'xiaofang', password: demoPassword },
      check: (response) => expect(response.json<{ username: string }>().username).toBe('xiaofang'),
    }),
  },
  {
    method: 'POST',
    route: '/api/auth/logout',
    expected: everyone,
    mutates: true,
    async fixture(actor) {
      if (actor === 'anonymous') return { url: '/api/auth/logout', cookie: null };
      const cookie = await freshSession(actor);
      return {
        url: '/api/auth/logout',
        cookie,
        observe: async () => (await h.call(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode,
        // only the session it was called with ended
        check: async () =>
          expect((await h.call(sessions[actor], { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(
            200,
          ),
      };
    },
  },
  {
    method: 'GET',
    route: '/api/auth/me',
    expected: anySignedIn,
    fixture: () => ({
      url: '/api/auth/me',
      check: (response, actor) => expect(response.json<{ username: string }>().username).toBe(actor),
    }),
  },

  {
    method: 'GET',
    route: '/api/auth/session',
    expected: everyone,
    fixture: () => ({
      url: '/api/auth/session',
      // a visitor is told nobody is signed in, everyone else who they are
      check: (response, actor) =>
        expect(response.json<{ user: { username: string } | null }>().user?.username ?? 'anonymous').toBe(
          actor,
        ),
    }),
  },

  // sign-in by phone and one-time code (decision 0023): anyone, signed in or not; each caller its own number
  {
    method: 'POST',
    route: '/api/auth/phone-codes',
    expected: everyone,
    mutates: true,
    fixture: (actor) => {
      const phone = phoneOfActor(actor, 1);
      return {
        url: '/api/auth/phone-codes',
        payload: { phone },
        observe: () =>
          h.runtime.db.$count(phoneCodes, eq(phoneCodes.phoneKey, phoneKeyOf(h.runtime.audit.key, phone))),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/auth/phone-sign-in',
    expected: everyone,
    mutates: true,
    fixture: async (actor) => {
      const phone = phoneOfActor(actor, 2);
      const key = h.runtime.audit.key;
      const id = randomUUID();
      const now = h.clock.now();
      await h.runtime.db.insert(phoneCodes).values({
        id,
        phoneKey: phoneKeyOf(key, phone),
        codeHash: codeHashOf(key, id, '246810'),
        createdAt: now,
        expiresAt: new Date(now.getTime() + 300_000),
      });
      return {
        url: '/api/auth/phone-sign-in',
        payload: { phone, code: '246810' },
        observe: async () =>
          (await h.runtime.db.select().from(phoneCodes).where(eq(phoneCodes.id, id)))[0]?.consumedAt ?? null,
        check: (response) =>
          expect(response.json<{ roles: string[]; displayName: string }>()).toMatchObject({
            roles: ['resident'],
            displayName: `${phone.slice(0, 3)}****${phone.slice(7)}`,
          }),
      };
    },
  },
  {
    method: 'GET',
    route: '/api/dev/mailbox',
    expected: everyone,
    fixture: () => ({ url: '/api/dev/mailbox' }),
  },

  // departments and accounts
  {
    method: 'GET',
    route: '/api/departments',
    expected: anySignedIn,
    fixture: () => ({ url: '/api/departments' }),
  },
  { method: 'GET', route: '/api/users', expected: adminOnly, fixture: () => ({ url: '/api/users' }) },
  {
    method: 'POST',
    route: '/api/users',
    expected: adminOnly,
    mutates: true,
    fixture: (actor) => {
      const username = `perm-user-${actor}`;
      return {
        url: '/api/users',
        payload: {
          username,
          displayName: '权限测试',
          password: demoPassword,
          memberships: [{ department: 'd1.minzheng', role: 'staff' }],
        },
        observe: async () =>
          first(h.runtime.db.select({ n: count() }).from(users).where(eq(users.username, username))),
      };
    },
  },

  // definitions: administrators write them, supervisors may read them, the catalog and schemas are public
  {
    method: 'GET',
    route: '/api/definitions',
    expected: adminOrSupervisor,
    fixture: () => ({ url: '/api/definitions' }),
  },
  {
    method: 'GET',
    route: '/api/definitions/schemas/:kind',
    expected: everyone,
    fixture: () => ({ url: '/api/definitions/schemas/matter' }),
  },
  {
    method: 'POST',
    route: '/api/definitions/validate',
    expected: adminOnly,
    fixture: () => ({ url: '/api/definitions/validate', payload: formDefinition('perm-validate') }),
  },
  {
    method: 'POST',
    route: '/api/definitions',
    expected: adminOnly,
    mutates: true,
    fixture: (actor) => {
      const key = `perm-upload-${actor}`;
      return { url: '/api/definitions', payload: formDefinition(key), observe: definitionState(key) };
    },
  },
  {
    method: 'GET',
    route: '/api/definitions/:kind/:key/versions',
    expected: adminOrSupervisor,
    fixture: () => ({ url: '/api/definitions/form/standard-application/versions' }),
  },
  {
    method: 'GET',
    route: '/api/definitions/:kind/:key/:version',
    expected: adminOrSupervisor,
    fixture: () => ({ url: '/api/definitions/form/standard-application/1' }),
  },
  {
    method: 'POST',
    route: '/api/definitions/:kind/:key/:version/publish',
    expected: adminOnly,
    mutates: true,
    fixture: async (actor) => {
      const key = `perm-publish-${actor}`;
      return { url: `${await draftForm(key)}/publish`, observe: definitionState(key) };
    },
  },
  {
    method: 'POST',
    route: '/api/definitions/:kind/:key/:version/retire',
    expected: adminOnly,
    mutates: true,
    fixture: async (actor) => {
      const key = `perm-retire-${actor}`;
      return { url: `${await publishedForm(key)}/retire`, observe: definitionState(key) };
    },
  },
  {
    method: 'GET',
    route: '/api/catalog/services',
    expected: everyone,
    fixture: () => ({ url: '/api/catalog/services' }),
  },

  // cases
  {
    method: 'POST',
    route: '/api/cases',
    // staff file on a resident's behalf only into queues they work: the senior allowance goes to civil affairs
    expected: m(401, ok, 403, ok, 403, ok, ok, ok),
    mutates: true,
    fixture: () => ({
      url: '/api/cases',
      payload: { matter: 'd1.senior-allowance', data: applicantData },
      observe: () => first(h.runtime.db.select({ n: count() }).from(cases)),
    }),
  },
  {
    method: 'POST',
    route: '/api/cases',
    variant: 'an internal workflow',
    // a bad rating's follow-up is internal: no resident (or grid worker) opens one; staff only into
    // queues they work, and its queue is the district's
    expected: m(401, ok, 403, 403, 403, 403, 403, 403),
    mutates: true,
    fixture: () => ({
      url: '/api/cases',
      payload: {
        workflow: 'rating-follow-up',
        data: { ratedCase: shared.caseId, department: 'd1.minzheng', supervisingDepartment: 'd1' },
      },
      observe: () => first(h.runtime.db.select({ n: count() }).from(cases)),
    }),
  },
  {
    method: 'GET',
    route: '/api/cases/mine',
    expected: anySignedIn,
    fixture: () => ({
      url: '/api/cases/mine?limit=100',
      check: (response, actor) => {
        listsFor(['resident'], () => shared.caseId)(response, actor);
        expect(ids(response)).not.toContain(shared.followUpId);
      },
    }),
  },
  {
    method: 'GET',
    route: '/api/cases',
    expected: m(401, ok, ok, ok, ok, 403, 403, 403),
    fixture: () => ({
      url: '/api/cases?limit=100',
      check: listsFor(['admin', 'supervisor', 'minzheng'], () => shared.caseId),
    }),
  },
  {
    method: 'GET',
    route: '/api/cases/:id',
    expected: caseReaders,
    fixture: () => ({
      url: `/api/cases/${shared.caseId}`,
      check: (response, actor) => {
        const kase = response.json<CaseJson>();
        expect(kase.id).toBe(shared.caseId);
        // only the applicant sees the ID number unmasked without asking
        expect(kase.data.idNumber === applicantData.idNumber).toBe(actor === 'resident');
      },
    }),
  },
  {
    method: 'GET',
    route: '/api/cases/:id',
    variant: 'revealing a sensitive field',
    expected: caseReaders,
    fixture: () => ({
      url: `/api/cases/${shared.caseId}?reveal=/idNumber`,
      observe: () => sensitiveReads(shared.caseId),
      check: (response) => expect(response.json<CaseJson>().data.idNumber).toBe(applicantData.idNumber),
    }),
  },
  {
    method: 'GET',
    route: '/api/cases/:id',
    variant: 'an internal follow-up',
    // the resident who rated does not see it: only who handles its task (the district) and administrators
    expected: m(401, ok, ok, 404, 404, 404, 404, 404),
    fixture: () => ({ url: `/api/cases/${shared.followUpId}` }),
  },
  {
    method: 'POST',
    route: '/api/cases/:id/cancel',
    // withdrawing is the applicant's; cancelling the administrator's; those who handle it may not
    expected: m(401, ok, 403, 403, 404, 404, ok, 404),
    mutates: true,
    fixture: async () => {
      const { caseId, taskId } = await seniorIntake();
      return {
        url: `/api/cases/${caseId}/cancel`,
        payload: { reason: '不再需要' },
        observe: caseAndTask(caseId, taskId),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/cases/:id/corrections',
    // staff of a department handling the case and their supervisors; never the applicant (who answers
    // supplement requests instead), never another department (which is not told the case exists)
    expected: m(401, ok, ok, ok, 404, 403, 403, 403),
    mutates: true,
    fixture: async () => {
      const { caseId, taskId } = await subsistenceAccept();
      return {
        url: `/api/cases/${caseId}/corrections`,
        payload: { data: { amount: 500 }, reason: '按证明材料更正金额' },
        observe: caseAndTask(caseId, taskId),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/cases/:id/supplements',
    expected: m(401, 403, 403, 403, 404, 404, ok, 404),
    mutates: true,
    fixture: async () => {
      const { caseId, taskId } = await waitingForSupplements();
      return {
        url: `/api/cases/${caseId}/supplements`,
        payload: { data: { address: '和平街 2 号' } },
        observe: caseAndTask(caseId, taskId),
      };
    },
  },

  // comments, attachments and ratings: whoever may read the case
  {
    method: 'GET',
    route: '/api/cases/:id/comments',
    expected: caseReaders,
    fixture: () => ({
      url: `/api/cases/${shared.caseId}/comments`,
      check: (response, actor) => {
        const bodies = response
          .json<{ items: Array<{ body: string }> }>()
          .items.map((comment) => comment.body);
        expect(bodies).toContain('材料已备齐');
        // civil affairs' internal note is the departments' own
        expect(bodies.includes('内部：核实收入')).toBe(actor !== 'resident');
      },
    }),
  },
  {
    method: 'POST',
    route: '/api/cases/:id/comments',
    expected: caseReaders,
    mutates: true,
    fixture: async () => {
      const { caseId } = await seniorIntake();
      return {
        url: `/api/cases/${caseId}/comments`,
        payload: { body: '请尽快办理' },
        observe: () =>
          first(h.runtime.db.select({ n: count() }).from(comments).where(eq(comments.caseId, caseId))),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/cases/:id/comments',
    variant: 'an internal note',
    // the applicant's comments are theirs to see: they write no internal note
    expected: m(401, ok, ok, ok, 404, 404, 403, 404),
    mutates: true,
    fixture: async () => {
      const { caseId } = await seniorIntake();
      return {
        url: `/api/cases/${caseId}/comments`,
        payload: { body: '内部：再核一次', visibility: 'internal' },
        observe: () =>
          first(h.runtime.db.select({ n: count() }).from(comments).where(eq(comments.caseId, caseId))),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/cases/:id/comments',
    variant: 'marked for the applicant',
    expected: caseReaders,
    mutates: true,
    fixture: async () => {
      const { caseId } = await seniorIntake();
      return {
        url: `/api/cases/${caseId}/comments`,
        payload: { body: '请携带原件', visibility: 'applicant' },
        observe: () =>
          first(h.runtime.db.select({ n: count() }).from(comments).where(eq(comments.caseId, caseId))),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/cases/:id/attachments',
    expected: caseReaders,
    mutates: true,
    fixture: async () => {
      const { caseId } = await seniorIntake();
      return {
        url: `/api/cases/${caseId}/attachments?name=${encodeURIComponent('户口簿.pdf')}&material=household-register`,
        upload: { bytes: attachmentContent, type: 'application/pdf' },
        observe: () =>
          first(h.runtime.db.select({ n: count() }).from(attachments).where(eq(attachments.caseId, caseId))),
      };
    },
  },
  {
    method: 'GET',
    route: '/api/cases/:id/attachments',
    expected: caseReaders,
    fixture: () => ({
      url: `/api/cases/${shared.caseId}/attachments`,
      check: (response) => expect(ids(response)).toEqual([shared.attachmentId]),
    }),
  },
  // uploads before a case exists (decision 0021): anyone signed in uploads; only the uploader sees or
  // removes theirs, and to anyone else it is not there
  {
    method: 'POST',
    route: '/api/uploads',
    expected: anySignedIn,
    mutates: true,
    fixture: () => ({
      url: `/api/uploads?name=${encodeURIComponent('户口簿.pdf')}`,
      upload: { bytes: attachmentContent, type: 'application/pdf' },
      observe: () => first(h.runtime.db.select({ n: count() }).from(uploads)),
    }),
  },
  {
    method: 'GET',
    route: '/api/uploads/:id',
    expected: m(401, 404, 404, 404, 404, 404, ok, 404),
    fixture: async () => ({
      url: `/api/uploads/${await residentUpload()}`,
      check: (response) => expect(response.rawPayload.equals(attachmentContent)).toBe(true),
    }),
  },
  {
    method: 'DELETE',
    route: '/api/uploads/:id',
    expected: m(401, 404, 404, 404, 404, 404, ok, 404),
    mutates: true,
    fixture: async () => {
      const id = await residentUpload();
      return {
        url: `/api/uploads/${id}`,
        observe: () => first(h.runtime.db.select({ n: count() }).from(uploads).where(eq(uploads.id, id))),
      };
    },
  },
  {
    method: 'GET',
    route: '/api/attachments/:id',
    expected: caseReaders,
    fixture: () => ({
      url: `/api/attachments/${shared.attachmentId}`,
      check: (response) => {
        expect(response.rawPayload.equals(attachmentContent)).toBe(true);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      },
    }),
  },
  {
    method: 'POST',
    route: '/api/cases/:id/rating',
    // only the applicant rates; those who handle the case may read it but not rate it
    expected: m(401, 403, 403, 403, 404, 404, ok, 404),
    mutates: true,
    fixture: async () => {
      const caseId = await doneCase();
      return {
        url: `/api/cases/${caseId}/rating`,
        payload: { score: 'good', reason: '一次办好' },
        observe: () =>
          first(h.runtime.db.select({ n: count() }).from(ratings).where(eq(ratings.caseId, caseId))),
      };
    },
  },
  {
    method: 'GET',
    route: '/api/cases/:id/rating',
    expected: caseReaders,
    fixture: () => ({ url: `/api/cases/${shared.caseId}/rating` }),
  },
  {
    method: 'POST',
    route: '/api/cases/:id/rating',
    variant: 'an internal follow-up',
    // a follow-up has no applicant: nobody rates it (which would open a follow-up of the follow-up)
    expected: m(401, 403, 403, 404, 404, 404, 404, 404),
    mutates: true,
    fixture: () => ({
      url: `/api/cases/${shared.followUpId}/rating`,
      payload: { score: 'bad', reason: '不满意' },
      observe: () =>
        first(h.runtime.db.select({ n: count() }).from(ratings).where(eq(ratings.caseId, shared.followUpId))),
    }),
  },

  // reports of a neighbourhood problem (decision 0024): anyone reports, uploads its photos, follows it
  // and rates it with the follow code; the code is what entitles, not the account
  docs('/api/reports/choices'),
  {
    method: 'POST',
    route: '/api/reports',
    expected: everyone,
    mutates: true,
    fixture: () => ({
      url: '/api/reports',
      payload: reportInput,
      observe: () => first(h.runtime.db.select({ n: count() }).from(reports)),
    }),
  },
  {
    method: 'POST',
    route: '/api/reports/photos',
    expected: everyone,
    mutates: true,
    fixture: () => ({
      url: `/api/reports/photos?name=${encodeURIComponent('现场.png')}`,
      upload: { bytes: png(), type: 'image/png' },
      observe: () => first(h.runtime.db.select({ n: count() }).from(uploads)),
    }),
  },
  {
    method: 'GET',
    route: '/api/reports/:code',
    expected: everyone,
    fixture: async () => {
      const filed = await fileReport(h.runtime, null, reportInput);
      return {
        url: `/api/reports/${filed.code}`,
        check: (response) => expect(response.json<{ caseId: string }>().caseId).toBe(filed.caseId),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/reports/:code/rating',
    expected: everyone,
    mutates: true,
    fixture: async () => {
      const { code, caseId } = await closedReport();
      return {
        url: `/api/reports/${code}/rating`,
        payload: { score: 'good' },
        observe: () =>
          first(h.runtime.db.select({ n: count() }).from(ratings).where(eq(ratings.caseId, caseId))),
      };
    },
  },

  // tasks: a department's staff and its supervisors; another department's task does not exist for them
  {
    method: 'GET',
    route: '/api/tasks/inbox',
    variant: 'd1.minzheng',
    expected: m(401, ok, ok, ok, 403, 403, 403, 403),
    fixture: () => ({
      url: '/api/tasks/inbox?department=d1.minzheng&limit=100',
      check: listsFor(['admin', 'supervisor', 'minzheng'], () => shared.taskId),
    }),
  },
  {
    method: 'GET',
    route: '/api/tasks/inbox',
    variant: 'd1.renshe',
    expected: m(401, ok, ok, 403, ok, 403, 403, 403),
    fixture: () => ({
      url: '/api/tasks/inbox?department=d1.renshe&limit=100',
      check: listsFor(['admin', 'supervisor', 'renshe'], () => shared.rensheTaskId),
    }),
  },
  {
    method: 'GET',
    route: '/api/tasks/inbox',
    // no department named: the queues of every department one works in (none: an empty inbox)
    variant: 'every department I work in',
    expected: anySignedIn,
    fixture: () => ({
      url: '/api/tasks/inbox?limit=100',
      check: (response, actor) => {
        listsFor(['minzheng'], () => shared.taskId)(response, actor);
        listsFor(['renshe'], () => shared.rensheTaskId)(response, actor);
      },
    }),
  },
  {
    method: 'GET',
    route: '/api/tasks/:id',
    variant: 'task of d1.minzheng',
    expected: taskActors,
    fixture: () => ({ url: `/api/tasks/${shared.taskId}` }),
  },
  {
    method: 'GET',
    route: '/api/tasks/:id',
    variant: 'task of d1.renshe',
    expected: m(401, ok, ok, 404, ok, 404, 404, 404),
    fixture: () => ({ url: `/api/tasks/${shared.rensheTaskId}` }),
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/claim',
    variant: 'task of d1.minzheng',
    // supervisors watch a queue but do not work it
    expected: m(401, ok, 403, ok, 404, 404, 404, 404),
    mutates: true,
    fixture: async () => {
      const { caseId, taskId } = await seniorIntake();
      return { url: `/api/tasks/${taskId}/claim`, observe: caseAndTask(caseId, taskId) };
    },
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/claim',
    variant: 'task of d1.renshe',
    expected: m(401, ok, 403, 404, ok, 404, 404, 404),
    mutates: true,
    fixture: async () => {
      const { caseId, taskId } = await rensheTask();
      return { url: `/api/tasks/${taskId}/claim`, observe: caseAndTask(caseId, taskId) };
    },
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/release',
    variant: 'claimed by minzheng',
    expected: taskActors,
    mutates: true,
    fixture: async () => {
      const { caseId, taskId } = await claimedBy('minzheng');
      return { url: `/api/tasks/${taskId}/release`, observe: caseAndTask(caseId, taskId) };
    },
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/release',
    variant: 'claimed by admin',
    // staff cannot take back a task someone else holds; a supervisor can
    expected: m(401, ok, ok, 403, 404, 404, 404, 404),
    mutates: true,
    fixture: async () => {
      const { caseId, taskId } = await claimedBy('admin');
      return { url: `/api/tasks/${taskId}/release`, observe: caseAndTask(caseId, taskId) };
    },
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/complete',
    variant: 'unclaimed',
    expected: taskActors,
    mutates: true,
    fixture: async () => {
      const { caseId, taskId } = await seniorIntake();
      return {
        url: `/api/tasks/${taskId}/complete`,
        payload: { outcome: 'accept' },
        observe: caseAndTask(caseId, taskId),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/complete',
    variant: 'claimed by admin',
    expected: m(401, ok, ok, 409, 404, 404, 404, 404),
    mutates: true,
    fixture: async () => {
      const { caseId, taskId } = await claimedBy('admin');
      return {
        url: `/api/tasks/${taskId}/complete`,
        payload: { outcome: 'accept' },
        observe: caseAndTask(caseId, taskId),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/transfer',
    expected: taskActors,
    mutates: true,
    fixture: async () => {
      const { caseId, taskId } = await subsistenceAccept();
      return {
        url: `/api/tasks/${taskId}/transfer`,
        payload: { toDepartment: 'd1.renshe', reason: '属人社职责' },
        observe: caseAndTask(caseId, taskId),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/return',
    expected: taskActors,
    mutates: true,
    fixture: async () => {
      const { caseId, taskId } = await subsistenceReview();
      return {
        url: `/api/tasks/${taskId}/return`,
        payload: { reason: '收入证明不完整' },
        observe: caseAndTask(caseId, taskId),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/request-supplements',
    expected: taskActors,
    mutates: true,
    fixture: async () => {
      const { caseId, taskId } = await seniorIntake();
      return {
        url: `/api/tasks/${taskId}/request-supplements`,
        payload: { items: ['户口簿'], reason: '缺少户口簿' },
        observe: caseAndTask(caseId, taskId),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/priority',
    // supervisors only: the staff who work the task may not raise it
    expected: m(401, ok, ok, 403, 404, 404, 404, 404),
    mutates: true,
    fixture: async () => {
      const { caseId, taskId } = await seniorIntake();
      return {
        url: `/api/tasks/${taskId}/priority`,
        payload: { priority: 'urgent' },
        observe: caseAndTask(caseId, taskId),
      };
    },
  },

  // supervision orders (督办): the task's supervisors open them, its department (or they) answer
  {
    method: 'POST',
    route: '/api/tasks/:id/supervise',
    // staff see the task but do not supervise it
    expected: m(401, ok, ok, 403, 404, 404, 404, 404),
    mutates: true,
    fixture: async () => {
      const { taskId } = await seniorIntake();
      return {
        url: `/api/tasks/${taskId}/supervise`,
        payload: { note: '群众反映办理缓慢' },
        observe: () =>
          first(
            h.runtime.db
              .select({ n: count() })
              .from(supervisionOrders)
              .where(eq(supervisionOrders.taskId, taskId)),
          ),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/supervise',
    variant: 'marked for the applicant',
    expected: m(401, ok, ok, 403, 404, 404, 404, 404),
    mutates: true,
    fixture: async () => {
      const { taskId } = await seniorIntake();
      return {
        url: `/api/tasks/${taskId}/supervise`,
        payload: { note: '已督促加快办理', visibility: 'applicant' },
        observe: () =>
          first(
            h.runtime.db
              .select({ n: count() })
              .from(supervisionOrders)
              .where(eq(supervisionOrders.taskId, taskId)),
          ),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/supervision-orders/:id/respond',
    expected: taskActors,
    mutates: true,
    fixture: async () => {
      const orderId = await openOrder();
      return {
        url: `/api/supervision-orders/${orderId}/respond`,
        payload: { response: '已加快办理' },
        observe: orderState(orderId),
      };
    },
  },
  {
    method: 'GET',
    route: '/api/supervision-orders',
    expected: m(401, ok, ok, ok, 403, 403, 403, 403),
    fixture: () => ({
      url: '/api/supervision-orders?department=d1.minzheng',
      check: listsFor(['admin', 'supervisor', 'minzheng'], () => shared.orderId),
    }),
  },

  // my availability: whoever works a queue (and so is given tasks)
  {
    method: 'PUT',
    route: '/api/me/deputy',
    expected: m(401, 403, ok, ok, ok, ok, 403, 403),
    mutates: true,
    fixture: () => ({
      url: '/api/me/deputy',
      payload: { deputyId: null, awayUntil: '2026-03-13T09:30:00Z' },
      observe: awayUsers,
    }),
  },
  {
    method: 'PUT',
    route: '/api/me/duty',
    expected: m(401, 403, ok, ok, ok, ok, 403, 403),
    mutates: true,
    fixture: (actor) => ({
      url: '/api/me/duty',
      payload: { department: dutyDepartment[actor] ?? 'd1.minzheng', onDuty: false },
      observe: offDuty,
    }),
  },

  // notifications: one's own, and those to the departments one works in or supervises
  {
    method: 'GET',
    route: '/api/notifications',
    expected: anySignedIn,
    fixture: () => ({
      url: '/api/notifications?limit=100',
      check: listsFor(['minzheng'], () => shared.noticeId),
    }),
  },
  {
    method: 'POST',
    route: '/api/notifications/:id/read',
    // a notice to civil affairs is not the administrator's or the supervisor's to mark read
    expected: m(401, 404, 404, ok, 404, 404, 404, 404),
    mutates: true,
    fixture: async () => {
      const id = await minzhengNotice();
      return {
        url: `/api/notifications/${id}/read`,
        observe: async () =>
          (
            await h.runtime.db
              .select({ readAt: notifications.readAt })
              .from(notifications)
              .where(eq(notifications.id, id))
          )[0],
      };
    },
  },

  // the responsibility list as a spreadsheet: read by administrators and supervisors, imported by administrators
  {
    method: 'GET',
    route: '/api/responsibility-list.csv',
    expected: adminOrSupervisor,
    fixture: () => ({
      url: '/api/responsibility-list.csv',
      check: (response) => expect(response.body).toContain('d1.subsistence-allowance'),
    }),
  },
  {
    method: 'POST',
    route: '/api/responsibility-list',
    expected: adminOnly,
    mutates: true,
    fixture: async () => {
      // a list with one matter's time limit changed: each allowed import publishes a new version
      const csv = (await h.call(cookieOf('admin'), { method: 'GET', url: '/api/responsibility-list.csv' }))
        .body;
      const current = await h.runtime.definitions.current();
      const days =
        ((current.get('matter', 'd1.senior-allowance')?.timeLimit as { workingDays?: number }).workingDays ??
          10) + 1;
      return {
        url: '/api/responsibility-list',
        csv: csv.replace(/^(d1\.senior-allowance,.*?,)\d+ working days,/m, `$1${days} working days,`),
        observe: async () =>
          (await h.runtime.definitions.current()).get('matter', 'd1.senior-allowance')?.version,
      };
    },
  },

  // one-thing bundles: the catalog and forms are public; applying needs an account whose queues the
  // first matters reach (or an applicant's); a tracker is its applicant's
  {
    method: 'GET',
    route: '/api/bundles',
    expected: everyone,
    fixture: () => ({
      url: '/api/bundles',
      check: (response) =>
        expect(
          response.json<{ items: Array<{ key: string }> }>().items.map((bundle) => bundle.key),
        ).toContain('d1.newborn'),
    }),
  },
  {
    method: 'GET',
    route: '/api/bundles/:key/form',
    expected: everyone,
    fixture: () => ({
      url: '/api/bundles/d1.senior-services/form',
      check: (response) => expect(response.json<{ schema: object }>().schema).toBeDefined(),
    }),
  },
  {
    method: 'POST',
    route: '/api/bundles/:key/applications',
    expected: m(401, ok, ok, ok, 403, ok, ok, ok),
    mutates: true,
    fixture: () => ({
      url: '/api/bundles/d1.senior-services/applications',
      // the senior card alone: its first (and only) case waits in civil affairs
      payload: { data: seniorCardOnly() },
      observe: async () => (await h.runtime.db.select({ n: count() }).from(bundleApplications))[0]?.n,
    }),
  },
  {
    method: 'GET',
    route: '/api/bundle-applications/:id',
    expected: m(401, ok, 404, 404, 404, 404, ok, 404),
    fixture: async () => {
      const tracker = await json<{ id: string }>(
        'resident',
        'POST',
        '/api/bundles/d1.senior-services/applications',
        { data: seniorCardOnly() },
        201,
      );
      return { url: `/api/bundle-applications/${tracker.id}` };
    },
  },
  {
    method: 'GET',
    route: '/api/me/bundles',
    // everyone signed in has a list; only its applicant finds an application in theirs
    expected: anySignedIn,
    fixture: async () => {
      const tracker = await json<{ id: string }>(
        'resident',
        'POST',
        '/api/bundles/d1.senior-services/applications',
        { data: seniorCardOnly() },
        201,
      );
      return {
        url: '/api/me/bundles?limit=100',
        check: listsFor(['resident'], () => tracker.id),
      };
    },
  },

  {
    method: 'POST',
    route: '/api/bundle-applications/:id/rating',
    expected: m(401, 404, 404, 404, 404, 404, ok, 404),
    mutates: true,
    fixture: async () => {
      const id = await closedApplication();
      return {
        url: `/api/bundle-applications/${id}/rating`,
        payload: { score: 'good', reason: '一次办好' },
        observe: async () =>
          (await h.runtime.db.select().from(bundleRatings).where(eq(bundleRatings.applicationId, id)))[0]
            ?.score,
      };
    },
  },

  // drafts: anyone may save one and resume it with its token; "my drafts" are their owner's
  {
    method: 'POST',
    route: '/api/drafts',
    expected: everyone,
    mutates: true,
    fixture: () => ({
      url: '/api/drafts',
      payload: { kind: 'bundle', key: 'd1.newborn', data: { child: { name: '王小宝' } }, step: 1 },
      observe: async () => (await h.runtime.db.select({ n: count() }).from(drafts))[0]?.n,
    }),
  },
  {
    method: 'GET',
    route: '/api/drafts/:token',
    expected: everyone,
    fixture: async () => ({
      url: `/api/drafts/${await draftToken()}`,
      check: (response) => expect(response.json<{ step: number }>().step).toBe(1),
    }),
  },
  {
    method: 'PUT',
    route: '/api/drafts/:token',
    expected: everyone,
    mutates: true,
    fixture: async () => {
      const token = await draftToken();
      return {
        url: `/api/drafts/${token}`,
        payload: { data: { child: { name: '王小宝' } }, step: 2 },
        observe: async () =>
          (await h.call(null, { method: 'GET', url: `/api/drafts/${token}` })).json<{ step: number }>().step,
      };
    },
  },
  {
    method: 'DELETE',
    route: '/api/drafts/:token',
    expected: everyone,
    mutates: true,
    fixture: async () => {
      const token = await draftToken();
      return {
        url: `/api/drafts/${token}`,
        observe: async () => (await h.call(null, { method: 'GET', url: `/api/drafts/${token}` })).statusCode,
      };
    },
  },
  {
    method: 'GET',
    route: '/api/me/drafts',
    expected: anySignedIn,
    fixture: () => ({ url: '/api/me/drafts' }),
  },
  {
    method: 'GET',
    route: '/api/me/drafts/:id',
    expected: m(401, 404, 404, 404, 404, 404, ok, 404),
    fixture: async () => {
      const draft = await json<{ id: string }>(
        'resident',
        'POST',
        '/api/drafts',
        { kind: 'matter', key: 'd1.subsistence-allowance', data: {} },
        201,
      );
      return { url: `/api/me/drafts/${draft.id}` };
    },
  },

  // bounced tasks per department: administrators and supervisors
  {
    method: 'GET',
    route: '/api/departments/bounces',
    expected: adminOrSupervisor,
    fixture: () => ({ url: '/api/departments/bounces' }),
  },

  // collect once: a signed-in person's own kept elements
  {
    method: 'GET',
    route: '/api/me/profile',
    expected: anySignedIn,
    fixture: () => ({ url: '/api/me/profile' }),
  },
  {
    method: 'DELETE',
    route: '/api/me/profile',
    expected: anySignedIn,
    fixture: () => ({ url: '/api/me/profile' }),
  },
  {
    method: 'GET',
    route: '/api/me/prefill',
    expected: anySignedIn,
    fixture: () => ({ url: '/api/me/prefill?matter=d1.subsistence-allowance' }),
  },

  // dead letters: administrators only
  {
    method: 'GET',
    route: '/api/admin/dead-letters',
    expected: adminOnly,
    fixture: () => ({
      url: '/api/admin/dead-letters',
      check: (response) =>
        expect(response.json<{ items: Array<{ id: number }> }>().items.map((entry) => entry.id)).toContain(
          shared.deadLetterId,
        ),
    }),
  },
  {
    method: 'POST',
    route: '/api/admin/dead-letters/:id/retry',
    expected: adminOnly,
    mutates: true,
    fixture: async () => {
      const id = await deadLetter();
      return {
        url: `/api/admin/dead-letters/${id}/retry`,
        observe: async () =>
          (
            await h.runtime.db
              .select({ retriedAt: deadLetters.retriedAt })
              .from(deadLetters)
              .where(eq(deadLetters.id, id))
          )[0],
      };
    },
  },

  // how long the calendars last: administrators only
  {
    method: 'GET',
    route: '/api/admin/calendars',
    expected: adminOnly,
    fixture: () => ({ url: '/api/admin/calendars' }),
  },
];

const describeRow = (row: Row) => `${row.method} ${row.route}${row.variant ? ` (${row.variant})` : ''}`;

const cells = rows.flatMap((row) =>
  actors.map((actor) => {
    const expected = row.expected[actor];
    const verb =
      expected === ok
        ? `allow ${actor} on ${describeRow(row)}`
        : expected < 400
          ? `answer ${actor} on ${describeRow(row)} with ${expected}`
          : `refuse ${actor} on ${describeRow(row)} with ${expected}`;
    return [`should ${verb}`, { row, actor, expected }] as const;
  }),
);

/** A registered route as a pattern its concrete URLs match. */
const patternOf = (route: string) =>
  new RegExp(
    `^${route
      .replace(/[.]/g, '\\.')
      .replace(/:[a-z]+/g, '[^/?]+')
      .replace(/\*/g, '[^?]*')}(\\?.*)?$`,
  );

beforeAll(async () => {
  h = await createHarness();
  await h.runtime.users.create({
    username: 'resident2',
    displayName: '居民 李四',
    password: demoPassword,
    memberships: [{ role: 'resident' }],
  });
  for (const actor of actors) if (actor !== 'anonymous') sessions[actor] = await h.login(actor);

  const kase = await apply('d1.senior-allowance');
  shared.caseId = kase.id;
  shared.taskId = openTask(kase, 'intake').id;
  await json('resident', 'POST', `/api/cases/${kase.id}/comments`, { body: '材料已备齐' }, 201);
  await json('minzheng', 'POST', `/api/cases/${kase.id}/comments`, { body: '内部：核实收入' }, 201);
  const rated = await doneCase();
  await json('resident', 'POST', `/api/cases/${rated}/rating`, { score: 'bad', reason: '态度不好' }, 201);
  // what the system queue's worker does with the rating's rating.bad row
  shared.followUpId = (await openFollowUp(h.runtime, rated)) as string;
  const attached = await h.call(sessions.resident, {
    method: 'POST',
    url: `/api/cases/${kase.id}/attachments?name=${encodeURIComponent('身份证.pdf')}`,
    payload: attachmentContent,
    headers: { 'content-type': 'application/pdf' },
  });
  expect(attached.statusCode, attached.body).toBe(201);
  shared.attachmentId = attached.json<{ id: string }>().id;
  shared.rensheTaskId = (await rensheTask()).taskId;
  shared.orderId = (
    await json<{ id: string }>(
      'supervisor',
      'POST',
      `/api/tasks/${shared.taskId}/supervise`,
      { note: '请说明办理进度' },
      201,
    )
  ).id;
  const notices = await h.runtime.db
    .select({ id: notifications.id, data: notifications.data })
    .from(notifications)
    .where(eq(notifications.recipient, 'department:d1.minzheng'));
  const notice = notices.find((candidate) => candidate.data.orderId === shared.orderId);
  if (!notice) throw new Error('civil affairs was not told of the order');
  shared.noticeId = notice.id;
  shared.deadLetterId = await deadLetter();
  // fixtures made from now on are dated earlier, so the shared case stays first in lists newest-first
  h.clock.advance(-60 * 60 * 1000);
});

afterAll(async () => {
  await h?.close();
});

describe('permission matrix: every route, every kind of caller', () => {
  it.each(cells)('%s', async (_title, { row, actor, expected }) => {
    const fixture = await row.fixture(actor);
    expect(fixture.url).toMatch(patternOf(row.route));
    const before = fixture.observe ? await fixture.observe() : undefined;
    const response = await h.call(fixture.cookie === undefined ? cookieOf(actor) : fixture.cookie, {
      method: row.method,
      url: fixture.url,
      ...(fixture.payload ? { payload: fixture.payload } : {}),
      ...(fixture.csv !== undefined ? { payload: fixture.csv, headers: { 'content-type': 'text/csv' } } : {}),
      ...(fixture.upload !== undefined
        ? { payload: fixture.upload.bytes, headers: { 'content-type': fixture.upload.type } }
        : {}),
    });
    const context = `${actor} ${row.method} ${fixture.url}: ${response.body.slice(0, 500)}`;
    if (expected === ok) {
      expect(response.statusCode, context).toBeGreaterThanOrEqual(200);
      expect(response.statusCode, context).toBeLessThan(300);
      await fixture.check?.(response, actor);
      if (row.mutates && fixture.observe)
        expect(await fixture.observe(), 'the call changed it').not.toEqual(before);
      return;
    }
    expect(response.statusCode, context).toBe(expected);
    const code = refusalCodes[expected];
    if (code !== undefined) expect(response.json<{ error: string }>().error, context).toBe(code);
    if (fixture.observe) expect(await fixture.observe(), 'a refused call wrote nothing').toEqual(before);
  });

  it('should have a row for every route the app registers, and no row for a route it does not', () => {
    // the API's routes; the web apps' (/portal, /workbench, /designer) are runtime/test/web's to test
    const registered = apiRoutes(h.app);
    expect(registered.length).toBeGreaterThan(40);
    const covered = [...new Set(rows.map((row) => `${row.method} ${row.route}`))];
    expect(covered.sort()).toEqual([...new Set(registered)].sort());
  });
});
