import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkA11y, launchBrowser, newPage, shoot, signIn, type WatchedPage } from '../src/harness.js';
import { openGalleryPage } from '../src/gallery-page.js';

/**
 * The special controls of issue 13 (ID number, mobile number, address, file upload) as a person meets
 * them in the form gallery, on a phone (360 px) and at a desk: by their labels, typed into, chosen
 * from, uploaded to; screenshots kept as test-results/special-*.png.
 */
const title = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const photoForm = {
  kind: 'form',
  key: 'special-photo-report',
  version: 1,
  title: title('随手拍', 'Photo report'),
  schema: {
    type: 'object',
    required: ['photos'],
    properties: {
      photos: {
        type: 'array',
        title: '现场照片 / Photos of the scene',
        minItems: 1,
        maxItems: 3,
        'x-accept': ['image/jpeg', 'image/png'],
        items: {
          type: 'object',
          required: ['id', 'name', 'type', 'size'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            name: { type: 'string', minLength: 1, maxLength: 200 },
            type: { type: 'string' },
            size: { type: 'integer', minimum: 1 },
          },
          additionalProperties: false,
        },
      },
    },
  },
};
/** A 1x1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const sizes = [
  { width: 360, height: 740, frame: 'phone' },
  { width: 1280, height: 800, frame: 'desk' },
] as const;

async function inputHeight(page: Page, label: RegExp): Promise<number> {
  const box = await page.getByLabel(label).first().boundingBox();
  return box?.height ?? 0;
}

describe.each(sizes)('the special controls at $width px', ({ width, height, frame }) => {
  const url = inject('tongbanUrl');
  let browser: Browser;
  let watched: WatchedPage;
  beforeAll(async () => {
    browser = await launchBrowser();
    watched = await newPage(browser, { width, height, language: 'zh-CN' });
    // signed in before any app page loads, so no page asks who is signed in while the sign-in is under way
    await watched.page.goto(`${url}/api/health`);
    await signIn(watched.page, 'admin');
    const created = await watched.page.request.post(`${url}/api/definitions`, { data: photoForm });
    // 201 the first time; the other size finds it there already
    expect([201, 409]).toContain(created.status());
    if (created.status() === 201) {
      const published = await watched.page.request.post(
        `${url}/api/definitions/form/${photoForm.key}/1/publish`,
      );
      expect(published.status(), await published.text()).toBe(200);
    }
  });
  afterAll(async () => {
    await watched?.close();
    await browser?.close();
  });

  it('should read the birth date and sex from an ID number as it is typed, and say a wrong last character plainly', async () => {
    const { page } = watched;
    const seen = await openGalleryPage(watched, `${url}/designer/gallery/senior-card?width=${frame}`);
    expect(seen).toEqual({ missingRenderers: 0, errors: [] });
    const id = page.getByLabel(/身份证号/).first();
    // the birth date as soon as 14 characters are typed
    await id.fill('11010519491231');
    await page.getByText('出生日期 1949年12月31日', { exact: true }).first().waitFor();
    await id.fill('110105 19491231 002x');
    await expect.poll(() => id.inputValue()).toBe('11010519491231002X');
    await page.getByText('出生日期 1949年12月31日，女').first().waitFor();
    await id.fill('110105194912310021');
    await id.press('Tab');
    await page.getByText('号码核对不上，请检查最后一位').first().waitFor();
    expect(await inputHeight(page, /身份证号/)).toBeGreaterThanOrEqual(48);
    await shoot(page, `special-id-number-${width}`);
  });

  it('should show a mobile number 3-4-4 while keeping its digits', async () => {
    const { page } = watched;
    const phone = page.getByLabel(/手机号/).first();
    await phone.fill('');
    await phone.pressSequentially('13800138000');
    await expect.poll(() => phone.inputValue()).toBe('138 0013 8000');
    expect(await phone.getAttribute('inputmode')).toBe('tel');
    expect(await inputHeight(page, /手机号/)).toBeGreaterThanOrEqual(48);
  });

  it('should cascade province, city and district, then take the street address', async () => {
    const { page } = watched;
    const province = page.getByLabel('省 / 自治区 / 直辖市').first();
    await expect.poll(() => province.isEnabled(), { timeout: 15_000 }).toBe(true);
    await province.selectOption({ label: '广东省' });
    await page.getByLabel('市', { exact: true }).first().selectOption({ label: '广州市' });
    await page.getByLabel('区 / 县').first().selectOption({ label: '天河区' });
    const detail = page.getByLabel(/详细地址/).first();
    await detail.fill('');
    await detail.pressSequentially('体育西路1号');
    await expect.poll(() => detail.inputValue()).toBe('体育西路1号');
    expect(await page.getByLabel('区 / 县').first().inputValue()).not.toBe('');
    expect(await inputHeight(page, /省 \/ 自治区/)).toBeGreaterThanOrEqual(48);
    await shoot(page, `special-address-${width}`);
    expect(watched.errors).toEqual([]);
    expect(await checkA11y(page)).toEqual([]);
  });

  it('should refuse a file of the wrong type before sending it, upload a photo with its preview, and remove it', async () => {
    const { page } = watched;
    const seen = await openGalleryPage(watched, `${url}/designer/gallery/${photoForm.key}?width=${frame}`);
    expect(seen).toEqual({ missingRenderers: 0, errors: [] });
    const chooser = page.locator('input[type="file"]').first();
    expect(await chooser.getAttribute('accept')).toBe('image/jpeg,.jpg,.jpeg,image/png,.png');
    await chooser.setInputFiles({
      name: '说明.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4'),
    });
    await page.getByText('“说明.pdf”的格式不能上传，请选择 JPG、PNG 文件').waitFor();
    await chooser.setInputFiles({ name: '门口.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('img', { name: '门口.png 的预览' }).waitFor();
    await page
      .getByText(/已上传/)
      .first()
      .waitFor();
    const remove = page.getByRole('button', { name: '删除 门口.png' });
    expect((await remove.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
    await shoot(page, `special-file-upload-${width}`);
    expect(await checkA11y(page)).toEqual([]);
    // removed from the field, and from the person's uploads on the server
    const discarded = page.waitForRequest(
      (request) => request.method() === 'DELETE' && request.url().includes('/api/uploads/'),
    );
    await remove.click();
    await expect.poll(() => page.getByRole('img', { name: '门口.png 的预览' }).count()).toBe(0);
    expect((await (await discarded).response())?.status()).toBe(204);
    expect(watched.errors).toEqual([]);
  });
});

describe('the special controls in English', () => {
  const url = inject('tongbanUrl');
  let browser: Browser;
  let watched: WatchedPage;
  beforeAll(async () => {
    browser = await launchBrowser();
    watched = await newPage(browser, { width: 1280, height: 800, language: 'en' });
    // signed in before any app page loads, so no page asks who is signed in while the sign-in is under way
    await watched.page.goto(`${url}/api/health`);
    await signIn(watched.page, 'admin');
  });
  afterAll(async () => {
    await watched?.close();
    await browser?.close();
  });

  it('should say what an ID number tells, and name the address parts, in English', async () => {
    const { page } = watched;
    const seen = await openGalleryPage(watched, `${url}/designer/gallery/newborn-hukou?width=desk`);
    expect(seen).toEqual({ missingRenderers: 0, errors: [] });
    const id = page.getByLabel(/Mother.s ID number/).first();
    await id.fill('440524188001010014');
    await page.getByText('Born January 1, 1880, male').first().waitFor();
    await id.fill('4405241880010100');
    await id.press('Tab');
    await page.getByText('An ID number has 18 characters; you entered 16').first().waitFor();
    const province = page.getByLabel('Province, region or municipality').first();
    await expect.poll(() => province.isEnabled(), { timeout: 15_000 }).toBe(true);
    await province.selectOption({ label: '北京市' });
    // a municipality has one city: it is chosen at once, and its districts offered
    await page.getByLabel('District or county').first().selectOption({ label: '朝阳区' });
    await shoot(page, 'special-controls-en-1280');
    // this test answers for the special controls; the form's other fields are the gallery tests'
    const special = /IdNumber|registeredAddress|phone/;
    const violations = await checkA11y(page);
    expect(
      violations.filter((violation) => violation.targets.some((target) => special.test(target))),
    ).toEqual([]);
    expect(watched.errors).toEqual([]);
  });
});
