import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { buildApp } from '../../src/http/app.js';
import { demoPassword, seedDemo } from '../../src/seed/seed.js';
import { openTestDatabase } from './test-database.js';
import { watchSerialization } from './serialization.js';

/** A clock the test moves by hand; starts on a Monday morning in Shanghai. */
export class FakeClock {
  constructor(private instant = Date.parse('2026-03-09T09:00:00+08:00')) {}
  now = (): Date => new Date(this.instant);
  advance(ms: number): void {
    this.instant += ms;
  }
  set(iso: string): void {
    this.instant = Date.parse(iso);
  }
}

export interface Harness {
  app: FastifyInstance;
  runtime: Runtime;
  clock: FakeClock;
  /** Signs in a demo account and returns its session cookie. */
  login(username: string): Promise<string>;
  /** A request as the given session (or anonymous). */
  call(cookie: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** A request as a demo account (signed in once, then remembered), or anonymous when `username` is null. */
  request(
    username: string | null,
    method: Method,
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse>;
  /** The same, expecting `expected` (200) and giving the JSON body; a mismatch names the call and its body. */
  json<T>(
    username: string | null,
    method: Method,
    url: string,
    payload?: object,
    expected?: number,
  ): Promise<T>;
  /** A list route's items (every list is `{ items, nextCursor }`), expecting 200 and one page only. */
  items<T>(username: string | null, method: Method, url: string): Promise<T[]>;
  close(): Promise<void>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HarnessOptions {
  /** Environment for loadConfig over the process's (an empty value means loadConfig's default). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Abuse limits (sign-ins, draft saves) lifted: a test file signs in many accounts from one address.
 * The abuse-limit tests name the limits they test in `env` (see abuse-limits.test.ts).
 */
const liftedLimits = {
  TONGBAN_LOGINS_PER_ADDRESS: '1000000',
  TONGBAN_LOGINS_PER_NAME: '1000000',
  TONGBAN_DRAFT_SAVES_PER_ADDRESS: '1000000',
  TONGBAN_DRAFT_OPENS_PER_ADDRESS: '1000000',
  TONGBAN_PHONE_CODES_PER_ADDRESS: '1000000',
  TONGBAN_PHONE_CODES_PER_PHONE: '1000000',
};

/**
 * The whole runtime on a database of its own, seeded with the definitions library and the demo accounts.
 * Queues are the local driver's even when the environment names a Redis (CI does): a shared Redis would
 * mix every test file's jobs under one key prefix. Scaled-mode tests make runtimes of their own.
 */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const database = await openTestDatabase();
  const clock = new FakeClock();
  // the attachments of this file's runtime go to a directory of its own, removed at the end
  const attachmentsDir = await mkdtemp(join(tmpdir(), 'tb-attachments-'));
  const env = {
    ...process.env,
    ...liftedLimits,
    TONGBAN_ATTACHMENTS_DIR: attachmentsDir,
    ...options.env,
    DATABASE_URL: '',
    REDIS_URL: '',
  };
  const runtime = await createRuntime(loadConfig(env), {
    database,
    clock: clock.now,
    migrate: false,
  });
  await seedDemo(runtime);
  const app = await buildApp(runtime, { logger: process.env.TEST_LOG ? { level: 'error' } : false });
  // every answer of every test file is checked against what its route returned (no field dropped)
  const losses = watchSerialization(app);
  await app.ready();
  const cookies = new Map<string, string>();
  const call = (cookie: string | null, options: InjectOptions) =>
    app.inject({ ...options, headers: { ...(options.headers ?? {}), ...(cookie ? { cookie } : {}) } });
  const harness: Harness = {
    app,
    runtime,
    clock,
    async login(username) {
      const cached = cookies.get(username);
      if (cached) return cached;
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: demoPassword },
      });
      if (response.statusCode !== 200)
        throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
      const setCookie = response.cookies.find((cookie) => cookie.name === 'tb_session');
      if (!setCookie) throw new Error('no session cookie');
      const cookie = `tb_session=${setCookie.value}`;
      cookies.set(username, cookie);
      return cookie;
    },
    call,
    async request(username, method, url, payload) {
      const cookie = username === null ? null : await harness.login(username);
      return call(cookie, { method, url, ...(payload ? { payload } : {}) });
    },
    async json<T>(username: string | null, method: Method, url: string, payload?: object, expected = 200) {
      const response = await harness.request(username, method, url, payload);
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(expected);
      return response.json() as T;
    },
    async items<T>(username: string | null, method: Method, url: string) {
      const page = await harness.json<{ items: T[]; nextCursor: string | null }>(username, method, url);
      expect(page.nextCursor, `${method} ${url}: more than one page`).toBeNull();
      return page.items;
    },
    async close() {
      await app.close();
      await runtime.close();
      await database.close();
      await rm(attachmentsDir, { recursive: true, force: true });
      expect(losses, 'fields a response schema dropped or changed').toEqual([]);
    },
  };
  return harness;
}

export const applicantData = {
  applicantName: '张三',
  idNumber: '11010519491231002X',
  phone: '13800000000',
  address: '和平街 1 号',
  amount: 300,
};
