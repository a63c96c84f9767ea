import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deadLetters } from '../../src/db/schema.js';
import { startWorkers, type Workers } from '../../src/workers/workers.js';
import { createHarness, type Harness } from '../support/harness.js';

/**
 * The scaled mode's SMS channel (decision 0023): with TONGBAN_SMS_WEBHOOK_URL set, a sign-in code is
 * POSTed as JSON to the gateway's webhook by the notifications queue's worker; a failed try is retried
 * with backoff by the queue driver, and after the last it is a dead letter an administrator can send
 * again. The gateway here is an HTTP server of the test's own on 127.0.0.1, answering as each test says.
 */
interface Received {
  id: string;
  to: string;
  text: string;
  template: string;
  params: Record<string, string>;
  createdAt: string;
  authorization: string | undefined;
}

/** What the gateway answers each number with, in turn (then 200); everything it was sent. */
const plans = new Map<string, number[]>();
const received: Received[] = [];
let gateway: Server;
let h: Harness;
let workers: Workers;

const readJson = async (request: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
};

beforeAll(async () => {
  gateway = createServer((request, response) => {
    void readJson(request).then((body) => {
      const message = { ...(body as unknown as Received), authorization: request.headers.authorization };
      received.push(message);
      const plan = plans.get(message.to) ?? [];
      const status = plan.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const { port } = gateway.address() as AddressInfo;
  h = await createHarness({
    env: {
      TONGBAN_SMS_WEBHOOK_URL: `http://127.0.0.1:${port}/sms`,
      TONGBAN_SMS_WEBHOOK_TOKEN: 'gateway-secret',
    },
  });
  workers = await startWorkers(h.runtime, { queues: ['notifications'] });
});
afterAll(async () => {
  await workers?.stop();
  await h?.close();
  await new Promise((resolve) => gateway?.close(resolve));
});

let nextPhone = 13600000000;
const newPhone = () => String(++nextPhone);

const askCode = (phone: string) =>
  h.app.inject({ method: 'POST', url: '/api/auth/phone-codes', payload: { phone } });

const sentTo = (phone: string) => received.filter((message) => message.to === phone);

/** Waits for what the worker does in its own time (no timing is asserted: only that it happens). */
const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 30_000, interval: 50 });

describe('the SMS webhook channel', () => {
  it('should POST the message as JSON to the gateway, with the bearer token, and the code in it signs in', async () => {
    const phone = newPhone();
    expect((await askCode(phone)).statusCode).toBe(202);
    const [message] = await eventually(() => {
      const list = sentTo(phone);
      expect(list).toHaveLength(1);
      return list;
    });
    expect(message).toMatchObject({
      to: phone,
      template: 'sign-in-code',
      params: { code: expect.stringMatching(/^\d{6}$/), minutes: '5' },
      authorization: 'Bearer gateway-secret',
    });
    expect(message?.text).toContain(message?.params.code);
    const signedIn = await h.app.inject({
      method: 'POST',
      url: '/api/auth/phone-sign-in',
      payload: { phone, code: message?.params.code },
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
  });

  it('should not keep a development mailbox when messages go to a gateway', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/dev/mailbox' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'TB_ROUTE_NOT_FOUND' });
  });

  it('should try again after the gateway answers 500, sending the same message id', async () => {
    const phone = newPhone();
    plans.set(phone, [500]);
    const lettersBefore = await h.runtime.db.$count(deadLetters);
    expect((await askCode(phone)).statusCode).toBe(202);
    const [first, second] = await eventually(() => {
      const list = sentTo(phone);
      expect(list).toHaveLength(2);
      return list;
    });
    expect(second?.id).toBe(first?.id);
    expect(second?.params.code).toBe(first?.params.code);
    expect(await h.runtime.db.$count(deadLetters)).toBe(lettersBefore);
  });

  it('should keep a message the gateway refused every try as a dead letter without the number or the code, and send it again on retry', async () => {
    const phone = newPhone();
    plans.set(phone, [500, 500, 500, 500, 500]);
    expect((await askCode(phone)).statusCode).toBe(202);
    const [letter] = await eventually(async () => {
      const letters = await h.runtime.db.select().from(deadLetters).where(eq(deadLetters.name, 'send'));
      expect(letters).toHaveLength(1);
      return letters;
    });
    expect(sentTo(phone)).toHaveLength(5);
    expect(letter).toMatchObject({ queue: 'notifications', attempts: 5 });
    expect(letter?.error).toContain('500');
    const code = sentTo(phone)[0]?.params.code ?? '';
    expect(JSON.stringify(letter)).not.toContain(phone);
    expect(JSON.stringify(letter)).not.toContain(code);

    // when an administrator sends it again, once the gateway is back
    const retried = await h.request('admin', 'POST', `/api/admin/dead-letters/${letter?.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    await eventually(() => expect(sentTo(phone)).toHaveLength(6));
    expect(sentTo(phone)[5]?.params.code).toBe(code);
  });
});
