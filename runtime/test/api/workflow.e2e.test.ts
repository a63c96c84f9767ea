import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

interface TaskJson {
  id: string;
  state: string;
  department: string;
  status: string;
  outcome: string | null;
  reason: string | null;
  assigneeId: string | null;
}
interface CaseJson {
  id: string;
  status: string;
  result: string | null;
  state: unknown;
  tasks: TaskJson[];
  timeline: Array<{ action: string; data: Record<string, unknown> }>;
  data: Record<string, unknown>;
}

async function json<T>(
  cookie: string | null,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  expected = 200,
): Promise<T> {
  const response = await h.call(cookie, { method, url, ...(payload ? { payload } : {}) });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(expected);
  return response.json() as T;
}

const openTask = (kase: CaseJson, state: string) => {
  const task = kase.tasks.find(
    (candidate) =>
      candidate.state.endsWith(state) && (candidate.status === 'open' || candidate.status === 'waiting'),
  );
  if (!task)
    throw new Error(`no open task ${state}: ${JSON.stringify(kase.tasks.map((t) => [t.state, t.status]))}`);
  return task;
};

describe('HTTP: a joint review with lead and cooperating departments in parallel', () => {
  it('should run from application to rating: start, claim, complete, transfer, return and close', async () => {
    const resident = await h.login('resident');
    const minzheng = await h.login('minzheng');
    const weijian = await h.login('weijian');
    const renshe = await h.login('renshe');

    // the resident applies for the senior allowance: the civil affairs bureau receives it
    let kase = await json<CaseJson>(
      resident,
      'POST',
      '/api/cases',
      { matter: 'd1.senior-allowance', data: applicantData },
      201,
    );
    expect(kase.status).toBe('active');
    const intake = openTask(kase, 'intake');
    expect(intake.department).toBe('d1.minzheng');

    // it is in the bureau's inbox, sorted by due time
    const inbox = await json<{ items: Array<{ id: string }> }>(
      minzheng,
      'GET',
      '/api/tasks/inbox?department=d1.minzheng',
    );
    expect(inbox.items.map((item) => item.id)).toContain(intake.id);

    // claim, then accept: the lead and the cooperating department now work in parallel
    const claimed = await json<{ assigneeId: string }>(minzheng, 'POST', `/api/tasks/${intake.id}/claim`);
    expect(claimed.assigneeId).toBeTruthy();
    await json(minzheng, 'POST', `/api/tasks/${intake.id}/complete`, { outcome: 'accept' });
    kase = await json<CaseJson>(minzheng, 'GET', `/api/cases/${kase.id}`);
    const lead = openTask(kase, 'lead.reviewing');
    const coop = openTask(kase, 'cooperating.reviewing');
    expect([lead.department, coop.department]).toEqual(['d1.minzheng', 'd1.weijian']);

    // the health commission says this is for human resources and social security: transfer with a reason
    await json(weijian, 'POST', `/api/tasks/${coop.id}/transfer`, {
      toDepartment: 'd1.renshe',
      reason: '涉及社保待遇，属人社职责',
    });
    const renInbox = await json<{ items: Array<{ id: string }> }>(
      renshe,
      'GET',
      '/api/tasks/inbox?department=d1.renshe',
    );
    expect(renInbox.items.map((item) => item.id)).toContain(coop.id);
    // the health commission no longer sees it in its inbox
    const weiInbox = await json<{ items: Array<{ id: string }> }>(
      weijian,
      'GET',
      '/api/tasks/inbox?department=d1.weijian',
    );
    expect(weiInbox.items.map((item) => item.id)).not.toContain(coop.id);

    await json(renshe, 'POST', `/api/tasks/${coop.id}/complete`, {
      outcome: 'agree',
      data: { opinion: '同意' },
    });
    await json(minzheng, 'POST', `/api/tasks/${lead.id}/complete`, {
      outcome: 'approve',
      data: { opinion: '符合条件', verifiedOnSite: true },
    });
    kase = await json<CaseJson>(minzheng, 'GET', `/api/cases/${kase.id}`);
    expect(kase.state).toBe('deliver');

    await json(minzheng, 'POST', `/api/tasks/${openTask(kase, 'deliver').id}/complete`, {
      outcome: 'delivered',
    });
    kase = await json<CaseJson>(resident, 'GET', `/api/cases/${kase.id}`);
    expect(kase.status).toBe('done');
    expect(kase.result).toBe('approved');
    // the departments' timeline has every step; the resident's only what is meant for them (visibility.test.ts)
    expect(kase.timeline.map((event) => event.action)).not.toContain('task.transfer');
    kase = await json<CaseJson>(minzheng, 'GET', `/api/cases/${kase.id}`);
    expect(kase.timeline.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'case.started',
        'task.claimed',
        'task.opened',
        'task.closed',
        'task.transfer',
        'case.completed',
      ]),
    );
    expect(kase.timeline.find((event) => event.action === 'task.transfer')?.data).toMatchObject({
      from: 'd1.weijian',
      to: 'd1.renshe',
      reason: '涉及社保待遇，属人社职责',
    });

    // the resident rates the closed case, once
    await json(resident, 'POST', `/api/cases/${kase.id}/rating`, { score: 'good', reason: '一次办好' }, 201);
    await json(resident, 'POST', `/api/cases/${kase.id}/rating`, { score: 'bad' }, 409);

    const audit = await h.runtime.audit.verify(kase.id);
    expect(audit.breaks).toEqual([]);
    expect(audit.events).toBe(kase.timeline.length + 1); // + the rating
  });

  it('should return a task to the earlier step with a reason, and refuse a return without one', async () => {
    const resident = await h.login('resident');
    const minzheng = await h.login('minzheng');
    let kase = await json<CaseJson>(
      resident,
      'POST',
      '/api/cases',
      { matter: 'd1.subsistence-allowance', data: applicantData },
      201,
    );
    await json(minzheng, 'POST', `/api/tasks/${openTask(kase, 'accept').id}/complete`, { outcome: 'accept' });
    kase = await json<CaseJson>(minzheng, 'GET', `/api/cases/${kase.id}`);
    const review = openTask(kase, 'review');

    const missing = await h.call(minzheng, {
      method: 'POST',
      url: `/api/tasks/${review.id}/complete`,
      payload: { outcome: 'return' },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ error: 'TB_REASON_REQUIRED', details: [{ path: '/reason' }] });

    await json(minzheng, 'POST', `/api/tasks/${review.id}/return`, { reason: '收入证明不完整，请重新受理' });
    kase = await json<CaseJson>(minzheng, 'GET', `/api/cases/${kase.id}`);
    expect(kase.state).toBe('accept');
    expect(kase.tasks.find((task) => task.id === review.id)).toMatchObject({
      status: 'completed',
      outcome: 'return',
      reason: '收入证明不完整，请重新受理',
    });
  });

  it('should pause for supplements: the applicant answers and the task goes on', async () => {
    const resident = await h.login('resident');
    const minzheng = await h.login('minzheng');
    let kase = await json<CaseJson>(
      resident,
      'POST',
      '/api/cases',
      { matter: 'd1.subsistence-allowance', data: applicantData },
      201,
    );
    const accept = openTask(kase, 'accept');
    await json(minzheng, 'POST', `/api/tasks/${accept.id}/request-supplements`, {
      items: ['近三个月收入证明'],
      reason: '缺少收入证明',
    });
    kase = await json<CaseJson>(resident, 'GET', `/api/cases/${kase.id}`);
    expect(openTask(kase, 'accept').status).toBe('waiting');

    // another resident cannot answer it
    const other = await h.call(null, {
      method: 'POST',
      url: `/api/cases/${kase.id}/supplements`,
      payload: { data: {} },
    });
    expect(other.statusCode).toBe(401);

    kase = await json<CaseJson>(resident, 'POST', `/api/cases/${kase.id}/supplements`, {
      data: { address: '和平街 2 号' },
    });
    expect(openTask(kase, 'accept').status).toBe('open');
    expect(kase.data.address).toBe('和平街 2 号');
  });

  it('should refuse form data that does not fit the form, naming the field', async () => {
    const resident = await h.login('resident');
    const response = await h.call(resident, {
      method: 'POST',
      url: '/api/cases',
      payload: { matter: 'd1.senior-allowance', data: { ...applicantData, idNumber: '123' } },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      error: 'TB_FORM_DATA_INVALID',
      details: [{ path: '/idNumber' }],
    });
  });
});
