import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { memberships, outbox, phoneCodes, users } from '../../src/db/schema.js';
import { phoneKeyOf } from '../../src/messages/phone-number.js';
import { startWorkers, type Workers } from '../../src/workers/workers.js';
import { createHarness, type Harness } from '../support/harness.js';

/**
 * Sign-in by mobile number and one-time code (decision 0023), on the embedded mode's `log` channel: the
 * code goes out through the outbox and a worker into the development mailbox, where the test reads it as
 * a developer (and the browser tests) would. The phone-code limits are an installation's defaults here
 * (10 requests a minute per address, 3 per number); each test asks from addresses of its own.
 */
let h: Harness;
let workers: Workers;
const logged: string[] = [];
beforeAll(async () => {
  h = await createHarness({
    env: { TONGBAN_PHONE_CODES_PER_ADDRESS: '', TONGBAN_PHONE_CODES_PER_PHONE: '' },
  });
  workers = await startWorkers(h.runtime, {
    queues: ['notifications'],
    log: (message) => logged.push(message),
  });
});
afterAll(async () => {
  await workers?.stop();
  await h?.close();
});

interface ErrorJson {
  error: string;
  message: string;
  details: Array<{ path: string; message: string }>;
}
interface AccountJson {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}
interface MailJson {
  id: string;
  to: string;
  text: string;
  createdAt: string;
}

/** Each test's numbers: 139 0000 <test><n>, never one another test uses. */
let nextPhone = 13900000000;
const newPhone = () => String(++nextPhone);
let nextAddress = 1;
const newAddress = () => `198.51.100.${nextAddress++}`;

const post = (
  url: string,
  payload: object,
  options: { address?: string; language?: string } = {},
): Promise<LightMyRequestResponse> =>
  h.app.inject({
    method: 'POST',
    url,
    payload,
    remoteAddress: options.address ?? '198.51.100.250',
    ...(options.language ? { headers: { 'accept-language': options.language } } : {}),
  } satisfies InjectOptions);

const askCode = (phone: string, options: { address?: string; language?: string } = {}) =>
  post('/api/auth/phone-codes', { phone }, options);
const signIn = (phone: string, code: string, language?: string) =>
  post('/api/auth/phone-sign-in', { phone, code }, language ? { language } : {});

/** The newest message the development mailbox holds for `phone`, once the worker has put it there. */
async function mailFor(phone: string, after?: string): Promise<MailJson> {
  return vi.waitFor(
    async () => {
      const page = await h.json<{ items: MailJson[] }>(null, 'GET', `/api/dev/mailbox?to=${phone}`);
      const [newest] = page.items;
      if (!newest || newest.id === after) throw new Error(`no new message for ${phone} yet`);
      return newest;
    },
    { timeout: 20_000, interval: 50 },
  );
}

const codeIn = (mail: MailJson): string => {
  const match = /\d{6}/.exec(mail.text);
  if (!match) throw new Error(`no code in "${mail.text}"`);
  return match[0];
};

/** Asks a code for `phone` and reads it from the mailbox. */
async function codeFor(phone: string, language?: string): Promise<{ code: string; mail: MailJson }> {
  const before = (await h.json<{ items: MailJson[] }>(null, 'GET', `/api/dev/mailbox?to=${phone}`)).items[0];
  const asked = await askCode(phone, { address: newAddress(), ...(language ? { language } : {}) });
  expect(asked.statusCode, asked.body).toBe(202);
  const mail = await mailFor(phone, before?.id);
  return { code: codeIn(mail), mail };
}

function expectError(response: LightMyRequestResponse, status: number, code: string): ErrorJson {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json<ErrorJson>();
  expect(body.error).toBe(code);
  return body;
}

const sessionOf = (response: LightMyRequestResponse): string => {
  const cookie = response.cookies.find((candidate) => candidate.name === 'tb_session');
  if (!cookie) throw new Error('no session cookie');
  expect(cookie.httpOnly).toBe(true);
  return `tb_session=${cookie.value}`;
};

const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('phone sign-in: asking for a code', () => {
  it('should answer 202 with the same body for a number with an account and one without, never with the code', async () => {
    // given a number that has signed in before (so it has an account) and one that never has
    const known = newPhone();
    const { code } = await codeFor(known);
    expect((await signIn(known, code)).statusCode).toBe(200);
    h.clock.advance(61_000);

    // when each asks for a code
    const forKnown = await askCode(known, { address: newAddress() });
    const forUnknown = await askCode(newPhone(), { address: newAddress() });

    // then both get the same answer, which says how long the code works and nothing about it
    expect(forKnown.statusCode).toBe(202);
    expect(forUnknown.statusCode).toBe(202);
    expect(forKnown.json()).toEqual({ expiresInSeconds: 300, resendInSeconds: 60 });
    expect(forUnknown.json()).toEqual(forKnown.json());
    expect(forKnown.body).not.toMatch(/\d{6}/);
  });

  it('should deliver the code to the development mailbox in the asker language, and keep neither number nor code in clear', async () => {
    const phone = newPhone();
    const { code, mail } = await codeFor(phone);
    expect(mail.text).toContain('验证码');
    expect(mail.to).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    h.clock.advance(61_000);
    const english = await codeFor(phone, 'en');
    expect(english.mail.text).toMatch(/sign-in code is \d{6}/);

    // the code's row, the outbox row and the worker's log hold neither in clear
    const rows = await h.runtime.db.execute(sql`select * from phone_codes`);
    const outboxRows = await h.runtime.db.select().from(outbox).where(eq(outbox.topic, 'message'));
    const stored = JSON.stringify([rows, outboxRows]);
    expect(outboxRows.length).toBeGreaterThan(0);
    for (const secret of [phone, code, english.code]) expect(stored).not.toContain(secret);
    expect(logged.join('\n')).not.toContain(phone);
    expect(logged.some((line) => line.includes(mail.to))).toBe(true);
  });

  it('should refuse a number that is not a mainland mobile number, naming the field', async () => {
    for (const phone of ['1380013800', '12800138000', '+8613800138000', '1380013800a']) {
      const body = expectError(await askCode(phone, { address: newAddress() }), 400, 'TB_REQUEST_INVALID');
      expect(body.details.map((detail) => detail.path)).toContain('/body/phone');
    }
    expect(await h.runtime.db.$count(phoneCodes)).toBeGreaterThan(0);
  });

  it('should send at most one code a minute to a number, saying when to ask again', async () => {
    const phone = newPhone();
    expect((await askCode(phone, { address: newAddress() })).statusCode).toBe(202);

    // when the person asks again 30 s later (three requests a minute for one number: the limit's)
    h.clock.advance(30_000);
    const laterResponse = await askCode(phone, { address: newAddress(), language: 'en' });
    const later = expectError(laterResponse, 429, 'TB_PHONE_CODE_TOO_SOON');
    expect(later.message).toBe('A code was sent just now; you can ask for another in 30 s');
    expect(laterResponse.headers['retry-after']).toBe('30');

    // a minute after the first, it goes
    h.clock.advance(31_000);
    expect((await askCode(phone, { address: newAddress() })).statusCode).toBe(202);
  });

  it('should send at most ten codes a day to a number', async () => {
    // given a number sent nine codes over the day so far (the per-minute limit counts real minutes, so
    // they are written as the service writes them rather than asked for in one real minute)
    const phone = newPhone();
    const phoneKey = phoneKeyOf(h.runtime.audit.key, phone);
    const start = h.clock.now().getTime();
    await h.runtime.db.insert(phoneCodes).values(
      Array.from({ length: 9 }, (_, i) => ({
        id: randomUUID(),
        phoneKey,
        codeHash: '00'.repeat(32),
        createdAt: new Date(start - (9 - i) * 3_600_000),
        expiresAt: new Date(start - (9 - i) * 3_600_000 + 300_000),
      })),
    );
    // the tenth goes, the eleventh (a minute later) is refused
    expect((await askCode(phone, { address: newAddress() })).statusCode).toBe(202);
    h.clock.advance(61_000);
    const refused = expectError(
      await askCode(phone, { address: newAddress(), language: 'en' }),
      429,
      'TB_PHONE_CODES_TOO_MANY',
    );
    expect(refused.message).toMatch(/try again tomorrow/);
    // once the first of them is a day old, the number may have a code again
    h.clock.set(new Date(start - 9 * 3_600_000 + 86_400_000 + 1000).toISOString());
    expect((await askCode(phone, { address: newAddress() })).statusCode).toBe(202);
  });

  it('should limit the requests for one number, and from one address, per minute', async () => {
    // one number asked for from many addresses: the fourth in a minute is refused by the limit itself
    const phone = newPhone();
    expect((await askCode(phone, { address: newAddress() })).statusCode).toBe(202);
    expectError(await askCode(phone, { address: newAddress() }), 429, 'TB_PHONE_CODE_TOO_SOON');
    expectError(await askCode(phone, { address: newAddress() }), 429, 'TB_PHONE_CODE_TOO_SOON');
    const limited = expectError(await askCode(phone, { address: newAddress() }), 429, 'TB_RATE_LIMITED');
    expect(limited.message).toMatch(/\d+/);

    // one address asking for many numbers: the eleventh in a minute is refused, with Retry-After
    const address = newAddress();
    for (let i = 0; i < 10; i++) expect((await askCode(newPhone(), { address })).statusCode).toBe(202);
    const refused = await askCode(newPhone(), { address });
    expectError(refused, 429, 'TB_RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // and another address is not held up
    expect((await askCode(newPhone(), { address: newAddress() })).statusCode).toBe(202);
  });
});

describe('phone sign-in: signing in with the code', () => {
  it('should make a resident account on a number first sign-in, with the session cookie, and reuse it the next time', async () => {
    // given a number nobody has signed in with
    const phone = newPhone();
    const usersBefore = await h.runtime.db.$count(users);
    const { code } = await codeFor(phone);

    // when the person signs in with the code
    const first = await signIn(phone, code);

    // then they are a resident, shown by their masked number, and the cookie is a session
    expect(first.statusCode, first.body).toBe(200);
    const account = first.json<AccountJson>();
    expect(account.roles).toEqual(['resident']);
    expect(account.displayName).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    expect(account.username).not.toContain(phone.slice(3));
    const me = await h.call(sessionOf(first), { method: 'GET', url: '/api/auth/me' });
    expect(me.json<AccountJson>().id).toBe(account.id);
    expect(await h.runtime.db.$count(users)).toBe(usersBefore + 1);
    const [row] = await h.runtime.db.select().from(users).where(eq(users.id, account.id));
    expect(JSON.stringify(row)).not.toContain(phone);
    expect(row?.phoneKey).toMatch(/^[0-9a-f]{64}$/);
    expect(
      await h.runtime.db.select().from(memberships).where(eq(memberships.userId, account.id)),
    ).toMatchObject([{ role: 'resident', department: '' }]);

    // and the next sign-in with a new code is the same account, no new one
    h.clock.advance(61_000);
    const again = await signIn(phone, (await codeFor(phone)).code);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<AccountJson>().id).toBe(account.id);
    expect(await h.runtime.db.$count(users)).toBe(usersBefore + 1);
    // and no password opens that account
    const password = await post('/api/auth/login', { username: account.username, password: '!phone' });
    expectError(password, 401, 'TB_LOGIN_FAILED');
  });

  it('should take a code once', async () => {
    const phone = newPhone();
    const { code } = await codeFor(phone);
    expect((await signIn(phone, code)).statusCode).toBe(200);
    const second = expectError(await signIn(phone, code), 401, 'TB_PHONE_CODE_WRONG');
    expect(second.details.map((detail) => detail.path)).toEqual(['/body/code']);
  });

  it('should refuse an expired code, saying it has expired and to ask for a new one', async () => {
    const phone = newPhone();
    const { code } = await codeFor(phone);
    // a second after its five minutes
    h.clock.advance(5 * 60_000 + 1000);
    const zh = expectError(await signIn(phone, code), 401, 'TB_PHONE_CODE_EXPIRED');
    expect(zh.message).toBe('验证码已过期，请重新获取');
    const en = expectError(await signIn(phone, code, 'en'), 401, 'TB_PHONE_CODE_EXPIRED');
    expect(en.message).toBe('The code has expired; ask for a new one');
    expect(en.details).toEqual([{ path: '/body/code', message: 'The code has expired; ask for a new one' }]);
    // a new code works
    expect((await signIn(phone, (await codeFor(phone)).code)).statusCode).toBe(200);
  });

  it('should let a code work just before it expires', async () => {
    const phone = newPhone();
    const { code } = await codeFor(phone);
    h.clock.advance(5 * 60_000 - 1000);
    expect((await signIn(phone, code)).statusCode).toBe(200);
  });

  it('should end a code after five wrong tries, saying how many are left before', async () => {
    const phone = newPhone();
    const { code } = await codeFor(phone);
    const wrong = wrongOf(code);
    for (let left = 4; left >= 1; left--) {
      const body = expectError(await signIn(phone, wrong, 'en'), 401, 'TB_PHONE_CODE_WRONG');
      expect(body.details[0]?.message).toContain(`${left} more`);
    }
    expectError(await signIn(phone, wrong), 401, 'TB_PHONE_CODE_TRIES');
    // the right code no longer works either
    const after = expectError(await signIn(phone, code, 'en'), 401, 'TB_PHONE_CODE_TRIES');
    expect(after.message).toMatch(/ask for a new one/);
    // a new code does
    h.clock.advance(61_000);
    expect((await signIn(phone, (await codeFor(phone)).code)).statusCode).toBe(200);
  });

  it('should take only the newest code of a number', async () => {
    const phone = newPhone();
    const older = await codeFor(phone);
    h.clock.advance(61_000);
    const newer = await codeFor(phone);
    if (older.code !== newer.code) expectError(await signIn(phone, older.code), 401, 'TB_PHONE_CODE_WRONG');
    expect((await signIn(phone, newer.code)).statusCode).toBe(200);
  });

  it('should answer a number that never asked for a code as a wrong code, and refuse a malformed code by its path', async () => {
    expectError(await signIn(newPhone(), '123456'), 401, 'TB_PHONE_CODE_WRONG');
    const malformed = expectError(await signIn(newPhone(), '12345'), 400, 'TB_REQUEST_INVALID');
    expect(malformed.details.map((detail) => detail.path)).toContain('/body/code');
  });
});

describe('the development mailbox', () => {
  it('should list recent messages newest first', async () => {
    const first = newPhone();
    const second = newPhone();
    h.clock.advance(1000);
    await codeFor(first);
    h.clock.advance(1000);
    await codeFor(second);
    const { items } = await h.json<{ items: MailJson[] }>(null, 'GET', '/api/dev/mailbox?limit=2');
    expect(items.map((mail) => mail.to)).toEqual(
      [second, first].map((p) => `${p.slice(0, 3)}****${p.slice(7)}`),
    );
    expect(Date.parse(items[0]?.createdAt ?? '')).toBeGreaterThan(Date.parse(items[1]?.createdAt ?? ''));
  });
});
