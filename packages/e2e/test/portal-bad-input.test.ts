import { request, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { idNumberCheckCharacter } from '@tongban/engine';
import { checkA11y, launchBrowser, newPage, shoot } from '../src/harness.js';
import { descriptionOf, field, heading } from '../src/fields.js';

/**
 * What residents get wrong, in the portal at 360x740 (issue 14's must-show "bad input"): a wrong ID
 * check digit, a wrong mobile number, an expired sign-in code, a file that is not a photo, a resume code
 * that does not exist. Each gets a plain message at the place it is about, and nothing typed is lost:
 * the application still goes in afterwards with every answer. Then the pages a resident reads last (my
 * applications, the development mailbox) at a phone's and a desk's width, axe on each.
 */

// a code lives 30 s in the browser tests' runtime (packages/e2e/src/harness.ts)
const codeLifeMs = 30_000;
const phone = '13912340010';
const first17 = '11010519490615203';
const idNumber = first17 + idNumberCheckCharacter(first17);
// the same number with another last character: the check digit cannot match
const wrongIdNumber = first17 + (idNumberCheckCharacter(first17) === '1' ? '2' : '1');

const words = {
  steps: { applicant: '申请人', emergency: '紧急联系人', also: '一并办理', review: '核对您填写的信息' },
  fields: { name: '姓名', idNumber: '身份证号', birthDate: '出生日期', phone: '手机号' },
  address: { province: '省 / 自治区 / 直辖市', district: '区 / 县', detail: '详细地址' },
  wrongCheckDigit: '号码核对不上，请检查最后一位',
  continue: '继续',
  send: '提交申请',
  signIn: {
    phone: '手机号',
    sendCode: '获取验证码',
    code: '短信验证码',
    submit: '登录',
    resend: '重新获取验证码',
  },
  wrongPhone: '手机号应为 11 位数字，您输入了 10 位',
  expired: '验证码已过期，请重新获取',
  receipt: '申请已提交',
  resume: { code: '继续填写码', open: '继续填写', notFound: '没有找到这个继续填写码对应的草稿' },
  report: { notImage: '只能上传照片（JPG、PNG 或 WebP）', addPhoto: '拍照或选择照片' },
  mine: '我的申请',
  mailbox: /短信|Text messages/,
};

async function codeFor(
  phoneNumber: string,
  url: string,
  after?: string,
): Promise<{ id: string; code: string }> {
  const mailbox = await request.newContext({ baseURL: url });
  try {
    return await vi.waitFor(
      async () => {
        const answer = await mailbox.get(`/api/dev/mailbox?to=${phoneNumber}&limit=1`);
        const [newest] = ((await answer.json()) as { items: Array<{ id: string; text: string }> }).items;
        if (!newest || newest.id === after) throw new Error('no new message yet');
        return { id: newest.id, code: /\d{6}/.exec(newest.text)?.[0] ?? '' };
      },
      { timeout: 10_000, interval: 200 },
    );
  } finally {
    await mailbox.dispose();
  }
}

async function checked(page: Page, name: string) {
  await shoot(page, name);
  expect(await checkA11y(page)).toEqual([]);
}

describe('bad input in the portal', () => {
  const url = inject('tongbanUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should say a wrong ID check digit, a wrong phone and an expired code at their fields, and lose nothing on the way to sending', async () => {
    const { page, errors, close } = await newPage(browser, { width: 360, height: 740, language: 'zh-CN' });
    try {
      page.setDefaultTimeout(15_000);
      await page.goto(`${url}/portal/apply/d1.senior-card`);
      await heading(page, words.steps.applicant).waitFor();
      await field(page, words.fields.name).fill('周桂英');
      await field(page, words.fields.idNumber).fill(wrongIdNumber);
      await field(page, words.fields.birthDate).fill('1949-06-15');
      await field(page, words.fields.phone).fill(phone);
      await field(page, words.address.province).selectOption({ label: '北京市' });
      await field(page, words.address.district).selectOption({ label: '东城区' });
      await field(page, words.address.detail).fill('东四街道 3 号');

      // a wrong check digit: said under the ID number as soon as the person leaves it, every other answer still there
      // (the library's forms do not refuse it yet: decision 0021; the control reads every ID number)
      await field(page, words.fields.idNumber).press('Tab');
      await expect.poll(() => descriptionOf(page, words.fields.idNumber)).toContain(words.wrongCheckDigit);
      expect(await field(page, words.fields.name).inputValue()).toBe('周桂英');
      expect(await field(page, words.fields.phone).inputValue()).toBe('139 1234 0010');
      await checked(page, 'portal-bad-id-number-zh-CN-360');
      await page.setViewportSize({ width: 1280, height: 800 });
      await checked(page, 'portal-apply-step-zh-CN-1280');
      await page.setViewportSize({ width: 360, height: 740 });
      await field(page, words.fields.idNumber).fill(idNumber);
      await page.getByRole('button', { name: words.continue }).click();
      for (const step of [words.steps.emergency, words.steps.also]) {
        await heading(page, step).waitFor();
        await page.getByRole('button', { name: words.continue }).click();
      }
      await heading(page, words.steps.review).waitFor();
      await page.getByRole('button', { name: words.send }).click();

      // a mobile number one digit short: said under the number, no code sent
      const number = field(page, words.signIn.phone);
      await number.fill(phone.slice(0, 10));
      await page.getByRole('button', { name: words.signIn.sendCode }).click();
      await page.getByText(words.wrongPhone).waitFor();
      expect(await descriptionOf(page, words.signIn.phone)).toContain(words.wrongPhone);
      await checked(page, 'portal-bad-phone-zh-CN-360');

      // a code used after it expired: said under the code, the number kept, a new code asked for
      await number.fill(phone);
      await page.getByRole('button', { name: words.signIn.sendCode }).click();
      const expired = await codeFor(phone, url);
      await page.waitForTimeout(codeLifeMs + 1_000);
      await field(page, words.signIn.code).fill(expired.code);
      await page.getByRole('button', { name: words.signIn.submit, exact: true }).last().click();
      await page.getByText(words.expired).waitFor();
      expect(await descriptionOf(page, words.signIn.code)).toContain(words.expired);
      expect((await number.inputValue()).replace(/\s/g, '')).toBe(phone);
      await checked(page, 'portal-bad-expired-code-zh-CN-360');

      // then a new code signs in and the application goes in with every answer given before
      await page
        .getByRole('button', { name: new RegExp(`${words.signIn.resend}|${words.signIn.sendCode}`) })
        .click();
      const fresh = await codeFor(phone, url, expired.id);
      await field(page, words.signIn.code).fill(fresh.code);
      await page.getByRole('button', { name: words.signIn.submit, exact: true }).last().click();
      await page.getByText(words.receipt).waitFor();
      const caseId = ((await page.getByTestId('application-number').textContent()) ?? '').trim();
      const sent = (await (await page.request.get(`${url}/api/cases/${caseId}`)).json()) as {
        data: Record<string, unknown>;
      };
      expect(sent.data).toMatchObject({
        applicantName: '周桂英',
        phone,
        address: expect.stringContaining('东四街道 3 号'),
      });

      // and it can be followed from the receipt, at a phone's width and at a desk's
      await page.getByRole('link', { name: '查看办理进度' }).click();
      await heading(page, '老年人优待证办理', 1).waitFor();
      await page.getByText('有新进展时，本页会自动更新。').waitFor();
      await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('正在办理');
      await checked(page, 'portal-case-tracker-zh-CN-360');
      await page.setViewportSize({ width: 1280, height: 800 });
      await checked(page, 'portal-case-tracker-zh-CN-1280');
      await page.setViewportSize({ width: 360, height: 740 });

      // and my applications lists it, at a phone's width and at a desk's
      await page.goto(`${url}/portal/applications`);
      await heading(page, words.mine, 1).waitFor();
      await page.getByText('老年人优待证办理').waitFor();
      await checked(page, 'portal-my-applications-zh-CN-360');
      await page.setViewportSize({ width: 1280, height: 800 });
      await checked(page, 'portal-my-applications-zh-CN-1280');
      expect(errors.filter((error) => !/status of 4(00|01|22)/.test(error))).toEqual([]);
    } finally {
      await close();
    }
  }, 180_000);

  it('should say a resume code that does not exist at the box, and keep what was typed', async () => {
    const { page, errors, close } = await newPage(browser, { width: 360, height: 740, language: 'zh-CN' });
    try {
      await page.goto(`${url}/portal/resume`);
      const box = field(page, words.resume.code);
      await box.fill('zzzz-zzzz-zzzz');
      await page.getByRole('button', { name: words.resume.open, exact: true }).click();
      await page.getByText(words.resume.notFound).waitFor();
      expect(await descriptionOf(page, words.resume.code)).toContain(words.resume.notFound);
      expect(await box.inputValue()).toBe('zzzz-zzzz-zzzz');
      await checked(page, 'portal-bad-resume-code-zh-CN-360');
      await page.setViewportSize({ width: 1280, height: 800 });
      await checked(page, 'portal-bad-resume-code-zh-CN-1280');
      expect(errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should refuse a file that is not a photo where the photos go, and keep the report as typed', async () => {
    const { page, close } = await newPage(browser, { width: 360, height: 740, language: 'zh-CN' });
    try {
      await page.goto(`${url}/portal/report`);
      const description = page.getByRole('textbox').first();
      await description.waitFor();
      await page
        .locator('input[type="file"]')
        .first()
        .setInputFiles({
          name: 'notes.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from('not a photo'),
        });
      await page.getByText(words.report.notImage).waitFor();
      await checked(page, 'portal-bad-file-zh-CN-360');
    } finally {
      await close();
    }
  });

  it('should show the development mailbox with the codes sent, at a phone’s width and a desk’s', async () => {
    const { page, close } = await newPage(browser, { width: 360, height: 740, language: 'zh-CN' });
    try {
      await page.goto(`${url}/portal/dev/mailbox`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await checked(page, 'portal-dev-mailbox-zh-CN-360');
      await page.setViewportSize({ width: 1280, height: 800 });
      await checked(page, 'portal-dev-mailbox-zh-CN-1280');
    } finally {
      await close();
    }
  });
});
