import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drafts } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/app.js';
import { demoPassword } from '../../src/seed/seed.js';
import { createHarness, type Harness } from '../support/harness.js';
import { dropRedisPrefix } from '../support/redis.js';

/**
 * Abuse limits, with the defaults an installation gets (the harness lifts them for other test files):
 * nobody, signed in or not, fills the drafts table from one address; nobody tries password after
 * password, whether on one name or on many names from one address; and nobody gets an account with a
 * password from the top of every leaked list, or the account's own name.
 */
let h: Harness;
beforeAll(async () => {
  // empty: loadConfig's defaults, the ones an installation runs with
  h = await createHarness({
    env: {
      TONGBAN_LOGINS_PER_ADDRESS: '',
      TONGBAN_LOGINS_PER_NAME: '',
      TONGBAN_DRAFT_SAVES_PER_ADDRESS: '',
      TONGBAN_DRAFT_OPENS_PER_ADDRESS: '',
      TONGBAN_MAX_DRAFT_KB: '',
    },
  });
});
afterAll(async () => {
  await h?.close();
});

interface ErrorJson {
  error: string;
  message: string;
  details: Array<{ path: string; message: string }>;
}

/** A request from a given client address (each test uses addresses of its own). */
const from = (
  app: FastifyInstance,
  remoteAddress: string,
  options: InjectOptions & { payload?: object },
): Promise<LightMyRequestResponse> => app.inject({ ...options, remoteAddress });

const login = (remoteAddress: string, username: string, password = 'not the password', app = h.app) =>
  from(app, remoteAddress, { method: 'POST', url: '/api/auth/login', payload: { username, password } });

const saveDraft = (remoteAddress: string, data: object = { note: '草稿' }, language?: string) =>
  from(h.app, remoteAddress, {
    method: 'POST',
    url: '/api/drafts',
    payload: { kind: 'bundle', key: 'd1.senior-services', data },
    ...(language ? { headers: { 'accept-language': language } } : {}),
  });

/** A 429 in the project's error shape, with Retry-After, worded in the caller's language. */
function expectRateLimited(response: LightMyRequestResponse, language: 'zh-CN' | 'en' = 'zh-CN') {
  expect(response.statusCode, response.body).toBe(429);
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = response.json() as ErrorJson;
  expect(body.error).toBe('TB_RATE_LIMITED');
  expect(body.message).toContain(String(retryAfter));
  if (language === 'zh-CN') expect(body.message).toMatch(/[\u4e00-\u9fff]/);
  else expect(body.message).toMatch(/try again in \d+ s/i);
}

describe('abuse limits: drafts', () => {
  it('should refuse a 31st draft saved from one address within a minute, with Retry-After, and not the next address', async () => {
    // given an anonymous visitor saving one draft after another from one address
    for (let i = 0; i < 30; i++) expect((await saveDraft('203.0.113.10')).statusCode).toBe(201);
    const before = await h.runtime.db.$count(drafts);

    // when the 31st arrives in the same minute
    const refused = await saveDraft('203.0.113.10');
    // then it is refused with 429 and told when to come back, and nothing is written
    expectRateLimited(refused);
    expectRateLimited(await saveDraft('203.0.113.10', {}, 'en'), 'en');
    expect(await h.runtime.db.$count(drafts)).toBe(before);

    // and someone at another address is not held up
    expect((await saveDraft('203.0.113.11')).statusCode).toBe(201);
  });

  it('should count saving a draft again against the same limit', async () => {
    const first = (await saveDraft('203.0.113.20')).json() as { token: string };
    for (let i = 0; i < 29; i++) {
      const again = await from(h.app, '203.0.113.20', {
        method: 'PUT',
        url: `/api/drafts/${first.token}`,
        payload: { data: { note: `第 ${i} 次` } },
      });
      expect(again.statusCode).toBe(200);
    }
    expectRateLimited(
      await from(h.app, '203.0.113.20', {
        method: 'PUT',
        url: `/api/drafts/${first.token}`,
        payload: { data: {} },
      }),
    );
  });

  it('should refuse a 61st resume code tried from one address within a minute, even the right one, and not the next address', async () => {
    // given someone trying resume codes from one address (a code is short enough to type, so guessable in bulk)
    const kept = (await saveDraft('203.0.113.40')).json() as { token: string };
    const open = (remoteAddress: string, code: string) =>
      from(h.app, remoteAddress, { method: 'GET', url: `/api/drafts/${code}` });
    for (let i = 0; i < 60; i++)
      expect(
        (await open('203.0.113.41', `${String(i).padStart(2, '2').replace(/[01]/g, '9')}ABCDEFGHJK`))
          .statusCode,
      ).toBe(404);

    // when the 61st try comes in the same minute, with a code that exists
    // then it is refused with 429 and told when to come back
    expectRateLimited(await open('203.0.113.41', kept.token));
    // and the person who was given the code opens it from elsewhere
    expect((await open('203.0.113.40', kept.token)).statusCode).toBe(200);
  });

  it('should refuse a draft over 256 KB with 413 naming the limit, in the caller language, and keep one under it', async () => {
    const before = await h.runtime.db.$count(drafts);
    const large = { note: 'x'.repeat(300 * 1024) };
    const zh = await saveDraft('203.0.113.30', large);
    expect(zh.statusCode, zh.body.slice(0, 300)).toBe(413);
    expect(zh.json()).toMatchObject({
      error: 'TB_PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('256 KB'),
    });
    expect((zh.json() as ErrorJson).message).toMatch(/[\u4e00-\u9fff]/);
    const en = await saveDraft('203.0.113.30', large, 'en');
    expect(en.json()).toMatchObject({ message: 'Too large; the limit is 256 KB' });
    expect(await h.runtime.db.$count(drafts)).toBe(before);

    // a draft a little under the cap is kept, and cannot be grown past it by saving it again
    const kept = await saveDraft('203.0.113.31', { note: 'x'.repeat(200 * 1024) });
    expect(kept.statusCode).toBe(201);
    const grown = await from(h.app, '203.0.113.31', {
      method: 'PUT',
      url: `/api/drafts/${(kept.json() as { token: string }).token}`,
      payload: { data: large },
    });
    expect(grown.statusCode).toBe(413);
  });
});

describe('abuse limits: sign-in', () => {
  it('should refuse the 21st sign-in from one address within a minute, whatever the names, even with the right password', async () => {
    // given 20 attempts with 20 different names from one address
    for (let i = 0; i < 20; i++) expect((await login('198.51.100.1', `guess-${i}`)).statusCode).toBe(401);
    // then the 21st, with yet another name, is refused before any password is checked
    expectRateLimited(await login('198.51.100.1', 'guess-20'));
    expectRateLimited(await login('198.51.100.1', 'resident', demoPassword));
    expectRateLimited(
      await from(h.app, '198.51.100.1', {
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'accept-language': 'en-GB,en;q=0.9' },
        payload: { username: 'guess-21', password: 'x' },
      }),
      'en',
    );
    // and the same person from another address signs in
    expect((await login('198.51.100.2', 'resident', demoPassword)).statusCode).toBe(200);
  });

  it('should refuse the 11th attempt on one name within a minute, even spread over 11 addresses', async () => {
    for (let i = 0; i < 10; i++) expect((await login(`192.0.2.${i + 1}`, 'minzheng')).statusCode).toBe(401);
    expectRateLimited(await login('192.0.2.100', 'minzheng'));
    // another name is not held up
    expect((await login('192.0.2.101', 'weijian', demoPassword)).statusCode).toBe(200);
  });

  it('should share the limits between API nodes through Redis in the scaled mode', async () => {
    const prefix = `tb-limits-${randomBytes(4).toString('hex')}`;
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const scaled = {
      ...h.runtime,
      config: { ...h.runtime.config, redisUrl, redisPrefix: prefix, loginsPerAddressPerMinute: 3 },
    };
    // given two API nodes over one Redis
    const nodes = [await buildApp(scaled, { logger: false }), await buildApp(scaled, { logger: false })];
    try {
      for (const node of nodes) await node.ready();
      const [one, two] = nodes as [FastifyInstance, FastifyInstance];
      // when one address signs in three times, alternating between them
      expect((await login('198.51.100.50', 'a-1', 'x', one)).statusCode).toBe(401);
      expect((await login('198.51.100.50', 'a-2', 'x', two)).statusCode).toBe(401);
      expect((await login('198.51.100.50', 'a-3', 'x', one)).statusCode).toBe(401);
      // then the fourth is refused by whichever node it reaches
      expectRateLimited(await login('198.51.100.50', 'a-4', 'x', two));
      expectRateLimited(await login('198.51.100.50', 'a-5', 'x', one));
    } finally {
      for (const node of nodes) await node.close();
      await dropRedisPrefix(prefix);
    }
  });
});

describe('abuse limits: passwords', () => {
  const create = async (username: string, password: string, language?: string) =>
    h.call(await h.login('admin'), {
      method: 'POST',
      url: '/api/users',
      ...(language ? { headers: { 'accept-language': language } } : {}),
      payload: { username, displayName: '测试', password, memberships: [{ role: 'resident' }] },
    });

  it.each([
    ['12345678', 'shorter than 10 characters', 400, '/body/password'],
    ['Ab1!xyz9', 'of 8 characters, however mixed', 400, '/body/password'],
    ['1234567890', 'among the most common passwords', 422, '/password'],
    ['qwertyuiop', 'a keyboard row, common', 422, '/password'],
    ['Password123', 'a common password with capitals', 422, '/password'],
    ['woaini1314', 'a common password in China', 422, '/password'],
  ])('should refuse the password %s (%s)', async (password, _what, status, path) => {
    const response = await create(`weak-${status}-${password.length}-${password.charCodeAt(0)}`, password);
    expect(response.statusCode, response.body).toBe(status);
    const body = response.json() as ErrorJson;
    if (status === 422) expect(body.error).toBe('TB_PASSWORD_WEAK');
    expect(body.details.map((detail) => detail.path)).toContain(path);
    for (const detail of body.details) expect(detail.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('should refuse a password that is the user name, or has it inside, in either language', async () => {
    const same = await create('wangxiaoming', 'wangxiaoming');
    expect(same.statusCode, same.body).toBe(422);
    expect(same.json()).toMatchObject({ error: 'TB_PASSWORD_WEAK', details: [{ path: '/password' }] });
    const inside = await create('wangxiaoming', 'WangXiaoming2026', 'en');
    expect(inside.statusCode, inside.body).toBe(422);
    expect((inside.json() as ErrorJson).details[0]?.message).toMatch(/user name/);
  });

  it('should accept the demo password and a long uncommon one, and sign in with them', async () => {
    for (const [username, password] of [
      ['demo-like', demoPassword],
      ['long-pass', 'correct horse battery staple'],
    ] as const) {
      const created = await create(username, password);
      expect(created.statusCode, created.body).toBe(201);
      expect((await login('198.51.100.200', username, password)).statusCode).toBe(200);
    }
  });
});
