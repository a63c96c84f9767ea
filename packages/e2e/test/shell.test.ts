import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkA11y, demoPassword, launchBrowser, newPage, shoot } from '../src/harness.js';

/**
 * The errors of a page apart from the 401 of a refused sign-in (a wrong password, which the test tries):
 * Chromium logs every 4xx it loads. A visitor's pages make none (GET /api/auth/session says `user: null`).
 */
const unexpected = (errors: string[]) =>
  errors.filter((error) => !/status of 401 \(Unauthorized\)/.test(error));

/**
 * The shells of the portal and the workbench (issue 13, part 5): one sign-in form, one session across
 * the apps on one origin, the header's language switch and sign-out, as a person uses them.
 */
describe('the app shells and the one sign-in', () => {
  const url = inject('tongbanUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ] as const) {
    it(`should sign a clerk in once for the workbench and the portal, at ${width}x${height}`, async () => {
      const { page, errors, close } = await newPage(browser, { width, height, language: 'zh-CN' });
      try {
        // given a clerk who opens the workbench, signed in nowhere
        await page.goto(`${url}/workbench/`);
        await page.getByRole('heading', { name: '登录' }).waitFor();
        await shoot(page, `shell-workbench-sign-in-${width}`);
        expect(await checkA11y(page)).toEqual([]);

        // when they press the button with nothing typed, each field says what it needs
        await page.getByRole('button', { name: '登录' }).last().click();
        await page.getByText('请输入账号').waitFor();
        await page.getByText('请输入密码').waitFor();

        // when the password is wrong, the runtime's refusal is said above the form
        await page.getByLabel('账号').fill('minzheng');
        await page.getByLabel('密码').fill('not-the-password');
        await page.getByRole('button', { name: '登录' }).last().click();
        await page.getByRole('alert').waitFor();
        await shoot(page, `shell-workbench-refused-${width}`);

        // when they sign in, the workbench greets them and the header names them
        await page.getByLabel('密码').fill(demoPassword);
        await page.getByRole('button', { name: '登录' }).last().click();
        await page.getByRole('heading', { name: /您好/ }).waitFor();
        await page.getByRole('button', { name: '退出登录' }).waitFor();
        await shoot(page, `shell-workbench-home-${width}`);
        expect(await checkA11y(page)).toEqual([]);

        // then the portal, another app of the same origin, knows them without a second sign-in
        await page.goto(`${url}/portal/`);
        await page.getByRole('heading', { name: '可以办理的事项' }).waitFor();
        await page.getByRole('button', { name: '退出登录' }).waitFor();
        await page.getByRole('listitem').first().waitFor();
        expect(await page.getByRole('listitem').count()).toBeGreaterThan(3);
        await shoot(page, `shell-portal-catalog-${width}`);
        expect(await checkA11y(page)).toEqual([]);

        // and signing out there signs them out of the workbench too
        await page.getByRole('button', { name: '退出登录' }).click();
        await page.getByRole('button', { name: '登录' }).waitFor();
        await page.goto(`${url}/workbench/some/deep/link`);
        await page.getByRole('heading', { name: '登录' }).waitFor();
        expect(unexpected(errors)).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('should switch the portal to English and back from the header, and keep the choice', async () => {
    const { page, errors, close } = await newPage(browser, { width: 360, height: 740, language: 'zh-CN' });
    try {
      await page.goto(`${url}/portal/`);
      await page.getByRole('heading', { name: '可以办理的事项' }).waitFor();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Services you can apply for' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.getByRole('listitem').first().waitFor();
      await shoot(page, 'shell-portal-catalog-en-360');
      expect(await checkA11y(page)).toEqual([]);

      // the choice is kept for the other apps of the origin
      await page.goto(`${url}/workbench/`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await shoot(page, 'shell-workbench-sign-in-en-360');
      expect(await checkA11y(page)).toEqual([]);
      await page.getByRole('button', { name: '中文' }).click();
      await page.getByRole('heading', { name: '登录' }).waitFor();

      // a resident who opens the portal's sign-in can go back to the services without signing in
      await page.goto(`${url}/portal/`);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { name: '登录' }).waitFor();
      await shoot(page, 'shell-portal-sign-in-360');
      await page.getByRole('button', { name: '返回，暂不登录' }).click();
      await page.getByRole('heading', { name: '可以办理的事项' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
