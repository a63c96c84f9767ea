import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormDefinition } from '@tongban/engine';
import fc from 'fast-check';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiError } from '../../../runtime/src/errors/api-error.js';
import { assertFormData } from '../../../runtime/src/forms/form-validator.js';
import { formSamples } from '../../../runtime/test/support/form-samples.js';
import { launchBrowser, newPage, shoot, signIn, type WatchedPage } from '../src/harness.js';
import { repoRoot } from '../src/paths.js';

/**
 * Issue 13, must show: for every library form, generated answers (most of them breaking a rule or two)
 * get the same verdict from the renderer set in Chromium as from the server's validator. The browser's
 * verdict is read off the gallery's "check answers" page, which renders the form with <TongbanForm> and
 * says whether the answers fit; the server's is the runtime's own `assertFormData`. The server refuses one
 * thing more on purpose (decision 0013): a property the form never asked for, which no renderer writes.
 */
const samplesPerForm = 8;
const seed = 20_261_202;

const forms = readdirSync(join(repoRoot, 'definitions/forms'))
  .filter((file) => file.endsWith('.json'))
  .map(
    (file) => JSON.parse(readFileSync(join(repoRoot, 'definitions/forms', file), 'utf8')) as FormDefinition,
  )
  .sort((a, b) => a.key.localeCompare(b.key));

function serverAccepts(form: FormDefinition, data: unknown): boolean {
  try {
    assertFormData(form, data);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'TB_FORM_DATA_INVALID') return false;
    throw error;
  }
}

/** Verdicts across every form, so that the agreement is shown to mean something. */
const overall = { accepted: 0, refused: 0 };

describe('the renderer set in the browser and the server give every answer the same verdict', () => {
  const url = inject('tongbanUrl');
  let browser: Browser;
  let watched: WatchedPage;
  beforeAll(async () => {
    browser = await launchBrowser();
    watched = await newPage(browser, { width: 1280, height: 800, language: 'en' });
    await signIn(watched.page, 'admin', url);
  });
  afterAll(async () => {
    await watched?.close();
    await browser?.close();
  });

  it('should know the library’s forms', () => {
    expect(forms.length).toBeGreaterThanOrEqual(20);
  });

  it.each(forms.map((form) => ({ key: form.key, form })))(
    `should agree on ${samplesPerForm} generated answers to the form $key`,
    async ({ form }) => {
      const { page } = watched;
      watched.errors.length = 0;
      await page.goto(`${url}/designer/gallery/${encodeURIComponent(form.key)}/check`);
      const answers = page.getByLabel('Answers (JSON)');
      await answers.waitFor();
      // the page's first round: the gallery's sample answers
      let round = 1;
      await page.locator(`[role="status"][data-round="${round}"]`).waitFor();
      const samples = fc.sample(formSamples(form.schema as Record<string, unknown>), {
        numRuns: samplesPerForm,
        seed,
      });
      for (const { data, undeclared } of samples) {
        await answers.fill(JSON.stringify(data));
        await page.getByRole('button', { name: 'Check', exact: true }).click();
        round += 1;
        const verdict = page.locator(`[role="status"][data-round="${round}"]`);
        await verdict.waitFor();
        const inBrowser = (await verdict.getAttribute('data-verdict')) === 'valid';
        const onServer = serverAccepts(form, data);
        overall[onServer ? 'accepted' : 'refused'] += 1;
        expect(onServer, `${form.key}: ${JSON.stringify(data)}`).toBe(inBrowser && !undeclared);
      }
      // the renderers neither crashed nor complained on answers they were never meant to meet
      expect(watched.errors).toEqual([]);
      if (form.key === 'senior-card') await shoot(page, 'gallery-check-senior-card-1280');
    },
  );

  it('should have met both verdicts often enough', () => {
    const total = overall.accepted + overall.refused;
    expect(total).toBe(forms.length * samplesPerForm);
    expect(overall.accepted).toBeGreaterThan(total / 20);
    expect(overall.refused).toBeGreaterThan(total / 20);
  });
});
