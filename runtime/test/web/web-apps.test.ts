import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// the very step the build runs (scripts/compress-web.mjs), on the fixture
import { compressDir } from '../../../scripts/compress-web.mjs';
import { createHarness, type Harness } from '../support/harness.js';

const script = `console.log(${JSON.stringify('通办 '.repeat(600))});\n`;
const indexHtml = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>通办</title>
<script type="module" crossorigin src="/portal/assets/index-Abc123.js"></script></head>
<body><div id="root"></div></body></html>\n`;

/** A tiny build of the portal (index.html, a hashed script), the workbench left unbuilt. */
async function fixtureWebDir(): Promise<string> {
  const webDir = await mkdtemp(join(tmpdir(), 'tb-web-'));
  await mkdir(join(webDir, 'portal', 'assets'), { recursive: true });
  await writeFile(join(webDir, 'portal', 'index.html'), indexHtml);
  await writeFile(join(webDir, 'portal', 'assets', 'index-Abc123.js'), script);
  await writeFile(join(webDir, 'portal', 'robots.txt'), 'User-agent: *\n');
  await compressDir(join(webDir, 'portal'));
  await mkdir(join(webDir, 'designer'), { recursive: true });
  return webDir;
}

describe('the web apps on the API origin', () => {
  let harness: Harness;
  let webDir: string;
  beforeAll(async () => {
    webDir = await fixtureWebDir();
    harness = await createHarness({ env: { TONGBAN_WEB_DIR: webDir } });
  });
  afterAll(async () => {
    await harness?.close();
    await rm(webDir, { recursive: true, force: true });
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    harness.app.inject({ method: 'GET', url, headers });

  it('should lead a visitor of / to the portal', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/portal/');
    expect((await get('/portal')).headers.location).toBe('/portal/');
  });

  it("should answer the browser's question for an icon with no content rather than a 404", async () => {
    const response = await get('/favicon.ico');
    expect(response.statusCode).toBe(204);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it("should answer the app's page with no-cache and the security headers", async () => {
    const response = await get('/portal/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toBe(indexHtml);
    expect(response.headers['cache-control']).toBe('no-cache');
    const csp = String(response.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self' 'unsafe-eval'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ])
      expect(csp).toContain(directive);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('same-origin');
  });

  it('should cache hashed assets for a year and send them brotli or gzip compressed as asked', async () => {
    const brotli = await get('/portal/assets/index-Abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/javascript/);
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);
    expect(brotli.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 5);

    const gzip = await get('/portal/assets/index-Abc123.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await get('/portal/assets/index-Abc123.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it("should send the API's larger answers brotli or gzip compressed as asked, and small ones as they are", async () => {
    const plain = await get('/api/catalog/services', { 'accept-encoding': 'identity' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();

    const brotli = await get('/api/catalog/services', { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString())).toEqual(plain.json());
    expect(brotli.rawPayload.length).toBeLessThan(Buffer.byteLength(plain.body) / 4);

    const gzip = await get('/api/catalog/services', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());

    // a small answer costs more to compress than it saves
    const small = await get('/api/health', { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it("should give a deep link the app's index.html, and a missing file a 404", async () => {
    for (const url of ['/portal/cases/42', '/portal/matters/residence-permit?step=2']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toBe(indexHtml);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
    }
    for (const url of ['/portal/assets/missing-Zz9.js', '/portal/favicon.ico', '/portal/assets/x']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error, url).toBe('TB_ROUTE_NOT_FOUND');
    }
    expect((await get('/portal/robots.txt')).body).toBe('User-agent: *\n');
  });

  it('should never serve a file from outside the build', async () => {
    for (const url of ['/portal/../designer/x', '/portal/%2e%2e/%2e%2e/etc/passwd', '/portal/.env'])
      expect((await get(url)).body).not.toContain('root:');
    expect((await get('/portal/%2e%2e/%2e%2e/%2e%2e/etc/passwd')).statusCode).not.toBe(200);
  });

  it('should say how to build an app that is not built, as a page and not a JSON 404', async () => {
    for (const url of ['/workbench/', '/workbench/inbox', '/designer/']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(503);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.body, url).toContain('pnpm build:web');
      expect(response.body, url).toContain('网页应用尚未构建');
      expect(response.headers['content-security-policy'], url).toContain("default-src 'self'");
    }
  });

  it('should leave the API as it was: JSON answers under /api without the apps headers', async () => {
    const response = await get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toBeUndefined();
    const missing = await get('/api/no-such-route');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('TB_ROUTE_NOT_FOUND');
  });
});
