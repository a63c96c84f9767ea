import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drafts } from '../../src/db/schema.js';
import { createHarness, type Harness } from '../support/harness.js';

/**
 * Drafts: a resident saves an application half done, signed in or not, and resumes it from any device
 * with the token it was given, or from "my applications"; the step reached comes back with it, and a
 * draft left alone long enough is gone.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

interface DraftJson {
  id: string;
  token?: string;
  kind: string;
  key: string;
  ownerId: string | null;
  data: Record<string, unknown>;
  step: number;
  expiresAt: string;
}

const halfNewborn = { child: { name: '王小宝', gender: 'male' }, mother: { name: '李娜' } };

describe('drafts', () => {
  it('should let someone without an account save a draft and resume it on another device with its token', async () => {
    // when an anonymous visitor saves the newborn application at step 2
    const saved = await h.request(null, 'POST', '/api/drafts', {
      kind: 'bundle',
      key: 'd1.newborn',
      data: halfNewborn,
      step: 2,
    });
    expect(saved.statusCode).toBe(201);
    const draft = saved.json() as DraftJson;
    // a resume code a person can copy by hand: 12 characters without look-alikes (0/O, 1/I/L)
    expect(draft.token).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/);
    expect(draft.ownerId).toBeNull();
    expect(draft.expiresAt).toBe('2026-04-08T01:00:00.000Z'); // 30 days after Monday 2026-03-09 09:00

    // then only the token's hash is kept
    const [row] = await h.runtime.db.select().from(drafts).where(eq(drafts.id, draft.id));
    expect(row?.tokenHash).toBe(
      createHash('sha256')
        .update(draft.token as string)
        .digest('hex'),
    );
    expect(JSON.stringify(row)).not.toContain(draft.token);

    // when it is opened elsewhere with the token, changed and saved at step 3 a day later
    const resumed = await h.request(null, 'GET', `/api/drafts/${draft.token}`);
    expect(resumed.json()).toMatchObject({ data: halfNewborn, step: 2, kind: 'bundle', key: 'd1.newborn' });
    expect(resumed.json()).not.toHaveProperty('token');
    h.clock.advance(24 * 3600_000);
    const more = { ...halfNewborn, person: { phone: '13800000001' } };
    const again = await h.request(null, 'PUT', `/api/drafts/${draft.token}`, { data: more, step: 3 });
    expect(again.statusCode).toBe(200);
    // then the step and the data are kept, and the expiry starts over
    expect(again.json()).toMatchObject({ data: more, step: 3, expiresAt: '2026-04-09T01:00:00.000Z' });
    expect((await h.request(null, 'GET', `/api/drafts/${draft.token}`)).json()).toMatchObject({ step: 3 });

    // and a token nobody was given opens nothing
    expect((await h.request(null, 'GET', `/api/drafts/${'A'.repeat(12)}`)).statusCode).toBe(404);
    expect((await h.request(null, 'GET', `/api/drafts/${'A'.repeat(43)}`)).statusCode).toBe(404);
  });

  it("should list a signed-in resident's drafts under my applications, and nobody else's", async () => {
    const saved = (
      await h.request('resident', 'POST', '/api/drafts', {
        kind: 'matter',
        key: 'd1.subsistence-allowance',
        data: { applicantName: '张三' },
      })
    ).json() as DraftJson;
    expect(saved.ownerId).not.toBeNull();

    const mine = await h.items<DraftJson>('resident', 'GET', '/api/me/drafts');
    expect(mine.map((draft) => draft.id)).toContain(saved.id);
    expect(mine.every((draft) => draft.token === undefined)).toBe(true);
    expect((await h.request('resident', 'GET', `/api/me/drafts/${saved.id}`)).json()).toMatchObject({
      step: 0,
    });

    const theirs = await h.items<DraftJson>('grid', 'GET', '/api/me/drafts');
    expect(theirs.map((draft) => draft.id)).not.toContain(saved.id);
    expect((await h.request('grid', 'GET', `/api/me/drafts/${saved.id}`)).statusCode).toBe(404);
    expect((await h.request(null, 'GET', '/api/me/drafts')).statusCode).toBe(401);
  });

  it('should refuse a draft of something that does not exist, and throw one away on request', async () => {
    const unknown = await h.request(null, 'POST', '/api/drafts', {
      kind: 'bundle',
      key: 'd1.nothing',
      data: {},
    });
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as { details: Array<{ path: string }> }).details[0]?.path).toBe('/key');

    const draft = (
      await h.request(null, 'POST', '/api/drafts', { kind: 'bundle', key: 'd1.senior-services', data: {} })
    ).json() as DraftJson;
    expect((await h.request(null, 'DELETE', `/api/drafts/${draft.token}`)).statusCode).toBe(204);
    expect((await h.request(null, 'GET', `/api/drafts/${draft.token}`)).statusCode).toBe(404);
  });

  it('should forget a draft once it has expired', async () => {
    const draft = (
      await h.request(null, 'POST', '/api/drafts', {
        kind: 'bundle',
        key: 'd1.senior-services',
        data: { choice: { busCard: true } },
      })
    ).json() as DraftJson;
    h.clock.set(draft.expiresAt);
    h.clock.advance(1000);
    expect((await h.request(null, 'GET', `/api/drafts/${draft.token}`)).statusCode).toBe(404);
    expect((await h.request(null, 'PUT', `/api/drafts/${draft.token}`, { data: {} })).statusCode).toBe(404);
    // and the next draft saved clears it out of the table
    await h.request(null, 'POST', '/api/drafts', { kind: 'bundle', key: 'd1.senior-services', data: {} });
    expect(await h.runtime.db.select().from(drafts).where(eq(drafts.id, draft.id))).toEqual([]);
  });
});
