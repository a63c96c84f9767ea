import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkA11y, freePort, launchBrowser, newPage, shoot, type WatchedPage } from '../src/harness.js';
import { repoRoot } from '../src/paths.js';
import { descriptionOf, field, heading } from '../src/fields.js';

/**
 * Issue 13, must show: the wizard in a browser. The senior bus card application (a Categorization:
 * about you, how to reach you, your card, and a postal address step shown only when the card is
 * posted) on the wizard's test page (packages/ui/test/wizard-page), which keeps it as a draft through
 * the runtime's /api/drafts as the portal will. Walked by labels and roles, in zh-CN at a phone's
 * size and in English at a desk's, with screenshots of each page at both sizes in both languages.
 */

interface Words {
  language: 'zh-CN' | 'en';
  continue: string;
  back: string;
  change: string;
  saveAndReview: string;
  send: string;
  progress: (position: number, total: number) => string;
  steps: { about: string; contact: string; card: string; postal: string; review: string };
  fields: { name: string; idNumber: string; birthDate: string; phone: string; address: string };
  choices: { newCard: string; counter: string; mail: string };
  /** The address control's parts (province and district chosen, the street typed). */
  addressParts: { province: string; district: string; detail: string };
  nameRequired: string;
  birthDateShown: string;
}

const chinese: Words = {
  language: 'zh-CN',
  continue: '继续',
  back: '返回上一步',
  change: '修改',
  saveAndReview: '保存并返回核对',
  send: '提交申请',
  progress: (position, total) => `第 ${position} 步，共 ${total} 步`,
  steps: {
    about: '您的信息',
    contact: '联系方式',
    card: '办理与领取',
    postal: '邮寄地址',
    review: '核对您填写的信息',
  },
  fields: { name: '姓名', idNumber: '身份证号', birthDate: '出生日期', phone: '手机号', address: '住址' },
  choices: { newCard: '新办', counter: '到窗口领取', mail: '邮寄到住址' },
  addressParts: { province: '省 / 自治区 / 直辖市', district: '区 / 县', detail: '详细地址' },
  nameRequired: '姓名',
  birthDateShown: '1949年12月31日',
};

const english: Words = {
  language: 'en',
  continue: 'Continue',
  back: 'Back',
  change: 'Change',
  saveAndReview: 'Save and go back to your answers',
  send: 'Send application',
  progress: (position, total) => `Step ${position} of ${total}`,
  steps: {
    about: 'About you',
    contact: 'How to reach you',
    card: 'Your card',
    postal: 'Postal address',
    review: 'Check your answers',
  },
  fields: {
    name: 'Name',
    idNumber: 'ID number',
    birthDate: 'Date of birth',
    phone: 'Mobile',
    address: 'Address',
  },
  choices: { newCard: 'New card', counter: 'Collect at a service counter', mail: 'Post it to my address' },
  addressParts: {
    province: 'Province, region or municipality',
    district: 'District or county',
    detail: 'Street address',
  },
  nameRequired: 'Name',
  birthDateShown: 'December 31, 1949',
};

const answers = {
  name: '王秀英',
  idNumber: '11010519491231002X',
  idNumberMasked: '110***********002X',
  birthDate: '1949-12-31',
  phone: '13800138000',
  newPhone: '13912345678',
  province: '北京市',
  district: '东城区',
  street: '东华门街道 1 号',
};

const sizes = { phone: { width: 360, height: 740 }, desk: { width: 1280, height: 800 } } as const;

/**
 * The wizard's test page on Vite's dev server, /api passed on to the shared runtime (one origin), its
 * requests coming from `clientAddress`: each person the test plays has an address of their own, as
 * residents do, so that the runtime's per-address limit on draft saves counts each apart.
 */
async function startWizardPage(
  apiUrl: string,
  clientAddress: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const vite = join(repoRoot, 'designer/node_modules/.bin/vite');
  const config = join(repoRoot, 'packages/ui/test/wizard-page/vite.config.mjs');
  const child: ChildProcess = spawn(vite, ['--config', config, '--port', String(port)], {
    cwd: join(repoRoot, 'packages/ui'),
    env: { ...process.env, TONGBAN_API: apiUrl, TONGBAN_PAGE_CLIENT_ADDRESS: clientAddress },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  for (let tries = 0; tries < 240; tries += 1) {
    if (child.exitCode !== null) throw new Error(`the wizard's test page did not start:\n${output}`);
    try {
      if ((await fetch(`${url}/`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  await stop();
  throw new Error(`the wizard's test page did not answer within a minute:\n${output}`);
}

/** The answer shown beside a label on the review page (`<dt>` and its `<dd>`). */
async function reviewed(page: Page, label: string): Promise<string> {
  const term = page.locator('dt', { hasText: label }).first();
  return term.evaluate((dt) => dt.nextElementSibling?.textContent ?? '');
}

/** The draft's token, once the page has saved a draft and put it in its address. */
async function draftToken(page: Page): Promise<string> {
  await page.waitForFunction(() => new URLSearchParams(window.location.search).has('draft'));
  return (await page.evaluate(() => new URLSearchParams(window.location.search).get('draft'))) as string;
}

/** Waits until the runtime holds the draft at `step` (saves go one at a time, after the page moved). */
async function draftAt(apiUrl: string, token: string, step: number): Promise<Record<string, unknown>> {
  let draft: { step?: number; data?: Record<string, unknown> } = {};
  for (let tries = 0; tries < 100; tries += 1) {
    draft = (await (await fetch(`${apiUrl}/api/drafts/${token}`)).json()) as typeof draft;
    if (draft.step === step) return draft.data ?? {};
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`the draft stayed at step ${draft.step}, not ${step}`);
}

async function expectAccessible(page: Page) {
  expect(await checkA11y(page)).toEqual([]);
}

describe('the wizard', () => {
  const apiUrl = inject('tongbanUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // one person at a time: Vite runs one dev server for the page at once
  describe('resuming a draft at the review page', () => {
    let wizardPage: { url: string; stop(): Promise<void> };
    beforeAll(async () => {
      wizardPage = await startWizardPage(apiUrl, '127.0.0.2');
    });
    afterAll(async () => {
      await wizardPage?.stop();
    });

    it('should send the person from the review page to the step of an answer still wanting, its field focused', async () => {
      // a draft saved at the review page whose name has since gone (cleared on another device, say)
      const created = await fetch(`${apiUrl}/api/drafts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'matter',
          key: 'd1.senior-bus-card',
          step: 4,
          data: {
            idNumber: answers.idNumber,
            birthDate: answers.birthDate,
            phone: answers.phone,
            cardType: 'new',
            delivery: 'counter',
          },
        }),
      });
      expect(created.status).toBe(201);
      const { token: resumed } = (await created.json()) as { token: string };
      const { page, errors, close } = await newPage(browser, { ...sizes.phone, language: 'zh-CN' });
      try {
        page.setDefaultTimeout(10_000);
        await page.goto(`${wizardPage.url}/?matter=d1.senior-bus-card&draft=${resumed}`);
        await heading(page, chinese.steps.review).waitFor();
        expect(await reviewed(page, chinese.fields.name)).toBe('未填写');
        await page.getByRole('button', { name: chinese.send }).click();
        const link = page.getByRole('alert').getByRole('link');
        expect(await link.count()).toBe(1);
        expect(await link.textContent()).toContain(chinese.nameRequired);
        expect(await page.getByTestId('sent').count()).toBe(0);
        await shoot(page, 'wizard-review-error-zh-CN-phone');
        await link.click();
        await heading(page, chinese.steps.about).waitFor();
        expect(
          await field(page, chinese.fields.name).evaluate((input) => input === document.activeElement),
        ).toBe(true);
        await field(page, chinese.fields.name).fill(answers.name);
        await page.getByRole('button', { name: chinese.saveAndReview }).click();
        await heading(page, chinese.steps.review).waitFor();
        await page.getByRole('button', { name: chinese.send }).click();
        const sent = JSON.parse((await page.getByTestId('sent').textContent()) ?? '{}') as Record<
          string,
          unknown
        >;
        expect(sent).toMatchObject({ applicantName: answers.name, phone: answers.phone });
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('should keep what was typed while the network was lost, and save it once it is back', async () => {
      const { page, context, close } = await newPage(browser, { ...sizes.phone, language: 'zh-CN' });
      try {
        page.setDefaultTimeout(15_000);
        await page.goto(`${wizardPage.url}/?matter=d1.senior-bus-card`);
        await heading(page, chinese.steps.about).waitFor();
        await context.setOffline(true);
        await field(page, chinese.fields.name).fill(answers.name);
        // the save fails while offline; the page tries again by itself once the network is back
        await page.waitForTimeout(1500);
        await context.setOffline(false);
        const token = await draftToken(page);
        expect(await draftAt(apiUrl, token, 0)).toMatchObject({ applicantName: answers.name });
      } finally {
        await close();
      }
    });
  });

  describe.each([
    { words: chinese, size: 'phone' as const, other: 'desk' as const, address: '127.0.0.3' },
    { words: english, size: 'desk' as const, other: 'phone' as const, address: '127.0.0.4' },
  ])('in $words.language at a $size’s size', ({ words, size, other, address }) => {
    let wizardPage: { url: string; stop(): Promise<void> };
    let watched: WatchedPage;
    let page: Page;
    let token: string;
    const name = (what: string, at: keyof typeof sizes = size) => `wizard-${what}-${words.language}-${at}`;
    /** A screenshot at this size and at the other, the page as it is. */
    const shootBoth = async (what: string) => {
      await shoot(page, name(what));
      await page.setViewportSize(sizes[other]);
      await shoot(page, name(what, other));
      await page.setViewportSize(sizes[size]);
    };

    beforeAll(async () => {
      wizardPage = await startWizardPage(apiUrl, address);
      watched = await newPage(browser, { ...sizes[size], language: words.language });
      page = watched.page;
      page.setDefaultTimeout(10_000);
      await page.goto(`${wizardPage.url}/?matter=d1.senior-bus-card`);
      await heading(page, words.steps.about).waitFor();
    });
    afterAll(async () => {
      await watched?.close();
      await wizardPage?.stop();
    });

    it('should stay on the step when Continue is pressed with a required field empty, with the error at the field and in the summary', async () => {
      expect(await page.getByText(words.progress(1, 4), { exact: true }).isVisible()).toBe(true);
      await field(page, words.fields.idNumber).fill(answers.idNumber);
      await field(page, words.fields.birthDate).fill(answers.birthDate);
      await page.getByRole('button', { name: words.continue }).click();

      const summary = page.getByRole('alert');
      await summary.waitFor();
      // the same step, the error in the summary and at the field, and nothing about the fields answered
      expect(await heading(page, words.steps.about).isVisible()).toBe(true);
      expect(await page.getByText(words.progress(1, 4), { exact: true }).isVisible()).toBe(true);
      const links = summary.getByRole('link');
      expect(await links.count()).toBe(1);
      const message = (await links.first().textContent()) ?? '';
      expect(message).toContain(words.nameRequired);
      expect(await descriptionOf(page, words.fields.name)).toContain(message);
      expect(await field(page, words.fields.name).getAttribute('aria-invalid')).toBe('true');
      expect(await descriptionOf(page, words.fields.idNumber)).not.toContain(message);
      await expectAccessible(page);
      await shootBoth('step-error');

      // the summary's link takes the person to the field
      await links.first().click();
      expect(await field(page, words.fields.name).evaluate((input) => input === document.activeElement)).toBe(
        true,
      );
      await field(page, words.fields.name).fill(answers.name);
      await page.getByRole('button', { name: words.continue }).click();
      await heading(page, words.steps.contact).waitFor();
      expect(await page.getByText(words.progress(2, 4), { exact: true }).isVisible()).toBe(true);
      await field(page, words.fields.phone).fill(answers.phone);
      await shootBoth('step-contact');
      await page.getByRole('button', { name: words.continue }).click();
      await heading(page, words.steps.card).waitFor();
    });

    it('should open a restored draft at the step reached, answers kept, on another device', async () => {
      token = await draftToken(page);
      const saved = await draftAt(apiUrl, token, 2);
      expect(saved).toMatchObject({ applicantName: answers.name, phone: answers.phone });

      const elsewhere = await newPage(browser, { ...sizes[other], language: words.language });
      try {
        await elsewhere.page.goto(`${wizardPage.url}/?matter=d1.senior-bus-card&draft=${token}`);
        await heading(elsewhere.page, words.steps.card).waitFor();
        expect(await elsewhere.page.getByText(words.progress(3, 4), { exact: true }).isVisible()).toBe(true);
        await elsewhere.page.getByRole('button', { name: words.back, exact: true }).click();
        await heading(elsewhere.page, words.steps.contact).waitFor();
        expect(await field(elsewhere.page, words.fields.phone).inputValue()).toContain('138');
        expect(elsewhere.errors).toEqual([]);
      } finally {
        await elsewhere.close();
      }
    });

    it('should skip the postal address step while the card is collected, going forward and back', async () => {
      await page.getByRole('radio', { name: words.choices.newCard }).check();
      await page.getByRole('radio', { name: words.choices.counter }).check();
      await shootBoth('step-card');
      await page.getByRole('button', { name: words.continue }).click();
      await heading(page, words.steps.review).waitFor();
      // three steps and the review: the postal step is not one of them
      expect(await page.getByText(words.progress(4, 4), { exact: true }).isVisible()).toBe(true);
      expect(await page.getByText(words.fields.address, { exact: true }).count()).toBe(0);
      await page.getByRole('button', { name: words.back, exact: true }).click();
      await heading(page, words.steps.card).waitFor();

      // posted: the step shows up between the card and the review
      await page.getByRole('radio', { name: words.choices.mail }).check();
      await page.getByRole('button', { name: words.continue }).click();
      await heading(page, words.steps.postal).waitFor();
      expect(await page.getByText(words.progress(4, 5), { exact: true }).isVisible()).toBe(true);
      // Beijing is a municipality: its one "city" is chosen with it
      await field(page, words.addressParts.province).selectOption({ label: answers.province });
      await field(page, words.addressParts.district).selectOption({ label: answers.district });
      await field(page, words.addressParts.detail).fill(answers.street);
      await shootBoth('step-postal');
      await page.getByRole('button', { name: words.continue }).click();
      await heading(page, words.steps.review).waitFor();
    });

    it('should list every answer on the review page, sensitive ones masked, and "change" should return to the right step and back', async () => {
      const groups = page.getByRole('heading', { level: 3 });
      expect(await groups.allTextContents()).toEqual([
        words.steps.about,
        words.steps.contact,
        words.steps.card,
        words.steps.postal,
      ]);
      expect(await reviewed(page, words.fields.name)).toBe(answers.name);
      expect(await reviewed(page, words.fields.idNumber)).toContain(answers.idNumberMasked);
      expect(await page.content()).not.toContain(answers.idNumber);
      expect(await reviewed(page, words.fields.birthDate)).toBe(words.birthDateShown);
      expect(await reviewed(page, words.fields.phone)).toBe(answers.phone);
      const address = await reviewed(page, words.fields.address);
      expect(address).toContain(answers.district);
      expect(address).toContain(answers.street);
      expect(await page.getByText(words.choices.mail, { exact: true }).isVisible()).toBe(true);
      await expectAccessible(page);
      await shootBoth('review');

      // "change" beside "how to reach you" opens that step, whose button leads back to the review
      await page
        .getByRole('button', { name: new RegExp(`^${words.change}.*${words.steps.contact}$`) })
        .click();
      await heading(page, words.steps.contact).waitFor();
      const phone = field(page, words.fields.phone);
      await phone.fill(answers.newPhone);
      await page.getByRole('button', { name: words.saveAndReview }).click();
      await heading(page, words.steps.review).waitFor();
      expect(await reviewed(page, words.fields.phone)).toBe(answers.newPhone);

      // a restored draft opens where the person left it: the review page
      const saved = await draftAt(apiUrl, token, 4);
      expect(saved).toMatchObject({ phone: answers.newPhone, delivery: 'mail' });
      expect(saved.address).toContain(answers.street);
      await page.reload();
      await heading(page, words.steps.review).waitFor();
      expect(await reviewed(page, words.fields.phone)).toBe(answers.newPhone);

      await page.getByRole('button', { name: words.send }).click();
      const sent = JSON.parse((await page.getByTestId('sent').textContent()) ?? '{}') as Record<
        string,
        unknown
      >;
      expect(sent).toMatchObject({
        applicantName: answers.name,
        idNumber: answers.idNumber,
        delivery: 'mail',
      });
      expect(watched.errors).toEqual([]);
    });
  });
});
