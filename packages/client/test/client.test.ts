import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApp,
  createRuntime,
  demoPassword,
  loadConfig,
  openDatabase,
  seedDemo,
  type DatabaseHandle,
  type Runtime,
} from '@tongban/runtime';
import { createTongbanClient, TongbanApiError, unwrap, type TongbanClient } from '../src/index.js';

/** Node's fetch keeps no cookies; a browser does: this one keeps the session cookie as a browser would. */
function fetchWithCookies(): (input: Request) => Promise<Response> {
  let cookie = '';
  return async (input) => {
    if (cookie) input.headers.set('cookie', cookie);
    const response = await fetch(input);
    const session = response.headers.getSetCookie().find((value) => value.startsWith('tb_session='));
    if (session) cookie = session.split(';')[0] ?? '';
    return response;
  };
}

describe('the typed client against a running runtime', () => {
  let database: DatabaseHandle;
  let runtime: Runtime;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let baseUrl: string;
  let language = 'zh-CN';
  const client = (): TongbanClient =>
    createTongbanClient({ baseUrl, language: () => language, fetch: fetchWithCookies() });

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: '',
      REDIS_URL: '',
      TONGBAN_AUDIT_KEY: randomBytes(32).toString('hex'),
    });
    runtime = await createRuntime(config, { database, migrate: false });
    await seedDemo(runtime);
    app = await buildApp(runtime, { logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await runtime?.close();
    await database?.close();
  });

  it('should sign in and then call as the signed-in person (the session cookie goes along)', async () => {
    const api = client();
    const signedIn = await unwrap(
      api.POST('/api/auth/login', { body: { username: 'resident', password: demoPassword } }),
    );
    expect(signedIn).toMatchObject({ username: 'resident' });
    const me = await unwrap(api.GET('/api/auth/me'));
    expect(me).toMatchObject({ username: 'resident' });
  });

  it("should throw the runtime's error body, in the UI's language", async () => {
    const api = client();
    for (const [uiLanguage, words] of [
      ['zh-CN', /[\u4e00-\u9fff]/],
      ['en', /^[\x20-\x7e]+$/],
    ] as const) {
      language = uiLanguage;
      const failure = await unwrap(
        api.POST('/api/auth/login', { body: { username: 'resident', password: 'not-the-password' } }),
      ).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TongbanApiError);
      const error = failure as TongbanApiError;
      expect(error.status).toBe(401);
      expect(error.code).toMatch(/^TB_/);
      expect(error.message, uiLanguage).toMatch(words);
    }
    language = 'zh-CN';
  });

  it('should carry the paths of what was wrong, so a form can put each on its field', async () => {
    const api = client();
    const failure = await unwrap(
      // @ts-expect-error the generated types know a password is required; the runtime is asked anyway
      api.POST('/api/auth/login', { body: { username: 'resident' } }),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TongbanApiError);
    const error = failure as TongbanApiError;
    expect(error.status).toBe(400);
    expect(error.code).toBe('TB_REQUEST_INVALID');
    expect(error.details.map((detail) => detail.path)).toContain('/body/password');
  });

  it('should report a server that does not answer as a network error, status 0', async () => {
    const api = createTongbanClient({ baseUrl: 'http://127.0.0.1:9', language: () => 'en' });
    const failure = await unwrap(api.GET('/api/auth/me')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TongbanApiError);
    expect((failure as TongbanApiError).status).toBe(0);
    expect((failure as TongbanApiError).code).toBe('TB_NETWORK_UNREACHABLE');
  });
});
