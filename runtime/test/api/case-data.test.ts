import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications } from '../../src/db/schema.js';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

/**
 * What residents entrust: sensitive values at every depth and in every form that wrote into the case
 * are masked for everyone but the applicant, revealed by JSON pointer with each reveal on the record;
 * copies that leave the case are masked; staff cannot silently rewrite the application.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  for (const definition of [householdForm, medicalReviewForm, householdWorkflow]) {
    await h.json('admin', 'POST', '/api/definitions', definition, 201);
    await h.json('admin', 'POST', `/api/definitions/${definition.kind}/${definition.key}/1/publish`);
  }
});
afterAll(async () => {
  await h?.close();
});

const title = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const idNumber = { type: 'string', title: '身份证号 / ID number', 'x-sensitive': true };

const householdForm = {
  kind: 'form',
  key: 'household-application',
  version: 1,
  title: title('家庭补助申请', 'Household allowance application'),
  schema: {
    type: 'object',
    required: ['applicant', 'amount'],
    properties: {
      applicant: {
        type: 'object',
        title: '申请人 / Applicant',
        required: ['name', 'idNumber'],
        properties: { name: { type: 'string', title: '姓名 / Name' }, idNumber },
      },
      children: {
        type: 'array',
        title: '子女 / Children',
        items: {
          type: 'object',
          properties: { name: { type: 'string', title: '姓名 / Name' }, idNumber },
        },
      },
      amount: { type: 'number', title: '金额 / Amount', minimum: 0 },
    },
  },
};

const medicalReviewForm = {
  kind: 'form',
  key: 'medical-review',
  version: 1,
  title: title('医学审核', 'Medical review'),
  schema: {
    type: 'object',
    properties: {
      diagnosis: { type: 'string', title: '诊断 / Diagnosis', 'x-sensitive': true },
      opinion: { type: 'string', title: '意见 / Opinion' },
    },
  },
};

// `set` keeps a copy inside the case (allowed); the notification then reads the copy, which the
// validator cannot know is sensitive: the runtime masks it anyway
const householdWorkflow = {
  kind: 'workflow',
  key: 'household-review',
  version: 1,
  title: title('家庭补助审核', 'Household allowance review'),
  form: 'household-application',
  machine: {
    initial: 'review',
    states: {
      review: {
        meta: {
          task: {
            title: title('审核', 'Review'),
            queue: { department: 'd1.minzheng' },
            form: 'medical-review',
            outcomes: ['approve'],
          },
        },
        on: {
          approve: {
            target: 'decide',
            actions: [
              { set: { 'data.reference': { var: 'data.applicant.idNumber' } } },
              {
                notify: {
                  to: 'department:d1.minzheng',
                  template: 'household.reviewed',
                  data: { reference: { var: 'data.reference' }, name: { var: 'data.applicant.name' } },
                },
              },
            ],
          },
        },
      },
      decide: {
        meta: {
          task: {
            title: title('决定', 'Decide'),
            queue: { department: 'd1.minzheng' },
            outcomes: ['approve'],
          },
        },
        on: { approve: 'approved' },
      },
      approved: { type: 'final' },
    },
  },
};

const household = {
  applicant: { name: '王芳', idNumber: '110105198001010027' },
  children: [
    { name: '王小明', idNumber: '110105201001010012' },
    { name: '王小红', idNumber: '110105201203040021' },
  ],
  amount: 1200,
};

interface CaseJson {
  id: string;
  state: unknown;
  data: Record<string, unknown>;
  masked: string[];
  tasks: Array<{ id: string; state: string; status: string }>;
  timeline: Array<{
    action: string;
    data?: Record<string, unknown>;
    changes?: Array<{ field: string; before: unknown; after: unknown }>;
  }>;
}

async function startHousehold(): Promise<{ caseId: string; taskId: string }> {
  const kase = await h.json<CaseJson>(
    'resident',
    'POST',
    '/api/cases',
    { workflow: 'household-review', data: household },
    201,
  );
  const task = kase.tasks.find((candidate) => candidate.status === 'open');
  if (!task) throw new Error('no open task');
  return { caseId: kase.id, taskId: task.id };
}

const reads = (caseId: string) =>
  h.runtime.db
    .select({ data: auditEvents.data, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.action, 'sensitive.read')));

describe('sensitive values at every depth', () => {
  it('should mask ID numbers inside an object and inside every array item for staff, but not for the applicant', async () => {
    // given
    const { caseId } = await startHousehold();
    // when
    const staff = await h.json<CaseJson>('minzheng', 'GET', `/api/cases/${caseId}`);
    const mine = await h.json<CaseJson>('resident', 'GET', `/api/cases/${caseId}`);
    // then
    const body = JSON.stringify(staff);
    for (const secret of [household.applicant.idNumber, ...household.children.map((child) => child.idNumber)])
      expect(body).not.toContain(secret);
    expect(staff.data).toMatchObject({
      applicant: { name: '王芳', idNumber: '110*************27' },
      children: [{ name: '王小明' }, { name: '王小红' }],
      amount: 1200,
    });
    expect(staff.masked.sort()).toEqual([
      '/applicant/idNumber',
      '/children/0/idNumber',
      '/children/1/idNumber',
    ]);
    expect(mine.data).toEqual(household);
    expect(mine.masked).toEqual([]);
    expect(await reads(caseId)).toEqual([]);
  });

  it('should mask what a task form marks sensitive (a diagnosis) once the task wrote it', async () => {
    // given
    const { caseId, taskId } = await startHousehold();
    // when
    await h.json('minzheng', 'POST', `/api/tasks/${taskId}/complete`, {
      outcome: 'approve',
      data: { diagnosis: '二型糖尿病', opinion: '情况属实' },
    });
    // then
    const staff = await h.json<CaseJson>('minzheng', 'GET', `/api/cases/${caseId}`);
    expect(staff.data.opinion).toBe('情况属实');
    expect(JSON.stringify(staff)).not.toContain('二型糖尿病');
    expect(staff.masked).toContain('/diagnosis');
  });

  it('should reveal several pointers at once, each one an audit event, and leave the rest masked', async () => {
    // given
    const { caseId } = await startHousehold();
    // when
    const revealed = await h.json<CaseJson>(
      'minzheng',
      'GET',
      `/api/cases/${caseId}?reveal=/applicant/idNumber,/children/1/idNumber`,
    );
    // then
    const data = revealed.data as typeof household;
    expect(data.applicant.idNumber).toBe(household.applicant.idNumber);
    expect(data.children[1]?.idNumber).toBe(household.children[1]?.idNumber);
    expect(data.children[0]?.idNumber).not.toBe(household.children[0]?.idNumber);
    expect(revealed.masked).toEqual(['/children/0/idNumber']);
    const events = await reads(caseId);
    expect(events.map((event) => event.data.pointer).sort()).toEqual([
      '/applicant/idNumber',
      '/children/1/idNumber',
    ]);
    expect((await h.runtime.audit.verify(caseId)).breaks).toEqual([]);
  });

  it('should answer 400 naming a pointer that is not a sensitive value of the case, and record nothing', async () => {
    // given
    const { caseId } = await startHousehold();
    // when
    const response = await h.request(
      'minzheng',
      'GET',
      `/api/cases/${caseId}?reveal=/applicant/idNumber,/applicant/name,/children/7/idNumber`,
    );
    // then
    expect(response.statusCode).toBe(400);
    const body = response.json<{ details: Array<{ path: string; message: string }> }>();
    expect(body.details.map((detail) => detail.message).join(' ')).toContain('/applicant/name');
    expect(body.details.map((detail) => detail.message).join(' ')).toContain('/children/7/idNumber');
    expect(await reads(caseId)).toEqual([]);
  });

  it('should refuse a reveal by someone who does not handle the case as if the case did not exist', async () => {
    const { caseId } = await startHousehold();
    const response = await h.request('weijian', 'GET', `/api/cases/${caseId}?reveal=/applicant/idNumber`);
    expect(response.statusCode).toBe(404);
    expect(await reads(caseId)).toEqual([]);
  });

  it('should keep sensitive values out of the timeline and the case search', async () => {
    // given
    const { caseId, taskId } = await startHousehold();
    await h.json('minzheng', 'POST', `/api/tasks/${taskId}/complete`, {
      outcome: 'approve',
      data: { diagnosis: '高血压' },
    });
    // when
    const kase = await h.json<CaseJson>('minzheng', 'GET', `/api/cases/${caseId}`);
    const search = await h.request('minzheng', 'GET', '/api/cases?limit=100');
    // then
    const texts = [JSON.stringify(kase.timeline), search.body];
    for (const text of texts) {
      expect(text).not.toContain(household.applicant.idNumber);
      expect(text).not.toContain('高血压');
    }
  });
});

describe('copies that leave the case', () => {
  it('should mask a sensitive value a workflow copied into a notification', async () => {
    // given
    const { caseId, taskId } = await startHousehold();
    // when
    await h.json('minzheng', 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'approve', data: {} });
    // then
    const [stored] = await h.runtime.db
      .select({ data: notifications.data })
      .from(notifications)
      .where(and(eq(notifications.caseId, caseId), eq(notifications.template, 'household.reviewed')));
    expect(stored?.data).toEqual({ reference: '110*************27', name: '王芳' });
    const listed = await h.request('minzheng', 'GET', '/api/notifications?limit=100');
    expect(listed.body).not.toContain(household.applicant.idNumber);
  });

  it('should refuse to publish a workflow whose notification reads a sensitive field, naming the path', async () => {
    // given
    const leaky = structuredClone(householdWorkflow) as typeof householdWorkflow;
    leaky.key = 'household-leaky';
    const approve = leaky.machine.states.review.on.approve;
    approve.actions = [
      {
        notify: {
          to: 'department:d1.minzheng',
          template: 'household.reviewed',
          data: { reference: { var: 'data.children.0.idNumber' }, name: { var: 'data.applicant.name' } },
        },
      },
    ] as typeof approve.actions;
    // when
    const response = await h.request('admin', 'POST', '/api/definitions/validate', leaky);
    // then
    const body = response.json<{ problems?: Array<{ path: string; code: string }> }>();
    expect(JSON.stringify(body)).toContain('sensitive-leaves-case');
    expect(JSON.stringify(body)).toContain(
      '/machine/states/review/on/approve/actions/0/notify/data/reference',
    );
  });
});

describe("who may change the resident's data", () => {
  interface ErrorJson {
    error: string;
    details: Array<{ path: string }>;
  }

  it("should refuse task data that overwrites the application's amount, and keep the route the amount chose", async () => {
    // given: an application for 300 yuan goes to review
    const started = await h.json<CaseJson>(
      'resident',
      'POST',
      '/api/cases',
      { matter: 'd1.subsistence-allowance', data: applicantData },
      201,
    );
    const accept = started.tasks.find((task) => task.status === 'open');
    const accepted = await h.json<{ openedTasks: Array<{ id: string }> }>(
      'minzheng',
      'POST',
      `/api/tasks/${accept?.id}/complete`,
      { outcome: 'accept' },
    );
    const review = accepted.openedTasks[0]?.id;
    // when: the reviewer sends a different amount and ID number with the review form
    const response = await h.request('minzheng', 'POST', `/api/tasks/${review}/complete`, {
      outcome: 'approve',
      data: { opinion: '同意', amount: 50_000, idNumber: '110105198001010027' },
    });
    // then
    expect(response.statusCode).toBe(422);
    const body = response.json<ErrorJson>();
    expect(body.error).toBe('TB_FORM_DATA_INVALID');
    expect(body.details.map((detail) => detail.path).sort()).toEqual(['/amount', '/idNumber']);
    const kase = await h.json<CaseJson>('resident', 'GET', `/api/cases/${started.id}`);
    expect(kase.data.amount).toBe(applicantData.amount);
    expect(kase.data.idNumber).toBe(applicantData.idNumber);
    // and approving with the review form's own fields takes the small-amount route
    const approved = await h.json<{ state: unknown }>('minzheng', 'POST', `/api/tasks/${review}/complete`, {
      outcome: 'approve',
      data: { opinion: '同意' },
    });
    expect(approved.state).toBe('deliver');
  });

  it('should refuse data for a task that has no form', async () => {
    const { caseId } = await startHousehold();
    const kase = await h.json<CaseJson>('minzheng', 'GET', `/api/cases/${caseId}`);
    const review = kase.tasks[0]?.id;
    await h.json('minzheng', 'POST', `/api/tasks/${review}/complete`, { outcome: 'approve' });
    const decide = (await h.json<CaseJson>('minzheng', 'GET', `/api/cases/${caseId}`)).tasks.find(
      (task) => task.status === 'open',
    );
    const response = await h.request('minzheng', 'POST', `/api/tasks/${decide?.id}/complete`, {
      outcome: 'approve',
      data: { note: 'x' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json<ErrorJson>().details.map((detail) => detail.path)).toEqual(['/note']);
  });

  it('should refuse properties the application form never asked for, at any depth, naming each', async () => {
    const response = await h.request('resident', 'POST', '/api/cases', {
      workflow: 'household-review',
      data: {
        ...household,
        padding: 'x'.repeat(900_000),
        applicant: { ...household.applicant, nickname: '芳芳' },
      },
    });
    expect(response.statusCode).toBe(422);
    expect(
      response
        .json<ErrorJson>()
        .details.map((detail) => detail.path)
        .sort(),
    ).toEqual(['/applicant/nickname', '/padding']);
  });

  it('should refuse a number that would be stored as null (1e400)', async () => {
    const cookie = await h.login('resident');
    const response = await h.call(cookie, {
      method: 'POST',
      url: '/api/cases',
      headers: { 'content-type': 'application/json' },
      payload: `{"workflow":"household-review","data":{"applicant":{"name":"王芳","idNumber":"110105198001010027"},"amount":1e400}}`,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json<ErrorJson>().details.map((detail) => detail.path)).toContain('/amount');
  });

  it('should let staff handling the case correct the application with a reason: before and after on the record, the applicant told', async () => {
    // given
    const { caseId } = await startHousehold();
    // when
    const corrected = await h.json<CaseJson>('minzheng', 'POST', `/api/cases/${caseId}/corrections`, {
      data: { amount: 1500, applicant: { name: '王芳', idNumber: '110105198001010043' } },
      reason: '窗口录入金额有误，按证明材料更正',
    });
    // then: the data changed, the state did not
    expect(corrected.state).toBe('review');
    expect(corrected.data.amount).toBe(1500);
    expect(JSON.stringify(corrected)).not.toContain('110105198001010043');
    const [event] = await h.runtime.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.action, 'case.dataCorrected')));
    expect(event?.before).toMatchObject({ data: { amount: 1200, applicant: household.applicant } });
    expect(event?.after).toMatchObject({
      data: { amount: 1500, applicant: { idNumber: '110105198001010043' } },
    });
    expect(event?.data).toMatchObject({
      reason: '窗口录入金额有误，按证明材料更正',
      fields: ['amount', 'applicant'],
    });
    expect((await h.runtime.audit.verify(caseId)).breaks).toEqual([]);
    const mine = await h.json<CaseJson>('resident', 'GET', `/api/cases/${caseId}`);
    expect(mine.data.amount).toBe(1500);
    // the resident sees what changed and why; sensitive values stay masked in every view of the audit
    const entry = mine.timeline.find((candidate) => candidate.action === 'case.dataCorrected');
    expect(entry?.data).toMatchObject({ reason: '窗口录入金额有误，按证明材料更正' });
    expect(entry?.changes).toEqual([
      { field: 'amount', before: 1200, after: 1500 },
      {
        field: 'applicant',
        before: { name: '王芳', idNumber: '110*************27' },
        after: { name: '王芳', idNumber: '110*************43' },
      },
    ]);
    const staffEntry = corrected.timeline.find((candidate) => candidate.action === 'case.dataCorrected');
    expect(staffEntry?.changes).toEqual(entry?.changes);
    expect(JSON.stringify(corrected.timeline)).not.toContain(household.applicant.idNumber);
    const told = await h.runtime.db
      .select({ data: notifications.data })
      .from(notifications)
      .where(and(eq(notifications.caseId, caseId), eq(notifications.template, 'case.data-corrected')));
    expect(told).toHaveLength(1);
  });

  it('should refuse a correction without a reason, with fields the form does not have, or with values it does not allow', async () => {
    const { caseId } = await startHousehold();
    const url = `/api/cases/${caseId}/corrections`;
    const noReason = await h.request('minzheng', 'POST', url, { data: { amount: 1 } });
    expect(noReason.statusCode).toBe(400);
    const unknown = await h.request('minzheng', 'POST', url, { data: { bonus: 1 }, reason: '更正' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<ErrorJson>().details.map((detail) => detail.path)).toEqual(['/bonus']);
    const negative = await h.request('minzheng', 'POST', url, { data: { amount: -5 }, reason: '更正' });
    expect(negative.statusCode).toBe(422);
    expect(negative.json<ErrorJson>().details.map((detail) => detail.path)).toEqual(['/amount']);
    const kase = await h.json<CaseJson>('resident', 'GET', `/api/cases/${caseId}`);
    expect(kase.data).toEqual(household);
  });

  it('should not let the applicant or another department correct the application', async () => {
    const { caseId } = await startHousehold();
    const url = `/api/cases/${caseId}/corrections`;
    const payload = { data: { amount: 99_999 }, reason: '我想多要一点' };
    expect((await h.request('resident', 'POST', url, payload)).statusCode).toBe(403);
    expect((await h.request('weijian', 'POST', url, payload)).statusCode).toBe(404);
  });
});
