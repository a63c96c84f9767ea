import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/seed/seed.js';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

/**
 * The API as a typed client meets it (decision 0019): one name per concept, every list a page, every
 * moment ISO 8601, and the routes a person expects: my bundle applications, the inbox of every
 * department I work in, catalog entries with their version, notifications in my language.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface CaseJson {
  id: string;
  supplement: { requestedAt: string } | null;
  tasks: Array<{ id: string; state: string; status: string }>;
  timeline: Array<{ action: string; data: Record<string, unknown> }>;
}

const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const seniorCardOnly = {
  person: { name: '李秀英', idNumber: '11010519491231002X', birthDate: '1949-12-31', phone: '13800000002' },
  address: { residential: '北京市东城区和平街 5 号' },
  choice: { busCard: false, healthCheck: false },
  consent: true,
};

async function apply(): Promise<CaseJson> {
  return h.json<CaseJson>(
    'resident',
    'POST',
    '/api/cases',
    { matter: 'd1.subsistence-allowance', data: applicantData },
    201,
  );
}
const openTask = (kase: CaseJson) => kase.tasks.find((task) => task.status === 'open') as { id: string };

/** Every page of a list, following `nextCursor`, with the size of each page. */
async function allPages<T>(who: string, url: string): Promise<{ items: T[]; sizes: number[] }> {
  const items: T[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const separator = url.includes('?') ? '&' : '?';
    const page: Page<T> = await h.json<Page<T>>(
      who,
      'GET',
      cursor === null ? url : `${url}${separator}cursor=${cursor}`,
    );
    items.push(...page.items);
    sizes.push(page.items.length);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { items, sizes };
}

describe('one name per concept', () => {
  it("should name a task's state, matter and form as the case view and the inbox do", async () => {
    // given an application, and its open task as the case view names it
    const kase = await apply();
    const fromCase = kase.tasks.find((task) => task.status === 'open') as { id: string; state: string };
    // when the task is read, claimed and released
    for (const [method, url] of [
      ['GET', `/api/tasks/${fromCase.id}`],
      ['POST', `/api/tasks/${fromCase.id}/claim`],
      ['POST', `/api/tasks/${fromCase.id}/release`],
    ] as const) {
      const task = await h.json<Record<string, unknown>>('minzheng', method, url);
      // then it has the same names: state, matter, form; none of the columns' names
      expect(task, `${method} ${url}`).toMatchObject({
        id: fromCase.id,
        caseId: kase.id,
        state: fromCase.state,
        matter: 'd1.subsistence-allowance',
      });
      expect(task).toHaveProperty('form');
      for (const column of ['stateId', 'matterKey', 'formKey', 'escalationLevel'])
        expect(task, `${method} ${url}`).not.toHaveProperty(column);
    }
  });

  it("should give a definition's version fields beside its body and text", async () => {
    const got = await h.json<Record<string, unknown>>(
      'admin',
      'GET',
      '/api/definitions/matter/d1.subsistence-allowance/1',
    );
    expect(got).toMatchObject({
      kind: 'matter',
      key: 'd1.subsistence-allowance',
      version: 1,
      status: 'published',
    });
    expect(typeof got.source).toBe('string');
    expect(got.body).toMatchObject({ key: 'd1.subsistence-allowance' });
    expect(got).not.toHaveProperty('row');
  });
});

describe('every moment in ISO 8601', () => {
  it("should give a supplement's requestedAt and the timeline's due times as ISO, not epoch milliseconds", async () => {
    // given an application whose first task civil affairs answered with a request for a supplement
    const kase = await apply();
    await h.json('minzheng', 'POST', `/api/tasks/${openTask(kase).id}/request-supplements`, {
      items: ['近三个月收入证明'],
      reason: '缺少收入证明',
    });
    // when the case is read by the department and by the applicant
    for (const who of ['minzheng', 'resident']) {
      const view = await h.json<CaseJson>(who, 'GET', `/api/cases/${kase.id}`);
      // then the supplement was asked for at an ISO moment: now
      expect(view.supplement?.requestedAt, who).toBe(h.clock.now().toISOString());
    }
    const view = await h.json<CaseJson>('minzheng', 'GET', `/api/cases/${kase.id}`);
    const opened = view.timeline.filter((entry) => entry.action === 'task.opened');
    expect(opened.length).toBeGreaterThan(0);
    for (const entry of opened) if (entry.data.dueAt !== null) expect(entry.data.dueAt).toMatch(iso);
  });
});

describe('every list a page', () => {
  it("should page through the applicant's cases, newest first, without losing or repeating one", async () => {
    // given three more applications, a minute apart
    for (let index = 0; index < 3; index += 1) {
      h.clock.advance(60_000);
      await apply();
    }
    const whole = await h.json<Page<{ id: string; openedAt: string }>>(
      'resident',
      'GET',
      '/api/cases/mine?limit=100',
    );
    expect(whole.nextCursor).toBeNull();
    // when they are read two at a time
    const paged = await allPages<{ id: string }>('resident', '/api/cases/mine?limit=2');
    // then the pages hold the same cases in the same order, two at a time
    expect(paged.items.map((row) => row.id)).toEqual(whole.items.map((row) => row.id));
    expect(paged.sizes.slice(0, -1).every((size) => size === 2)).toBe(true);
    const opened = whole.items.map((row) => row.openedAt);
    expect([...opened].sort().reverse()).toEqual(opened);
  });

  it("should page through the departments' search and notifications the same way", async () => {
    const search = await h.json<Page<{ id: string }>>('minzheng', 'GET', '/api/cases?limit=100');
    const pagedSearch = await allPages<{ id: string }>('minzheng', '/api/cases?limit=3');
    expect(pagedSearch.items.map((row) => row.id)).toEqual(search.items.map((row) => row.id));
    const notices = await h.json<Page<{ id: string }>>('resident', 'GET', '/api/notifications?limit=100');
    expect(notices.items.length).toBeGreaterThan(0);
    const pagedNotices = await allPages<{ id: string }>('resident', '/api/notifications?limit=1');
    expect(pagedNotices.items.map((row) => row.id)).toEqual(notices.items.map((row) => row.id));
  });
});

describe('the routes a person expects', () => {
  it('should list my bundle applications, each leading to its tracker, and nobody else the resident’s', async () => {
    // given two bundle applications by the resident
    const first = await h.json<{ id: string }>(
      'resident',
      'POST',
      '/api/bundles/d1.senior-services/applications',
      { data: seniorCardOnly },
      201,
    );
    h.clock.advance(60_000);
    // for another person: one person has one senior card application open at a time (decision 0022)
    const spouse = { ...seniorCardOnly.person, name: '王建华', idNumber: '110105194912310046' };
    const second = await h.json<{ id: string }>(
      'resident',
      'POST',
      '/api/bundles/d1.senior-services/applications',
      { data: { ...seniorCardOnly, person: spouse } },
      201,
    );
    // when the resident lists their applications, one a page
    const { items, sizes } = await allPages<{
      id: string;
      bundle: string;
      version: number;
      title: { en: string };
    }>('resident', '/api/me/bundles?limit=1');
    // then both are there, newest first, named, and each id opens its tracker
    expect(items.map((item) => item.id)).toEqual([second.id, first.id]);
    expect(sizes).toEqual([1, 1]);
    expect(items[0]).toMatchObject({ bundle: 'd1.senior-services', version: 1 });
    expect(items[0]?.title.en).toBeTruthy();
    for (const item of items)
      expect(
        (await h.json<{ id: string }>('resident', 'GET', `/api/bundle-applications/${item.id}`)).id,
      ).toBe(item.id);
    // and another account's list does not have them
    const theirs = await h.items<{ id: string }>('grid', 'GET', '/api/me/bundles');
    expect(theirs.map((item) => item.id)).not.toContain(first.id);
    expect((await h.request(null, 'GET', '/api/me/bundles')).statusCode).toBe(401);
  });

  it('should give the tasks of every department I work in when the inbox names none', async () => {
    // given a member of staff of both civil affairs and human resources
    await h.json(
      'admin',
      'POST',
      '/api/users',
      {
        username: 'two-desks',
        displayName: '两个科室',
        password: demoPassword,
        memberships: [
          { department: 'd1.minzheng', role: 'staff' },
          { department: 'd1.renshe', role: 'staff' },
        ],
      },
      201,
    );
    // and an open task in each department
    const atMinzheng = openTask(await apply());
    const toRenshe = openTask(await apply());
    await h.json('minzheng', 'POST', `/api/tasks/${toRenshe.id}/transfer`, {
      toDepartment: 'd1.renshe',
      reason: '属人社职责',
    });
    // when they open their inbox without naming a department
    const inbox = await h.items<{ id: string; department: string }>(
      'two-desks',
      'GET',
      '/api/tasks/inbox?limit=100',
    );
    // then both tasks are there, each with its department
    expect(inbox.find((task) => task.id === atMinzheng.id)?.department).toBe('d1.minzheng');
    expect(inbox.find((task) => task.id === toRenshe.id)?.department).toBe('d1.renshe');
    // while civil affairs' own inbox has only its own
    const minzheng = await h.items<{ id: string; department: string }>(
      'minzheng',
      'GET',
      '/api/tasks/inbox?limit=100',
    );
    expect(new Set(minzheng.map((task) => task.department))).toEqual(new Set(['d1.minzheng']));
    // and a resident, who works in no department, has an empty inbox rather than an error
    expect(await h.items('resident', 'GET', '/api/tasks/inbox')).toEqual([]);
  });

  it('should give every catalog entry its version', async () => {
    const services = await h.items<{
      key: string;
      version: number;
      form: { key: string; version: number } | null;
    }>(null, 'GET', '/api/catalog/services');
    const allowance = services.find((service) => service.key === 'd1.subsistence-allowance');
    const catalog = await h.runtime.definitions.current();
    expect(allowance?.version).toBe(catalog.get('matter', 'd1.subsistence-allowance')?.version);
    expect(allowance?.form?.version).toBeGreaterThan(0);
  });

  it("should give a notification's text in the caller's language", async () => {
    // given an application whose department asked for a supplement
    const kase = await apply();
    await h.json('minzheng', 'POST', `/api/tasks/${openTask(kase).id}/request-supplements`, {
      items: ['户口簿'],
      reason: '缺少户口簿',
    });
    const read = async (language: string | null) => {
      const response = await h.call(await h.login('resident'), {
        method: 'GET',
        url: '/api/notifications?limit=100',
        headers: language === null ? {} : { 'accept-language': language },
      });
      const page = response.json<Page<{ caseId: string; template: string; text: string }>>();
      return page.items.find(
        (notice) => notice.caseId === kase.id && notice.template === 'case.supplement-requested',
      );
    };
    // then it says what is asked, in Chinese unless English is asked for first
    const zh = await read(null);
    expect(zh?.text).toContain('户口簿');
    expect(zh?.text).toContain('补正');
    expect((await read('zh-CN,zh;q=0.9'))?.text).toBe(zh?.text);
    const en = await read('en-GB,en;q=0.8');
    expect(en?.text).toContain('户口簿');
    expect(en?.text).toMatch(/needs more from you/);
  });
});
