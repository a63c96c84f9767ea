import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkA11y, launchBrowser, newPage, signIn, type WatchedPage } from '../src/harness.js';
import { jsonFormsExamples, libraryForms, type GalleryTarget } from '../src/gallery-targets.js';
import { openGalleryPage } from '../src/gallery-page.js';

/**
 * Issue 13, must show: axe-core finds no serious or critical violation on the gallery pages, in zh-CN and
 * in English: the lists at both sizes, every library form in both languages, JSON Forms' examples (their
 * text is English) in English.
 */
const lists: GalleryTarget[] = [
  { name: 'gallery', path: '/designer/gallery' },
  { name: 'examples', path: '/designer/gallery/examples' },
];
const forms = libraryForms();
const examples = jsonFormsExamples();

describe('accessibility of the form gallery (axe-core: no serious or critical violation)', () => {
  const url = inject('tongbanUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const runs = [
    { language: 'zh-CN', width: 360, height: 740, targets: lists },
    { language: 'en', width: 360, height: 740, targets: lists },
    { language: 'zh-CN', width: 1280, height: 800, targets: [...lists, ...forms] },
    { language: 'en', width: 1280, height: 800, targets: [...lists, ...forms, ...examples] },
  ] as const;

  describe.each(runs)('in $language at $width x $height', ({ language, width, height, targets }) => {
    let watched: WatchedPage;
    beforeAll(async () => {
      watched = await newPage(browser, { width, height, language });
      await watched.page.goto(`${url}/designer/`);
      await signIn(watched.page, 'admin');
    });
    afterAll(async () => {
      await watched?.close();
    });

    it.each(targets)('should have no serious or critical violation on $name', async (target) => {
      const { page } = watched;
      if (target.path.endsWith('/gallery') || target.path.endsWith('/examples')) {
        await page.goto(`${url}${target.path}`);
        await page.getByRole('list').first().waitFor({ state: 'visible', timeout: 30_000 });
      } else await openGalleryPage(watched, `${url}${target.path}`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      expect(await checkA11y(page)).toEqual([]);
    });
  });
});
