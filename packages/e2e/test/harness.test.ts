import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkA11y, launchBrowser, newPage, signIn } from '../src/harness.js';

/** The harness itself: the shared runtime answers, a page signs in as a demo account, errors are recorded. */
describe('the browser test harness', () => {
  const url = inject('tongbanUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should serve the API and the built designer on one origin', async () => {
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { ok: boolean }).ok).toBe(true);
    const designer = await fetch(`${url}/designer/gallery`);
    expect(designer.status).toBe(200);
    expect(designer.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('should sign in as a demo account so that the page carries the session', async () => {
    const { page, close } = await newPage(browser, { width: 360, height: 740 });
    try {
      await page.goto(`${url}/designer/`);
      await signIn(page, 'admin');
      const me = await page.request.get(`${url}/api/auth/me`);
      expect(me.status()).toBe(200);
      expect(JSON.stringify(await me.json())).toContain('admin');
    } finally {
      await close();
    }
  });

  it('should record console errors and uncaught errors of the page', async () => {
    const { page, errors, close } = await newPage(browser, { width: 1280, height: 800 });
    try {
      await page.goto(`${url}/designer/`);
      await page.evaluate(() => {
        console.error('harness probe');
        setTimeout(() => {
          throw new Error('harness uncaught probe');
        });
      });
      await page.waitForTimeout(100);
      expect(errors).toContain('console: harness probe');
      expect(errors.some((error) => error.includes('harness uncaught probe'))).toBe(true);
    } finally {
      await close();
    }
  });

  it('should find a serious accessibility violation that axe-core reports', async () => {
    const { page, close } = await newPage(browser, { width: 1280, height: 800, language: 'en' });
    try {
      await page.goto(`${url}/designer/`);
      // an image without any text alternative is a critical violation (image-alt)
      await page.evaluate(() => {
        const image = document.createElement('img');
        image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        document.body.append(image);
      });
      const violations = await checkA11y(page);
      expect(violations.map((violation) => violation.id)).toContain('image-alt');
    } finally {
      await close();
    }
  });
});
