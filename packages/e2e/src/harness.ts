import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './paths.js';

/**
 * The browser test harness (issue 13, part 7): the real `tongban start` on a free port with a fresh data
 * directory, Debian's chromium driven by playwright-core, screenshots under test-results/ and axe-core.
 */

export const chromiumPath = '/usr/bin/chromium';
/** The demo accounts' password (runtime/src/seed/seed.ts). */
export const demoPassword = 'Tongban2026!';
export const screenshotsDir = join(repoRoot, 'test-results');

export interface Tongban {
  /** Where the apps and the API answer, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  stop(): Promise<void>;
}

/** A port nobody listens on just now (the runtime binds it a moment later). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Starts the embedded runtime as a user does (`tongban start`: PGlite, local workers, the definitions
 * library and demo accounts on first start) on a free port with a fresh data directory, and waits until
 * `/api/health` answers; the runtime serves the built apps itself (runtime/src/web), on the same origin.
 */
export async function startTongban(options: { timeoutMs?: number } = {}): Promise<Tongban> {
  const timeoutMs = options.timeoutMs ?? 180_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TONGBAN_E2E_LOG_LEVEL ?? 'warn',
    TONGBAN_DATA_DIR: dataDir,
    // every browser test signs in from 127.0.0.1, some with a phone code twice within a minute (the
    // runtime's own tests prove these limits); a code lives 30 s, so that a test sees one expire
    TONGBAN_PHONE_CODE_INTERVAL_SECONDS: '1',
    TONGBAN_PHONE_CODES_PER_ADDRESS: '1000',
    TONGBAN_PHONE_CODES_PER_PHONE: '1000',
    TONGBAN_PHONE_CODE_SECONDS: '30',
  };
  // the embedded mode, whatever the test run's environment says (CI exports both for other projects)
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, [join(repoRoot, 'runtime/bin/tongban.mjs'), 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const apiUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(child, exited);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilHealthy(apiUrl, child, () => output, timeoutMs);
    if (!(await servesApps(apiUrl)))
      throw new Error(`tongban start at ${apiUrl} does not serve the built designer at /designer/`);
    return { url: apiUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`tongban start exited with ${child.exitCode} before it served:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`tongban start did not answer /api/health within ${timeoutMs} ms:\n${output()}`);
}

/** Whether the runtime serves the built designer itself (runtime/src/web, issue 13 part 5). */
async function servesApps(url: string): Promise<boolean> {
  const response = await fetch(`${url}/designer/`);
  await response.arrayBuffer();
  return response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html');
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  // a runtime that does not stop within 30 s is killed (the timer must not outlive the process)
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(killer);
}

/**
 * Debian's chromium, headless. playwright-core's `launch` gives every browser a fresh temporary profile
 * (its own --user-data-dir, removed on close); it refuses one passed in the arguments.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(
      `${chromiumPath} is missing: install Debian's chromium (apt-get install -y chromium fonts-noto-cjk); the browser tests never download a browser`,
    );
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors, in the order they came. */
  errors: string[];
  close(): Promise<void>;
}

export interface PageOptions {
  width: number;
  height: number;
  /** A BCP 47 tag: the browser's language (navigator.language, Accept-Language). */
  language?: 'zh-CN' | 'en';
  baseURL?: string;
}

/** A page in a context of its own (own cookies), at a size and a language, that records every error. */
export async function newPage(browser: Browser, options: PageOptions): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    locale: options.language ?? 'zh-CN',
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return { page, context, errors, close: () => context.close() };
}

/** Signs in as a demo account through the API: the page's context then carries the session cookie. */
export async function signIn(page: Page, username: string, baseURL?: string): Promise<void> {
  const origin = baseURL ?? new URL(page.url()).origin;
  const response = await page.request.post(`${origin}/api/auth/login`, {
    data: { username, password: demoPassword },
  });
  if (!response.ok())
    throw new Error(`sign-in as ${username} failed: ${response.status()} ${await response.text()}`);
}

/** A full-page screenshot at test-results/<name>.png (the repository's root); gives its path. */
export async function shoot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
  // from the top: a fixed header scrolled along would otherwise sit in the middle of the full page
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  /** CSS targets of the offending nodes (a few). */
  targets: string[];
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/**
 * axe-core on the page as it is now (WCAG 2.x A and AA and best practices): the serious and critical
 * violations. axe is evaluated through the DevTools protocol, so the page's CSP does not stand in its way
 * and is not loosened for the rest of the test.
 */
export async function checkA11y(page: Page): Promise<A11yViolation[]> {
  axeSource ??= (require('axe-core') as { source: string }).source;
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: Array<{
              id: string;
              impact?: string | null;
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.map(String).join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
