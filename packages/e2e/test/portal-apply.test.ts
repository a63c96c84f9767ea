import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idNumberCheckCharacter } from '@tongban/engine';
import { checkA11y, demoPassword, launchBrowser, newPage, shoot } from '../src/harness.js';
import { descriptionOf, field, heading } from '../src/fields.js';

/**
 * The portal's application page for one matter (issue 14's apply, and issue 13's must-show "an error
 * the server finds and the browser cannot shows under its field"): a visitor fills the senior citizen
 * card's form step by step, is asked to sign in only when sending, keeps every answer through the
 * sign-in and gets a receipt; applying a second time with the same ID number while the first is in
 * progress is refused by the server (one open case per person and matter), and that refusal shows
 * under the ID number's field, which the browser alone could not know.
 */

// an ID number of this test's own (birth date 1950-03-08): no other test's application holds it
const first17 = '11010519500308123';
const idNumber = first17 + idNumberCheckCharacter(first17);

const words = {
  service: '老年人优待证办理',
  steps: { applicant: '申请人', emergency: '紧急联系人', also: '一并办理', review: '核对您填写的信息' },
  fields: { name: '姓名', idNumber: '身份证号', birthDate: '出生日期', phone: '手机号' },
  address: { province: '省 / 自治区 / 直辖市', district: '区 / 县', detail: '详细地址' },
  continue: '继续',
  send: '提交申请',
  signInFirst: '请先登录，再提交申请。您填写的内容已保存，不会丢失。',
  signIn: { passwordTab: '账号和密码', username: '账号', password: '密码', button: '登录' },
  receipt: '申请已提交',
  refused: '申请没有提交成功，请按提示修改标出的内容后再提交。',
};

async function fillApplicant(page: Page) {
  await heading(page, words.steps.applicant).waitFor();
  await field(page, words.fields.name).fill('李桂兰');
  await field(page, words.fields.idNumber).fill(idNumber);
  await field(page, words.fields.birthDate).fill('1950-03-08');
  await field(page, words.fields.phone).fill('13800138001');
  await field(page, words.address.province).selectOption({ label: '北京市' });
  await field(page, words.address.district).selectOption({ label: '东城区' });
  await field(page, words.address.detail).fill('东华门街道 8 号');
}

/** From the first step's answers to the review page: the two optional steps as they are. */
async function continueToReview(page: Page) {
  await page.getByRole('button', { name: words.continue }).click();
  await heading(page, words.steps.emergency).waitFor();
  await page.getByRole('button', { name: words.continue }).click();
  await heading(page, words.steps.also).waitFor();
  await page.getByRole('button', { name: words.continue }).click();
  await heading(page, words.steps.review).waitFor();
}

describe('applying for a matter in the portal', () => {
  const url = inject('tongbanUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should take a visitor from the catalog through the steps to sign-in and a receipt, then show the server’s refusal of a second application under the ID number', async () => {
    const { page, errors, close } = await newPage(browser, { width: 360, height: 740, language: 'zh-CN' });
    try {
      page.setDefaultTimeout(15_000);
      // given a visitor, not signed in, who finds the service in the catalog
      await page.goto(`${url}/portal/`);
      await page.getByRole('link', { name: words.service }).click();
      await heading(page, words.service, 1).waitFor();
      await fillApplicant(page);
      await shoot(page, 'portal-apply-step-zh-CN-360');
      expect(await checkA11y(page)).toEqual([]);
      await continueToReview(page);
      await shoot(page, 'portal-apply-review-zh-CN-360');
      expect(await checkA11y(page)).toEqual([]);

      // when they send it, they are asked to sign in, and their answers wait for them
      await page.getByRole('button', { name: words.send }).click();
      await page.getByText(words.signInFirst).waitFor();
      await shoot(page, 'portal-apply-sign-in-zh-CN-360');
      // the demo resident has an account and password: the other way than a phone code
      await page.getByRole('tab', { name: words.signIn.passwordTab }).click();
      await field(page, words.signIn.username).fill('resident');
      await field(page, words.signIn.password).fill(demoPassword);
      await page.getByRole('button', { name: words.signIn.button, exact: true }).last().click();

      // then the application is sent as it was filled in, and the receipt says who does what next
      await page.getByText(words.receipt).waitFor();
      const number = (await page.getByTestId('application-number').textContent()) ?? '';
      expect(number).toMatch(/^[0-9a-f-]{36}$/);
      expect(await page.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('民政局')]);
      await shoot(page, 'portal-apply-receipt-zh-CN-360');
      expect(await checkA11y(page)).toEqual([]);
      const sent = await page.request.get(`${url}/api/cases/${number}`);
      expect(((await sent.json()) as { data: Record<string, unknown> }).data).toMatchObject({
        applicantName: '李桂兰',
        phone: '13800138001',
        address: expect.stringContaining('东华门街道 8 号'),
      });

      // when they apply again with the same ID number while the first is being handled
      await page.goto(`${url}/portal/apply/d1.senior-card`);
      await fillApplicant(page);
      // the browser finds nothing wrong: every step goes on
      await continueToReview(page);
      await page.getByRole('button', { name: words.send }).click();

      // then the server's refusal is said, and its summary leads to the ID number, under which it shows
      await page.getByText(words.refused).waitFor();
      const link = page.getByRole('alert').getByRole('link');
      await link.first().waitFor();
      const message = (await link.first().textContent()) ?? '';
      expect(message).toContain(words.fields.idNumber);
      await shoot(page, 'portal-apply-refused-zh-CN-360');
      await link.first().click();
      await heading(page, words.steps.applicant).waitFor();
      expect(await field(page, words.fields.idNumber).getAttribute('aria-invalid')).toBe('true');
      expect(await descriptionOf(page, words.fields.idNumber)).toContain(
        message
          .replace(/^.*?：/, '')
          .trim()
          .slice(0, 8),
      );
      await shoot(page, 'portal-apply-refused-field-zh-CN-360');
      expect(await checkA11y(page)).toEqual([]);
      expect(errors.filter((error) => !/status of 4(09|22)/.test(error))).toEqual([]);
    } finally {
      await close();
    }
  });
});
