import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { launchBrowser, newPage, signIn, startTongban } from '../src/harness.js';
import { buildWebAppsIfStale } from '../src/web-build.js';

/**
 * The web bench (issue 13, `pnpm bench`): in Debian's chromium against the embedded runtime serving the
 * built designer, the weight of what rendering a form loads beyond the designer's first page (the renderer
 * set, JSON Forms and ajv: target <= 150 KB gz), a 100-field form rendered and interactive (target
 * < 300 ms at 1x CPU) and typing into it (target < 50 ms a keystroke), at 1x and 4x CPU. Figures only: no
 * assertion (timings on a shared machine are not a test).
 */

const fields = 100;
const formPath = `/designer/gallery/generated/${fields}`;
const rounds = 7;
const keystrokes = 20;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const max = (values: number[]) => Math.max(...values);

/** Moves inside the single-page app without a reload (the designer listens to popstate). */
async function goInApp(page: Page, path: string) {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** JavaScript the page loads from now on, by URL, with its gzipped size. */
function watchScripts(page: Page): Map<string, number> {
  const scripts = new Map<string, number>();
  page.on('response', (response: Response) => {
    if (!/javascript/.test(response.headers()['content-type'] ?? '')) return;
    void response
      .body()
      .then((body) => scripts.set(new URL(response.url()).pathname, gzipSync(body, { level: 6 }).length))
      .catch(() => undefined);
  });
  return scripts;
}

/** Time from asking for the form page (chunks cached) until its fields are in and the main thread is free. */
async function renderOnce(page: Page): Promise<number> {
  await goInApp(page, '/designer/');
  await page.getByTestId('form-preview').waitFor({ state: 'detached' });
  return page.evaluate(
    ({ path, fields }) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        const observer = new MutationObserver(() => {
          // rendered: every field has its input (no named helpers here: the page gets this as source)
          const inputs = document.querySelectorAll(
            '[data-testid="form-preview"] input, [data-testid="form-preview"] textarea, [data-testid="form-preview"] select',
          );
          if (inputs.length < fields) return;
          observer.disconnect();
          // interactive: painted, and the task queue reached after the paint
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
        });
        observer.observe(document.body, { childList: true, subtree: true });
        history.pushState(null, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
      }),
    { path: formPath, fields },
  );
}

/** Each keystroke's time from keydown until the frame after the form took it was painted. */
async function typeInto(page: Page): Promise<number[]> {
  const input = page
    .locator(
      '[data-testid="form-preview"] input[type="text"], [data-testid="form-preview"] input:not([type])',
    )
    .first();
  await input.click();
  await page.evaluate(() => {
    const timings: number[] = [];
    (window as unknown as { keystrokes: number[] }).keystrokes = timings;
    document.addEventListener(
      'keydown',
      () => {
        const started = performance.now();
        requestAnimationFrame(() => setTimeout(() => timings.push(performance.now() - started)));
      },
      { capture: true },
    );
  });
  for (let index = 0; index < keystrokes; index++) {
    await page.keyboard.press(String.fromCharCode(97 + (index % 26)));
    await page.waitForTimeout(120);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { keystrokes: number[] }).keystrokes);
}

async function main() {
  buildWebAppsIfStale();
  const tongban = await startTongban();
  const browser = await launchBrowser();
  console.log(`web bench: chromium ${browser.version()}, ${fields}-field form, median of ${rounds} renders`);
  try {
    const watched = await newPage(browser, { width: 1280, height: 800, language: 'en' });
    const { page } = watched;
    const scripts = watchScripts(page);
    await page.goto(`${tongban.url}/designer/`);
    await signIn(page, 'admin');
    await page.reload();
    await page.waitForLoadState('networkidle');
    const firstPage = new Map(scripts);
    await goInApp(page, formPath);
    await page.getByTestId('form-preview').waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    const formChunks = [...scripts].filter(([path]) => !firstPage.has(path));
    const firstPageBytes = [...firstPage.values()].reduce((sum, size) => sum + size, 0);
    const formBytes = formChunks.reduce((sum, [, size]) => sum + size, 0);
    console.log(`  designer first page JavaScript: ${kb(firstPageBytes)} gz (${firstPage.size} files)`);
    console.log(
      `  a form's chunks beyond it (renderer set, JSON Forms, ajv, the gallery page): ${kb(formBytes)} gz (target <= 150 KB)`,
    );
    for (const [path, size] of formChunks.sort((a, b) => b[1] - a[1]))
      console.log(`    ${kb(size).padStart(9)}  ${path}`);

    const cdp = await page.context().newCDPSession(page);
    for (const rate of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const renders: number[] = [];
      for (let round = 0; round < rounds; round++) renders.push(await renderOnce(page));
      const typing = await typeInto(page);
      console.log(
        `  ${rate}x CPU: ${fields}-field form rendered and interactive: median ${median(renders).toFixed(0)} ms, max ${max(renders).toFixed(0)} ms${rate === 1 ? ' (target < 300 ms)' : ''}`,
      );
      console.log(
        `  ${rate}x CPU: typing in it: median ${median(typing).toFixed(1)} ms, max ${max(typing).toFixed(1)} ms a keystroke over ${typing.length}${rate === 1 ? ' (target < 50 ms)' : ''}`,
      );
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (watched.errors.length > 0) console.log(`  errors on the page: ${watched.errors.join('; ')}`);
    await watched.close();
  } finally {
    await browser.close();
    await tongban.stop();
  }
}

await main();
