import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditEvents, uploads } from '../../src/db/schema.js';
import { referencedUploadIds } from '../../src/uploads/upload-claim.js';
import { createHarness, type Harness } from '../support/harness.js';
import { attachmentReference, html, pdf, png } from '../support/files.js';

/**
 * Files for an application not yet submitted (decision 0021): a resident filling in a form has no case
 * to attach to, so the files are theirs alone until the case starts and takes them as its attachments,
 * same ids, in the transaction that writes it.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  for (const definition of [photoForm, photoWorkflow]) {
    await h.json('admin', 'POST', '/api/definitions', definition, 201);
    await h.json('admin', 'POST', `/api/definitions/${definition.kind}/${definition.key}/1/publish`);
  }
});
afterAll(async () => {
  await h?.close();
});

const title = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const photoForm = {
  kind: 'form',
  key: 'photo-report',
  version: 1,
  title: title('随手拍', 'Photo report'),
  schema: {
    type: 'object',
    required: ['what', 'photos'],
    properties: {
      what: { type: 'string', title: '情况 / What', minLength: 1, maxLength: 200 },
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
const photoWorkflow = {
  kind: 'workflow',
  key: 'photo-report-review',
  version: 1,
  title: title('审核', 'Review'),
  form: 'photo-report',
  machine: {
    initial: 'review',
    states: {
      review: {
        meta: {
          task: {
            title: title('审核', 'Review'),
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

interface UploadJson {
  id: string;
  name: string;
  contentType: string;
  size: number;
  createdAt: string;
}

async function upload(
  body: Buffer,
  type: string,
  name = 'photo.png',
  who = 'resident',
): Promise<LightMyRequestResponse> {
  return h.call(await h.login(who), {
    method: 'POST',
    url: `/api/uploads?${new URLSearchParams({ name }).toString()}`,
    payload: body,
    headers: { 'content-type': type, 'accept-language': 'en' },
  });
}

async function uploaded(body: Buffer, type: string, name?: string, who?: string): Promise<UploadJson> {
  const response = await upload(body, type, name, who);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<UploadJson>();
}

const asReference = (row: UploadJson) => ({
  id: row.id,
  name: row.name,
  type: row.contentType,
  size: row.size,
});

describe('uploads before a case exists', () => {
  it('should store a file for its owner, typed by its bytes, and give it back to them only', async () => {
    const bytes = png();
    const row = await uploaded(bytes, 'image/png', '门口.png');
    expect(row).toMatchObject({ name: '门口.png', contentType: 'image/png', size: bytes.length });
    expect(new Date(row.createdAt).toISOString()).toBe(row.createdAt);

    const mine = await h.call(await h.login('resident'), { method: 'GET', url: `/api/uploads/${row.id}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.equals(bytes)).toBe(true);
    expect(mine.headers['content-type']).toBe('image/png');
    expect(mine.headers['cache-control']).toBe('private, no-store');

    const theirs = await h.call(await h.login('minzheng'), { method: 'GET', url: `/api/uploads/${row.id}` });
    expect(theirs.statusCode).toBe(404);
  });

  it('should refuse a file whose bytes are not its declared type, and one of a type no counter takes', async () => {
    expect((await upload(html(), 'image/png')).statusCode).toBe(415);
    expect((await upload(Buffer.from('hello'), 'text/plain', 'notes.txt')).statusCode).toBe(415);
    expect((await upload(png(), 'image/png', 'a/b.png')).statusCode).toBe(400);
  });

  it('should let the owner remove an upload, and no one else', async () => {
    const row = await uploaded(pdf(), 'application/pdf', 'scan.pdf');
    const stranger = await h.call(await h.login('minzheng'), {
      method: 'DELETE',
      url: `/api/uploads/${row.id}`,
    });
    expect(stranger.statusCode).toBe(404);
    const owner = await h.call(await h.login('resident'), {
      method: 'DELETE',
      url: `/api/uploads/${row.id}`,
    });
    expect(owner.statusCode).toBe(204);
    const again = await h.call(await h.login('resident'), {
      method: 'DELETE',
      url: `/api/uploads/${row.id}`,
    });
    expect(again.statusCode).toBe(404);
  });

  it('should make the application’s uploads its case’s attachments, same ids, audited, when the case starts', async () => {
    // given: two photos of the resident's, and one of someone else's named in the same application
    const first = await uploaded(png(), 'image/png', '一.png');
    const second = await uploaded(png(), 'image/png', '二.png');
    const othersBytes = png();
    const others = await uploaded(othersBytes, 'image/png', 'staff.png', 'minzheng');
    // when
    const kase = await h.json<{ id: string }>(
      'resident',
      'POST',
      '/api/cases',
      {
        workflow: 'photo-report-review',
        data: { what: '路灯坏了', photos: [asReference(first), asReference(second), asReference(others)] },
      },
      201,
    );
    // then: the resident's two are the case's, under the same ids; the other person's stays theirs
    const listed = await h.items<{ id: string; name: string; contentType: string }>(
      'resident',
      'GET',
      `/api/cases/${kase.id}/attachments`,
    );
    expect(listed.map((item) => [item.id, item.name]).sort()).toEqual(
      [
        [first.id, '一.png'],
        [second.id, '二.png'],
      ].sort(),
    );
    const download = await h.call(await h.login('minzheng'), {
      method: 'GET',
      url: `/api/attachments/${first.id}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect((await h.request('resident', 'GET', `/api/uploads/${first.id}`)).statusCode).toBe(404);
    const stillTheirs = await h.runtime.db.select().from(uploads).where(eq(uploads.id, others.id));
    expect(stillTheirs).toHaveLength(1);
    const added = await h.runtime.db
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, kase.id), eq(auditEvents.action, 'attachment.added')));
    expect(added.map((entry) => (entry.data as { attachmentId: string }).attachmentId).sort()).toEqual(
      [first.id, second.id].sort(),
    );
  });

  it('should let an upload be taken by one case only', async () => {
    const photo = await uploaded(png(), 'image/png');
    const data = { what: '井盖缺失', photos: [asReference(photo)] };
    const one = await h.json<{ id: string }>(
      'resident',
      'POST',
      '/api/cases',
      { workflow: 'photo-report-review', data },
      201,
    );
    const two = await h.json<{ id: string }>(
      'resident',
      'POST',
      '/api/cases',
      { workflow: 'photo-report-review', data },
      201,
    );
    const owners = await h.runtime.db
      .select({ caseId: attachments.caseId })
      .from(attachments)
      .where(eq(attachments.id, photo.id));
    expect(owners).toEqual([{ caseId: one.id }]);
    expect(await h.items('resident', 'GET', `/api/cases/${two.id}/attachments`)).toEqual([]);
  });

  it('should give a bundle application’s uploads to the case of the matter whose section names them', async () => {
    // given: a matter with the photo form, and a one-thing bundle of it
    const matter = {
      kind: 'matter',
      key: 'd1.photo-report',
      version: 1,
      title: title('随手拍', 'Photo report'),
      category: 'government-duty',
      legalBasis: [title('《测试条例》第一条', 'Test regulation, article 1')],
      lead: 'd1.minzheng',
      cooperating: [],
      timeLimit: { workingDays: 5 },
      materials: [],
      form: 'photo-report',
      workflow: 'photo-report-review',
    };
    const bundle = {
      kind: 'bundle',
      key: 'd1.photo-bundle',
      version: 1,
      title: title('随手拍一件事', 'Photo report: one visit'),
      matters: [{ matter: 'd1.photo-report' }],
      timeLimit: { workingDays: 5 },
    };
    for (const definition of [matter, bundle]) {
      await h.json('admin', 'POST', '/api/definitions', definition, 201);
      await h.json('admin', 'POST', `/api/definitions/${definition.kind}/${definition.key}/1/publish`);
    }
    const photo = await uploaded(png(), 'image/png', '路口.png');
    // when
    const tracker = await h.json<{ items: Array<{ matter: string; caseId: string | null }> }>(
      'resident',
      'POST',
      '/api/bundles/d1.photo-bundle/applications',
      { data: { 'm_d1_photo-report': { what: '红绿灯不亮', photos: [asReference(photo)] }, consent: true } },
      201,
    );
    // then
    const caseId = tracker.items[0]?.caseId ?? '';
    const listed = await h.items<{ id: string }>('resident', 'GET', `/api/cases/${caseId}/attachments`);
    expect(listed.map((item) => item.id)).toEqual([photo.id]);
    expect(await h.runtime.db.select().from(uploads).where(eq(uploads.id, photo.id))).toEqual([]);
  });

  it('should find attachment references at any depth of the data, and nothing else', () => {
    const id = '0b6c5c52-1f5a-4d3e-9d7e-2d6f1c1e8a01';
    const ref = { id, name: 'a.png', type: 'image/png', size: 10 };
    expect(
      referencedUploadIds({ photos: [ref], group: { more: [{ scan: { ...ref, id: id.toUpperCase() } }] } }),
    ).toEqual([id]);
    expect(referencedUploadIds({ id, name: 'x' })).toEqual([]);
    expect(referencedUploadIds({ photos: [{ ...ref, id: 'not-a-uuid' }] })).toEqual([]);
  });
});
