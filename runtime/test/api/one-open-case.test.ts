import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { idNumberCheckCharacter } from '@tongban/engine';
import { auditEvents, cases, tasks, uploads } from '../../src/db/schema.js';
import { createHarness, type Harness } from '../support/harness.js';
import { attachmentReference, png } from '../support/files.js';

/**
 * One open case per person and matter (重复申报, decision 0022): while a senior card application
 * with an ID number is being handled, a second one with the same ID number is refused with a 422 under
 * the ID number's field, and nothing of it is written; once the first closes, the next is accepted.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  for (const definition of [photoForm, photoMatter]) {
    await h.json('admin', 'POST', '/api/definitions', definition, 201);
    await h.json('admin', 'POST', `/api/definitions/${definition.kind}/${definition.key}/1/publish`);
  }
});
afterAll(async () => {
  await h?.close();
});

let sequence = 100;
/** A valid ID number of a woman born in 1950 that no other test here uses. */
function freshIdNumber(): string {
  sequence += 2;
  const first17 = `11010519500101${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

const seniorCard = (idNumber: string) => ({
  matter: 'd1.senior-card',
  data: {
    applicantName: '刘淑珍',
    idNumber,
    birthDate: '1950-01-01',
    phone: '13800000021',
    address: '北京市东城区和平街 21 号',
    wantsBusCard: false,
    wantsHealthCheck: false,
  },
});

async function apply(
  who: string,
  payload: object,
  language: 'zh-CN' | 'en' = 'zh-CN',
  url = '/api/cases',
): Promise<LightMyRequestResponse> {
  return h.call(await h.login(who), {
    method: 'POST',
    url,
    payload,
    headers: { 'accept-language': language },
  });
}

interface ErrorJson {
  error: string;
  message: string;
  details: Array<{ path: string; message: string }>;
}

/** Everything a start writes, counted: a refused one must change none of it. */
async function counts() {
  const db = h.runtime.db;
  const count = async (table: typeof cases | typeof tasks | typeof auditEvents) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
  return { cases: await count(cases), tasks: await count(tasks), audit: await count(auditEvents) };
}

async function closeByRejecting(caseId: string): Promise<void> {
  const kase = await h.json<{ tasks: Array<{ id: string; state: string; status: string }> }>(
    'minzheng',
    'GET',
    `/api/cases/${caseId}`,
  );
  const accept = kase.tasks.find((task) => task.state.endsWith('accept') && task.status === 'open');
  if (!accept) throw new Error(`no open accept task on ${caseId}`);
  await h.json('minzheng', 'POST', `/api/tasks/${accept.id}/complete`, {
    outcome: 'reject',
    reason: '不符合条件',
  });
  const closed = await h.json<{ status: string }>('minzheng', 'GET', `/api/cases/${caseId}`);
  expect(closed.status).not.toBe('active');
}

describe('one open case per person and matter', () => {
  it('should refuse a second application with the same ID number while the first is handled, in the caller’s language, under the field', async () => {
    // given a senior card application being handled
    const idNumber = freshIdNumber();
    const first = await apply('resident', seniorCard(idNumber));
    expect(first.statusCode, first.body).toBe(201);
    const firstId = first.json<{ id: string }>().id;
    const before = await counts();

    // when the same resident applies again with the same ID number, in Chinese and in English
    const zh = await apply('resident', seniorCard(idNumber), 'zh-CN');
    const en = await apply('resident', seniorCard(idNumber), 'en');

    // then both are refused under the ID number, naming the resident's own case
    expect(zh.statusCode, zh.body).toBe(422);
    expect(zh.json<ErrorJson>()).toEqual({
      error: 'TB_FORM_DATA_INVALID',
      message: '表单填写有误',
      details: [
        {
          path: '/idNumber',
          message: `“老年人优待证办理”已有一件使用此身份证号的申请正在办理（案件编号 ${firstId}），办结后才能再次申请`,
        },
      ],
    });
    expect(en.statusCode, en.body).toBe(422);
    expect(en.json<ErrorJson>()).toEqual({
      error: 'TB_FORM_DATA_INVALID',
      message: 'The form data is not valid',
      details: [
        {
          path: '/idNumber',
          message: `An application for "Senior citizen card" with this ID number is already being handled (case ${firstId}); you can apply again once it is closed`,
        },
      ],
    });
    // and nothing of either was written: no case, no task, no audit event
    expect(await counts()).toEqual(before);
  });

  it('should not name the case to someone whose case it is not', async () => {
    // given the resident's application
    const idNumber = freshIdNumber();
    const first = await apply('resident', seniorCard(idNumber));
    expect(first.statusCode, first.body).toBe(201);
    const firstId = first.json<{ id: string }>().id;

    // when a member of civil affairs files one for the same person at the counter
    const counter = await apply('minzheng', seniorCard(idNumber), 'en');

    // then it is refused without the resident's case number
    expect(counter.statusCode, counter.body).toBe(422);
    const body = counter.json<ErrorJson>();
    expect(body.details).toEqual([
      {
        path: '/idNumber',
        message:
          'An application for "Senior citizen card" with this ID number is already being handled; you can apply again once it is closed',
      },
    ]);
    expect(counter.body).not.toContain(firstId);
  });

  it('should accept a new application once the first has closed', async () => {
    // given an application refused and closed
    const idNumber = freshIdNumber();
    const first = await apply('resident', seniorCard(idNumber));
    expect(first.statusCode, first.body).toBe(201);
    await closeByRejecting(first.json<{ id: string }>().id);

    // when the resident applies again
    const again = await apply('resident', seniorCard(idNumber));

    // then it is accepted, and it holds the slot in turn
    expect(again.statusCode, again.body).toBe(201);
    expect((await apply('resident', seniorCard(idNumber))).statusCode).toBe(422);
  });

  it('should accept a different ID number, and the same ID number for another matter', async () => {
    const idNumber = freshIdNumber();
    expect((await apply('resident', seniorCard(idNumber))).statusCode).toBe(201);
    expect((await apply('resident', seniorCard(freshIdNumber()))).statusCode).toBe(201);
    // the senior allowance has no such rule
    const allowance = await apply('resident', {
      matter: 'd1.senior-allowance',
      data: { applicantName: '刘淑珍', idNumber, phone: '13800000021', address: '和平街 21 号', amount: 300 },
    });
    expect(allowance.statusCode, allowance.body).toBe(201);
  });

  it('should keep the ID number itself out of the database’s slot column', async () => {
    const idNumber = freshIdNumber();
    const first = await apply('resident', seniorCard(idNumber));
    expect(first.statusCode, first.body).toBe(201);
    const [row] = await h.runtime.db
      .select({ key: cases.oneOpenKey })
      .from(cases)
      .where(eq(cases.id, first.json<{ id: string }>().id));
    expect(row?.key).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.key).not.toContain(idNumber);
  });

  it('should let exactly one of 20 simultaneous applications with the same ID number through', async () => {
    const idNumber = freshIdNumber();
    const before = await counts();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => apply('resident', seniorCard(idNumber), 'en')),
    );
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 422)).toHaveLength(19);
    for (const refused of answers.filter((answer) => answer.statusCode === 422))
      expect(refused.json<ErrorJson>().details.map((detail) => detail.path)).toEqual(['/idNumber']);
    const after = await counts();
    expect(after.cases - before.cases).toBe(1);
  });

  it('should give the same answer when the other submission got in between the check and the write', async () => {
    // given an application being handled, and a check that (as in a lost race) did not see it yet
    const idNumber = freshIdNumber();
    const first = await apply('resident', seniorCard(idNumber));
    expect(first.statusCode, first.body).toBe(201);
    const firstId = first.json<{ id: string }>().id;
    const before = await counts();
    const service = h.runtime.cases;
    const check = vi.spyOn(service, 'assertSlotsFree').mockResolvedValue(undefined);
    try {
      // when the second is written
      const second = await apply('resident', seniorCard(idNumber), 'en');
      // then the unique index refuses it, and the answer is the check's
      expect(check).toHaveBeenCalled();
      expect(second.statusCode, second.body).toBe(422);
      expect(second.json<ErrorJson>().details).toEqual([
        {
          path: '/idNumber',
          message: `An application for "Senior citizen card" with this ID number is already being handled (case ${firstId}); you can apply again once it is closed`,
        },
      ]);
      expect(await counts()).toEqual(before);
    } finally {
      check.mockRestore();
    }
  });

  it('should leave the uploads of a refused application with their owner', async () => {
    // given an application with a photo that holds the slot, and a second photo uploaded
    const idNumber = freshIdNumber();
    const photo = async () => {
      const response = await h.call(await h.login('resident'), {
        method: 'POST',
        url: '/api/uploads?name=photo.png',
        payload: png(),
        headers: { 'content-type': 'image/png' },
      });
      expect(response.statusCode, response.body).toBe(201);
      const row = response.json<{ id: string; name: string; contentType: string; size: number }>();
      return { id: row.id, name: row.name, type: row.contentType, size: row.size };
    };
    const withPhoto = async () => ({
      matter: photoMatter.key,
      data: { idNumber, photos: [await photo()] },
    });
    expect((await apply('resident', await withPhoto())).statusCode).toBe(201);
    const second = await withPhoto();

    // when the second is refused
    const refused = await apply('resident', second);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json<ErrorJson>().details.map((detail) => detail.path)).toEqual(['/idNumber']);

    // then its photo is still the resident's upload, not a case's attachment
    const id = second.data.photos[0]?.id as string;
    const left = await h.runtime.db.select({ id: uploads.id }).from(uploads).where(eq(uploads.id, id));
    expect(left).toHaveLength(1);
  });

  it('should refuse a bundle whose matter the person already has open, under the combined form’s field, writing nothing', async () => {
    // given a senior card application being handled
    const idNumber = freshIdNumber();
    const first = await apply('resident', seniorCard(idNumber));
    expect(first.statusCode, first.body).toBe(201);
    const firstId = first.json<{ id: string }>().id;
    const before = await counts();
    const applications = async () =>
      (await h.runtime.db.select({ n: sql<number>`count(*)::int` }).from(sql`bundle_applications`))[0]?.n;
    const applicationsBefore = await applications();

    // when the same person applies for the senior services bundle
    const bundle = await apply(
      'resident',
      { data: seniorServices(idNumber) },
      'en',
      '/api/bundles/d1.senior-services/applications',
    );

    // then it is refused at the shared ID number's path in the combined data, and nothing is written
    expect(bundle.statusCode, bundle.body).toBe(422);
    expect(bundle.json<ErrorJson>().details).toEqual([
      {
        path: '/person/idNumber',
        message: `An application for "Senior citizen card" with this ID number is already being handled (case ${firstId}); you can apply again once it is closed`,
      },
    ]);
    expect(await counts()).toEqual(before);
    expect(await applications()).toBe(applicationsBefore);
  });

  it('should refuse a bundle whose later matter (the bus card, after the card) the person already has open', async () => {
    // given a bus card application being handled
    const idNumber = freshIdNumber();
    const bus = await apply('resident', {
      matter: 'd1.senior-bus-card',
      data: {
        applicantName: '刘淑珍',
        idNumber,
        birthDate: '1950-01-01',
        phone: '13800000021',
        cardType: 'new',
        delivery: 'counter',
      },
    });
    expect(bus.statusCode, bus.body).toBe(201);

    // when the bundle with the bus card is submitted
    const bundle = await apply(
      'resident',
      { data: seniorServices(idNumber, true) },
      'zh-CN',
      '/api/bundles/d1.senior-services/applications',
    );

    // then it is refused up front, naming the bus card
    expect(bundle.statusCode, bundle.body).toBe(422);
    const details = bundle.json<ErrorJson>().details;
    expect(details.map((detail) => detail.path)).toEqual(['/person/idNumber']);
    expect(details[0]?.message).toContain('老年人免费乘车卡');
  });

  it('should let one of 10 simultaneous bundle applications for the same person through', async () => {
    const idNumber = freshIdNumber();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        apply(
          'resident',
          { data: seniorServices(idNumber) },
          'en',
          '/api/bundles/d1.senior-services/applications',
        ),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 422)).toHaveLength(9);
  });
});

function seniorServices(idNumber: string, busCard = false): Record<string, unknown> {
  return {
    person: { name: '刘淑珍', idNumber, birthDate: '1950-01-01', phone: '13800000021' },
    address: { residential: '北京市东城区和平街 21 号' },
    choice: { busCard, healthCheck: false },
    ...(busCard ? { 'm_d1_senior-bus-card': { cardType: 'new', delivery: 'counter' } } : {}),
    consent: true,
  };
}

const title = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const photoForm = {
  kind: 'form',
  key: 'one-open-photo',
  version: 1,
  title: title('带照片的申请', 'Application with a photo'),
  schema: {
    type: 'object',
    required: ['idNumber', 'photos'],
    properties: {
      idNumber: {
        type: 'string',
        title: '身份证号 / ID number',
        pattern: '^[0-9]{17}[0-9X]$',
        'x-sensitive': true,
        'x-element': 'person.idNumber',
      },
      photos: {
        type: 'array',
        title: '照片 / Photos',
        minItems: 1,
        maxItems: 5,
        'x-accept': ['image/jpeg', 'image/png'],
        items: attachmentReference,
      },
    },
  },
};
const photoMatter = {
  kind: 'matter',
  key: 'd1.one-open-photo',
  version: 1,
  title: title('带照片的申请', 'Application with a photo'),
  category: 'government-duty',
  lead: 'd1.minzheng',
  cooperating: [],
  timeLimit: { workingDays: 5 },
  legalBasis: [],
  materials: [],
  form: 'one-open-photo',
  oneOpenCasePer: 'person.idNumber',
  workflow: 'standard-approval',
};
