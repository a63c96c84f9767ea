import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditEvents } from '../../src/db/schema.js';
import { applicantData, createHarness, type Harness } from '../support/harness.js';
import { html, jpeg, pdf, png, webp, zip } from '../support/files.js';

/**
 * Documents residents and staff attach to a case: streamed to storage as they arrive (never held whole
 * in memory), typed by their bytes and not by what the sender claims, downloaded only by those who may
 * read the case, and every download on the case's audit chain.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const megabyte = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface AttachmentJson {
  id: string;
  caseId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  material: string | null;
}

async function apply(matter = 'd1.senior-allowance'): Promise<string> {
  return (
    await h.json<{ id: string }>('resident', 'POST', '/api/cases', { matter, data: applicantData }, 201)
  ).id;
}

/** Uploads `body` as the file's bytes, `type` as its declared Content-Type. */
async function upload(
  caseId: string,
  body: Buffer | Readable,
  type: string,
  query: Record<string, string> = { name: 'scan.pdf' },
  who = 'resident',
): Promise<LightMyRequestResponse> {
  return h.call(await h.login(who), {
    method: 'POST',
    url: `/api/cases/${caseId}/attachments?${new URLSearchParams(query).toString()}`,
    payload: body,
    headers: { 'content-type': type, 'accept-language': 'en' },
  });
}

/** Every file the store holds, temporary ones included. */
function storedFiles(): string[] {
  const root = h.runtime.config.attachmentsDir;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  try {
    return walk(root);
  } catch {
    return [];
  }
}

const attachmentRows = (caseId: string) =>
  h.runtime.db.select().from(attachments).where(eq(attachments.caseId, caseId));

describe('attachments', () => {
  it('should stream a document to storage and give the very same bytes back, typed and never sniffed', async () => {
    // given a resident's case and a 3 MB scan
    const caseId = await apply();
    const scan = pdf(3 * megabyte);

    // when the resident uploads it as it is, its type in Content-Type and its name in the query
    const response = await upload(caseId, scan, 'application/pdf', { name: '户口簿 第1页.pdf' });

    // then it is stored under its SHA-256, outside the database
    expect(response.statusCode, response.body).toBe(201);
    const added = response.json<AttachmentJson>();
    expect(added).toMatchObject({
      caseId,
      name: '户口簿 第1页.pdf',
      contentType: 'application/pdf',
      size: scan.length,
      sha256: sha256(scan),
      material: null,
    });
    const [row] = await attachmentRows(caseId);
    expect(row?.content ?? null).toBeNull();
    expect(storedFiles().filter((path) => path.endsWith(sha256(scan)))).toHaveLength(1);

    // and the handling department downloads exactly those bytes, as a download a browser never sniffs
    const download = await h.request('minzheng', 'GET', `/api/attachments/${added.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(scan)).toBe(true);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(scan.length),
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('户口簿 第1页.pdf')}`,
    });
    expect(download.headers['cache-control']).toContain('no-store');

    // and the case lists it
    const listed = await h.items<AttachmentJson>('resident', 'GET', `/api/cases/${caseId}/attachments`);
    expect(listed.map((entry) => entry.id)).toEqual([added.id]);
  });

  it.each([
    ['a PDF', pdf(), 'application/pdf'],
    ['a JPEG photo', jpeg(), 'image/jpeg'],
    ['a PNG', png(), 'image/png'],
    ['a WebP photo', webp(), 'image/webp'],
  ])('should take %s sent as what it is', async (_what, bytes, type) => {
    const caseId = await apply();
    const response = await upload(caseId, bytes, type, { name: 'document' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<AttachmentJson>().contentType).toBe(type);
  });

  it.each([
    ['a web page sent as a PNG', html(), 'image/png', 'TB_FILE_TYPE_MISMATCH'],
    ['a PNG sent as a PDF', png(), 'application/pdf', 'TB_FILE_TYPE_MISMATCH'],
    ['a ZIP (a .docx) sent as a PDF', zip(), 'application/pdf', 'TB_FILE_TYPE_MISMATCH'],
    [
      'bytes of no known type sent as a JPEG',
      Buffer.from('just some text, no image'),
      'image/jpeg',
      'TB_FILE_TYPE_MISMATCH',
    ],
    ['a web page sent as what it is', html(), 'text/html', 'TB_UNSUPPORTED_MEDIA_TYPE'],
    ['a ZIP sent as what it is', zip(), 'application/zip', 'TB_UNSUPPORTED_MEDIA_TYPE'],
    ['a file without a declared type', pdf(), 'application/octet-stream', 'TB_UNSUPPORTED_MEDIA_TYPE'],
    [
      'JSON, as the upload once was',
      Buffer.from('{"name":"a.pdf","content":"JVBERi0="}'),
      'application/json',
      'TB_UNSUPPORTED_MEDIA_TYPE',
    ],
  ])('should refuse %s with 415, keeping nothing', async (_what, bytes, type, code) => {
    const caseId = await apply();
    const filesBefore = storedFiles();
    const response = await upload(caseId, bytes, type);
    expect(response.statusCode, response.body).toBe(415);
    expect(response.json()).toMatchObject({
      error: code,
      details: [{ path: '/headers/content-type' }],
    });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(await attachmentRows(caseId)).toEqual([]);
    expect(storedFiles()).toEqual(filesBefore);
  });

  it("should take a material's document only as the types the material accepts, naming them", async () => {
    // given a residence permit application, whose passport photo must be a JPEG or a PNG
    const caseId = await apply('d1.residence-permit');

    // when the resident sends a PDF as the photo, then it is refused with the types the photo takes
    const asPdf = await upload(caseId, pdf(), 'application/pdf', { name: 'photo.pdf', material: 'photo' });
    expect(asPdf.statusCode, asPdf.body).toBe(415);
    const refusal = asPdf.json<{ error: string; details: Array<{ path: string; message: string }> }>();
    expect(refusal.error).toBe('TB_UNSUPPORTED_MEDIA_TYPE');
    expect(refusal.details[0]?.message).toContain('image/jpeg, image/png');

    // and a JPEG photo is taken, for that material; a PDF of the ID card is fine (any type counters take)
    const photo = await upload(caseId, jpeg(), 'image/jpeg', { name: 'photo.jpg', material: 'photo' });
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json<AttachmentJson>().material).toBe('photo');
    const idCard = await upload(caseId, pdf(), 'application/pdf', { name: 'id.pdf', material: 'id-card' });
    expect(idCard.statusCode, idCard.body).toBe(201);

    // and a material the matter does not ask for is refused by name
    const unknown = await upload(caseId, pdf(), 'application/pdf', { name: 'x.pdf', material: 'passport' });
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(unknown.json()).toMatchObject({ details: [{ path: '/querystring/material' }] });
  });

  it.each([
    ['declaring its length', (bytes: Buffer) => bytes],
    [
      'without declaring its length (chunked)',
      (bytes: Buffer) => Readable.from([bytes.subarray(0, 5 * megabyte), bytes.subarray(5 * megabyte)]),
    ],
  ])('should refuse a file one byte over 10 MB with 413, %s, keeping nothing', async (_how, body) => {
    const caseId = await apply();
    const filesBefore = storedFiles();
    const response = await upload(caseId, body(pdf(10 * megabyte + 1)), 'application/pdf');
    expect(response.statusCode, response.body).toBe(413);
    expect(response.json()).toMatchObject({
      error: 'TB_PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('10 MB'),
    });
    expect(await attachmentRows(caseId)).toEqual([]);
    expect(storedFiles()).toEqual(filesBefore);

    // while exactly 10 MB is taken
    const full = await upload(caseId, body(pdf(10 * megabyte)), 'application/pdf');
    expect(full.statusCode, full.body).toBe(201);
  });

  it('should refuse an empty file', async () => {
    const caseId = await apply();
    const response = await upload(caseId, Buffer.alloc(0), 'application/pdf');
    expect(response.statusCode, response.body).toBe(400);
    expect(await attachmentRows(caseId)).toEqual([]);
  });

  it("should record every download on the case's audit chain: who, which document", async () => {
    // given an uploaded document
    const caseId = await apply();
    const added = (await upload(caseId, png(), 'image/png', { name: 'id.png' })).json<AttachmentJson>();

    // when the resident and then civil affairs download it
    for (const who of ['resident', 'minzheng'])
      expect((await h.request(who, 'GET', `/api/attachments/${added.id}`)).statusCode).toBe(200);

    // then there are two download events on the chain, each naming the reader and the document
    const events = await h.runtime.db
      .select({ actorId: auditEvents.actorId, data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.action, 'attachment.downloaded')));
    const readers = await Promise.all(
      ['resident', 'minzheng'].map(
        async (who) => (await h.json<{ id: string }>(who, 'GET', '/api/auth/me')).id,
      ),
    );
    expect(events.map((event) => event.actorId)).toEqual(readers);
    for (const event of events)
      expect(event.data).toMatchObject({ attachmentId: added.id, name: 'id.png', sha256: added.sha256 });

    // and a refused download records nothing
    expect((await h.request('renshe', 'GET', `/api/attachments/${added.id}`)).statusCode).toBe(404);
    const after = await h.runtime.db
      .select({ actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.action, 'attachment.downloaded')));
    expect(after).toHaveLength(2);
  });

  it("should answer alike for no such attachment and for someone else's", async () => {
    // given the resident's document, which human resources (renshe) has nothing to do with
    const caseId = await apply();
    const added = (await upload(caseId, pdf(), 'application/pdf')).json<AttachmentJson>();

    // when renshe asks for it, and for an attachment that does not exist
    const theirs = await h.request('renshe', 'GET', `/api/attachments/${added.id}`);
    const missing = await h.request('renshe', 'GET', '/api/attachments/00000000-0000-4000-8000-000000000000');

    // then both answers are the same, to the byte
    expect(theirs.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(theirs.body).toBe(missing.body);
    expect(theirs.headers['content-type']).toBe(missing.headers['content-type']);

    // and so for uploading to someone else's case and to no case at all
    const toTheirs = await upload(caseId, pdf(), 'application/pdf', { name: 'x.pdf' }, 'renshe');
    const toNone = await upload(
      '00000000-0000-4000-8000-000000000000',
      pdf(),
      'application/pdf',
      { name: 'x.pdf' },
      'renshe',
    );
    expect(toTheirs.statusCode).toBe(404);
    expect(toTheirs.body).toBe(toNone.body);
    expect(await attachmentRows(caseId)).toHaveLength(1);
  });
});

describe('X-Content-Type-Options', () => {
  it('should be nosniff even on a request the HTTP parser cannot read', async () => {
    // given the app listening on a real socket
    const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);

    // when something that is not HTTP arrives
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });

    // then the answer is a 400 in the one error shape, with the header
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head?.toLowerCase()).toContain('x-content-type-options: nosniff');
    expect(JSON.parse(body ?? '')).toMatchObject({ error: 'TB_REQUEST_INVALID', details: [] });
  });

  it('should be nosniff on every response: data, downloads, errors of every kind, the docs', async () => {
    const caseId = await apply();
    const cookie = await h.login('resident');
    const added = (await upload(caseId, pdf(), 'application/pdf')).json<AttachmentJson>();
    const responses = await Promise.all([
      h.call(null, { method: 'GET', url: '/api/health' }),
      h.call(cookie, { method: 'GET', url: `/api/cases/${caseId}` }),
      h.call(cookie, { method: 'GET', url: `/api/attachments/${added.id}` }),
      h.call(null, { method: 'GET', url: `/api/cases/${caseId}` }), // 401
      h.call(cookie, { method: 'GET', url: '/api/attachments/not-an-id' }), // 400
      h.call(cookie, { method: 'GET', url: '/api/no-such-route' }), // 404
      h.call(cookie, { method: 'GET', url: '/api/cases/%E0%A4%A' }), // an undecodable URL
      h.call(cookie, {
        method: 'POST',
        url: '/api/cases',
        payload: '{',
        headers: { 'content-type': 'application/json' },
      }),
      h.call(cookie, {
        method: 'POST',
        url: '/api/cases',
        payload: 'a',
        headers: { 'content-type': 'text/plain' },
      }),
      upload(caseId, html(), 'image/png'), // 415
      h.call(null, { method: 'GET', url: '/api/openapi.json' }),
      h.call(null, { method: 'GET', url: '/api/docs' }),
    ]);
    for (const response of responses)
      expect(
        response.headers['x-content-type-options'],
        `${response.statusCode} ${response.body.slice(0, 200)}`,
      ).toBe('nosniff');
  });
});
