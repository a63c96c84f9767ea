import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditEvents, outbox, ratings, reports, uploads } from '../../src/db/schema.js';
import { codeAlphabet } from '../../src/reports/follow-code.js';
import { createHarness, type Harness } from '../support/harness.js';
import { pdf, png } from '../support/files.js';

/**
 * 随手拍 (decision 0024): a resident reports a neighbourhood problem without an account, with a photo;
 * it goes to the lead department of its type; the reporter follows it by a code to closure, sees the
 * department's feedback and rates it once.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

interface ReportView {
  caseId: string;
  code?: string;
  status: string;
  step: { 'zh-CN': string; en: string } | null;
  department: { code: string; name: { 'zh-CN': string; en: string } } | null;
  dueAt: string | null;
  timeline: Array<{ at: string; what: { 'zh-CN': string; en: string }; who: { 'zh-CN': string } }>;
  feedback: { text: string; department: { 'zh-CN': string } } | null;
  rating: { score: string; reason: string | null } | null;
  canRate: boolean;
}
interface Photo {
  id: string;
  name: string;
  contentType: string;
  size: number;
  uploadToken: string;
}

const place = '和平街 3 号楼东侧';
const report = {
  category: 'garbage',
  description: '楼下垃圾堆了三天没人清理',
  place,
  community: 'd1.s1.c1',
};

/** A photo uploaded by someone without an account (with the token of their earlier photos, if any). */
function uploadPhoto(
  bytes: Buffer,
  type: string,
  token?: string,
  remoteAddress?: string,
): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method: 'POST',
    url: `/api/reports/photos?name=${encodeURIComponent('现场.png')}`,
    payload: bytes,
    headers: { 'content-type': type, ...(token ? { 'x-upload-token': token } : {}) },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

const reference = (photo: Photo) => ({
  id: photo.id,
  name: photo.name,
  type: photo.contentType,
  size: photo.size,
});

/** Moves a report's case to closure as the departments do: city management resolves, the grid worker confirms. */
async function close(caseId: string, feedback: string): Promise<void> {
  const kase = await h.json<{ tasks: Array<{ id: string; status: string }> }>(
    'chengguan',
    'GET',
    `/api/cases/${caseId}`,
  );
  const handle = kase.tasks.find((task) => task.status === 'open')?.id;
  await h.json('chengguan', 'POST', `/api/tasks/${handle}/claim`);
  const resolved = await h.json<{ openedTasks: Array<{ id: string }> }>(
    'chengguan',
    'POST',
    `/api/tasks/${handle}/complete`,
    { outcome: 'resolved', reason: feedback },
  );
  const verify = resolved.openedTasks[0]?.id;
  await h.json('grid', 'POST', `/api/tasks/${verify}/claim`);
  await h.json('grid', 'POST', `/api/tasks/${verify}/complete`, {
    outcome: 'confirmed',
    data: { verifiedOnSite: true },
  });
}

describe('a report made without an account', () => {
  it('should route it to the lead department of its type, take its photo, and answer a follow code that is stored only hashed', async () => {
    // given a photo uploaded by someone without an account
    const uploaded = await uploadPhoto(png(), 'image/png');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const photo = uploaded.json<Photo>();
    expect(photo.uploadToken).toMatch(/^[A-Za-z0-9_-]{32}$/);

    // when they report dumped garbage with it
    const filed = await h.json<ReportView>(
      null,
      'POST',
      '/api/reports',
      {
        ...report,
        photos: [reference(photo)],
        uploadToken: photo.uploadToken,
        position: { lat: 39.91, lng: 116.4 },
      },
      201,
    );

    // then a code of 10 unambiguous characters names a case of city management, with the photo attached
    expect(filed.code).toMatch(new RegExp(`^[${codeAlphabet}]{10}$`));
    expect(filed.status).toBe('active');
    expect(filed.department?.code).toBe('d1.chengguan');
    expect(filed.dueAt).not.toBeNull();
    const attached = await h.runtime.db
      .select()
      .from(attachments)
      .where(eq(attachments.caseId, filed.caseId));
    expect(attached.map((row) => row.id)).toEqual([photo.id]);
    expect(await h.runtime.db.select().from(uploads).where(eq(uploads.id, photo.id))).toEqual([]);
    const [row] = await h.runtime.db.select().from(reports).where(eq(reports.caseId, filed.caseId));
    expect(row?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(filed.code);
    // and city management finds it in its cases, with the place the browser gave
    const kase = await h.json<{ data: Record<string, unknown> }>(
      'chengguan',
      'GET',
      `/api/cases/${filed.caseId}`,
    );
    expect(kase.data).toMatchObject({
      eventType: 'garbage',
      location: place,
      position: { lat: 39.91, lng: 116.4 },
    });
  });

  it('should let the reporter follow it by the code as typed, see the feedback at closure, and rate it once', async () => {
    // given a report
    const filed = await h.json<ReportView>(null, 'POST', '/api/reports', report, 201);
    const code = filed.code as string;
    const typed = `${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`;

    // when they follow it before anything happened: where it is, in words, and no rating yet
    const open = await h.json<ReportView>(null, 'GET', `/api/reports/${encodeURIComponent(typed)}`);
    expect(open).toMatchObject({ status: 'active', canRate: false, feedback: null, rating: null });
    expect(open.step?.['zh-CN']).toBe('处置');
    expect(open.timeline[0]?.what['zh-CN']).toBe('收到您的反映');
    expect(open.timeline[0]?.who['zh-CN']).toBe('您');
    const early = await h.request(null, 'POST', `/api/reports/${code}/rating`, { score: 'good' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toBe('TB_NOT_RATEABLE');

    // when the departments close it, with city management's word of what it did
    await close(filed.caseId, '已清运，并在该处增设垃圾桶');
    const done = await h.json<ReportView>(null, 'GET', `/api/reports/${code}`);

    // then the reporter sees it closed, the feedback, and that they can rate it; no member of staff by name
    expect(done).toMatchObject({ status: 'done', canRate: true, step: null });
    expect(done.feedback).toMatchObject({
      text: '已清运，并在该处增设垃圾桶',
      department: { 'zh-CN': '东城区城市管理局' },
    });
    const words = done.timeline.map((entry) => entry.what['zh-CN']);
    // in the order it happened (all at one moment here: the report first, the steps, then closed)
    expect(words).toEqual(['收到您的反映', '开始处置', '完成处置', '开始现场核查', '完成现场核查', '已办结']);
    expect(JSON.stringify(done.timeline)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    // a bad rating needs a reason
    const reasonless = await h.request(null, 'POST', `/api/reports/${code}/rating`, { score: 'bad' });
    expect(reasonless.statusCode).toBe(400);
    expect(JSON.stringify(reasonless.json().details)).toContain('reason');

    // when they rate it bad with a reason, then it is rated, a follow-up is due, and once is all
    const rated = await h.json<ReportView>(
      null,
      'POST',
      `/api/reports/${code}/rating`,
      { score: 'bad', reason: '只清了一半' },
      201,
    );
    expect(rated).toMatchObject({ canRate: false, rating: { score: 'bad', reason: '只清了一半' } });
    const [rating] = await h.runtime.db.select().from(ratings).where(eq(ratings.caseId, filed.caseId));
    expect(rating).toMatchObject({ raterId: null, score: 'bad' });
    const rows = await h.runtime.db.select().from(outbox).where(eq(outbox.topic, 'rating.bad'));
    expect(rows.some((candidate) => candidate.payload.caseId === filed.caseId)).toBe(true);
    const entries = await h.runtime.db.select().from(auditEvents).where(eq(auditEvents.caseId, filed.caseId));
    expect(entries.find((entry) => entry.action === 'case.rated')).toMatchObject({ actorId: null });
    const again = await h.request(null, 'POST', `/api/reports/${code}/rating`, { score: 'good' });
    expect(again.statusCode).toBe(409);
  });

  it('should answer a wrong code with a plain 404, and slow down an address that guesses', async () => {
    const wrong = await h.request(null, 'GET', '/api/reports/ABCDE23456');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toMatchObject({ error: 'TB_REPORT_CODE_UNKNOWN' });
    expect(wrong.json().message).toContain('跟进码');
    const malformed = await h.request(null, 'GET', '/api/reports/not-a-code!');
    expect(malformed.statusCode).toBe(404);

    // an address that guesses 30 times in a minute is refused the 31st, however right it is
    const guesses: number[] = [];
    for (let index = 0; index < 31; index += 1) {
      const response = await h.app.inject({
        method: 'GET',
        url: `/api/reports/ABCDE${String(23456 + index).slice(0, 5)}`,
        remoteAddress: '203.0.113.7',
      });
      guesses.push(response.statusCode);
    }
    expect(guesses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(guesses[30]).toBe(429);
  });
});

describe('report photos without an account', () => {
  it('should take images only, and let a report name only photos its own token uploaded', async () => {
    // a PDF is not a photo
    const notPhoto = await uploadPhoto(pdf(), 'application/pdf');
    expect(notPhoto.statusCode).toBe(415);
    // an image declared as what it is not
    const disguised = await uploadPhoto(pdf(), 'image/png');
    expect(disguised.statusCode).toBe(415);

    // given two people's photos
    const mine = (await uploadPhoto(png(), 'image/png')).json<Photo>();
    const second = (await uploadPhoto(png(), 'image/png', mine.uploadToken)).json<Photo>();
    expect(second.uploadToken).toBe(mine.uploadToken);
    const theirs = (await uploadPhoto(png(), 'image/png')).json<Photo>();

    // when a report names someone else's photo with its own token, then it is refused at that photo
    const refused = await h.request(null, 'POST', '/api/reports', {
      ...report,
      photos: [reference(mine), reference(theirs)],
      uploadToken: mine.uploadToken,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0].path).toBe('/body/photos/1');
    // photos without their token are refused too, and nothing was taken
    const tokenless = await h.request(null, 'POST', '/api/reports', { ...report, photos: [reference(mine)] });
    expect(tokenless.statusCode).toBe(400);
    expect(await h.runtime.db.select().from(uploads).where(eq(uploads.id, theirs.id))).toHaveLength(1);
    expect(await h.runtime.db.select().from(uploads).where(eq(uploads.id, mine.id))).toHaveLength(1);
  });

  it('should count photos per address', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 31; index += 1)
      statuses.push((await uploadPhoto(png(), 'image/png', undefined, '198.51.100.4')).statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('a report by a signed-in resident', () => {
  it('should also be among their own cases', async () => {
    const filed = await h.json<ReportView>(
      'resident',
      'POST',
      '/api/reports',
      { ...report, category: 'illegal-parking' },
      201,
    );
    expect(filed.department?.code).toBeDefined();
    const mine = await h.items<{ id: string }>('resident', 'GET', '/api/cases/mine');
    expect(mine.map((kase) => kase.id)).toContain(filed.caseId);
  });

  it('should refuse a category no matter handles, naming it', async () => {
    const refused = await h.request(null, 'POST', '/api/reports', { ...report, category: 'other' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0].path).toBe('/body/category');
  });

  it('should offer the categories the responsibility list handles and the communities', async () => {
    const choices = await h.json<{ categories: Array<{ key: string }>; communities: Array<{ key: string }> }>(
      null,
      'GET',
      '/api/reports/choices',
    );
    expect(choices.categories.map((category) => category.key)).toEqual(
      expect.arrayContaining(['garbage', 'illegal-parking', 'fire-lane-blocked', 'unlicensed-business']),
    );
    expect(choices.categories.map((category) => category.key)).not.toContain('other');
    expect(choices.communities.map((community) => community.key)).toContain('d1.s1.c1');
  });
});
