import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { deadLetters } from '../../src/db/schema.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { startWorkers, type Workers } from '../../src/workers/workers.js';
import { dropRedisPrefix } from '../support/redis.js';
import { openTestDatabase, testDriver } from '../support/test-database.js';

/**
 * The SMS webhook channel in the scaled mode (decision 0023): PostgreSQL, BullMQ on the real Redis at
 * 127.0.0.1:6379 under a prefix of this run's own, a worker process's notifications queue. BullMQ's own
 * retries (exponential from 1 s, five tries) carry a message past a gateway's 500s, and its last failure
 * becomes the database's dead letter. The embedded mode's local driver is tested in
 * phone-code-webhook.test.ts; this file runs in the PostgreSQL project only.
 */
// the pglite project leaves this file out (runtime/vitest.config.ts): run anywhere else, it says so
if (testDriver() !== 'postgres')
  throw new Error(
    'phone-code-webhook-scaled.test.ts belongs to the PostgreSQL project: the scaled mode runs on PostgreSQL',
  );
const redisPrefix = `tb-test-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

const plans = new Map<string, number[]>();
const received: Array<{ id: string; to: string; params: { code: string } }> = [];
let gateway: Server;
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let runtime: Runtime;
let workers: Workers;

beforeAll(async () => {
  gateway = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as (typeof received)[number];
      received.push(message);
      const status = plans.get(message.to)?.shift() ?? 200;
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const { port } = gateway.address() as AddressInfo;
  database = await openTestDatabase();
  runtime = await createRuntime(
    loadConfig({
      ...process.env,
      DATABASE_URL: '',
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      TONGBAN_SMS_WEBHOOK_URL: `http://127.0.0.1:${port}/sms`,
    }),
    { database, migrate: false, redisPrefix },
  );
  workers = await startWorkers(runtime, { queues: ['notifications'], departments: [] });
});
afterAll(async () => {
  await workers?.stop();
  await runtime?.close();
  await database?.close();
  await dropRedisPrefix(redisPrefix);
  await new Promise((resolve) => gateway?.close(resolve));
});

let nextPhone = 13500000000;
const newPhone = () => String(++nextPhone);
const sentTo = (phone: string) => received.filter((message) => message.to === phone);
const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 50_000, interval: 100 });

describe('the SMS webhook channel on BullMQ', () => {
  it('should deliver a code past a gateway answering 500 first, with the same message id', async () => {
    const phone = newPhone();
    plans.set(phone, [500]);
    await runtime.phoneSignIn.issue(phone, 'zh-CN');
    await eventually(() => expect(sentTo(phone)).toHaveLength(2));
    const [first, second] = sentTo(phone);
    expect(second?.id).toBe(first?.id);
    expect(second?.params.code).toMatch(/^\d{6}$/);
    // and the code delivered signs in
    const signedIn = await runtime.phoneSignIn.signIn(phone, second?.params.code ?? '');
    expect(signedIn.created).toBe(true);
  });

  it('should make a dead letter of a message the gateway refused every try', async () => {
    const phone = newPhone();
    plans.set(phone, [500, 500, 500, 500, 500]);
    await runtime.phoneSignIn.issue(phone, 'en');
    const [letter] = await eventually(async () => {
      const letters = await runtime.db.select().from(deadLetters).where(eq(deadLetters.name, 'send'));
      expect(letters).toHaveLength(1);
      return letters;
    });
    expect(letter).toMatchObject({ queue: 'notifications', attempts: 5 });
    expect(sentTo(phone)).toHaveLength(5);
    expect(JSON.stringify(letter)).not.toContain(phone);
  });
});
