import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, shoot, signIn, type WatchedPage } from '../src/harness.js';
import { jsonFormsExamples, libraryForms, type GalleryTarget } from '../src/gallery-targets.js';
import { openGalleryPage } from '../src/gallery-page.js';

/**
 * Issue 13, must show: every form of definitions/ and every object-rooted example of @jsonforms/examples
 * renders in Chromium at 360x740 and 1280x800 with no "No applicable renderer" and no console error;
 * each is kept as test-results/gallery-<name>-<width>.png.
 */
const sizes = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const;
const forms = libraryForms();
const examples = jsonFormsExamples();

describe('the form gallery', () => {
  const url = inject('tongbanUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should know every library form and JSON Forms’ object-rooted examples', () => {
    expect(forms.length).toBeGreaterThanOrEqual(20);
    expect(examples.length).toBeGreaterThan(60);
  });

  describe.each(sizes)('at $width x $height', (size) => {
    let watched: WatchedPage;
    beforeAll(async () => {
      watched = await newPage(browser, { ...size, language: 'zh-CN' });
      await watched.page.goto(`${url}/designer/`);
      await signIn(watched.page, 'admin');
    });
    afterAll(async () => {
      await watched?.close();
    });

    const renders = async (target: GalleryTarget) => {
      const seen = await openGalleryPage(watched, `${url}${target.path}`);
      await shoot(watched.page, `gallery-${target.name}-${size.width}`);
      expect(seen, target.path).toEqual({ missingRenderers: 0, errors: [] });
    };

    it.each(forms)('should render the library form $name with sample data', renders);
    it.each(examples)('should render the JSON Forms example $name with its data', renders);
  });
});
