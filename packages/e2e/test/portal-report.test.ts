import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTongbanClient, unwrap, type TongbanClient } from '@tongban/client';
import { checkA11y, demoPassword, launchBrowser, newPage, shoot } from '../src/harness.js';

/**
 * 随手拍 in the portal (issue 14, parts 6 and 7; decision 0024): a resident without an account reports
 * dumped rubbish with a photo and the phone's location, gets a follow code; city management and the
 * community's grid worker close it through the API; the reporter follows it by the code, reads the
 * department's reply and rates it once. A wrong code gets a plain message. At 360x740, axe on each page.
 */

const words = {
  title: '随手拍：反映身边的问题',
  category: '垃圾乱堆乱放',
  description: '请描述一下情况',
  community: '在哪个社区？',
  communityName: '和平街道第一社区居委会',
  place: '具体在哪里？',
  locate: '使用我现在的位置',
  located: '已记下您的位置',
  addPhoto: '拍照或选择照片',
  photo: '照片 1',
  send: '提交反映',
  summary: '还有 4 处需要填写：',
  done: '已收到您的反映',
  copy: '复制跟进码',
  follow: '查看处理进度',
  followTitle: '查看反映的处理进度',
  statusActive: '正在处理：处置',
  statusDone: '已处理完毕',
  feedback: '部门的答复',
  satisfied: '满意',
  notSatisfied: '不满意',
  reason: '不满意的原因',
  reasonRequired: '选择“不满意”时，请写明原因',
  rate: '提交评价',
  thanks: '谢谢您的评价。',
  codeLabel: '跟进码',
  find: '查看',
  notFound: '没有找到这个跟进码。请对照收到的跟进码再输一次。',
};
const reply = '已清运，并在楼东侧增设了两个垃圾桶';

/** A 320x240 photo of a few colour bands, as a PNG made here (no fixture file to keep). */
function scenePng(): Buffer {
  const width = 320;
  const height = 240;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const band = Math.floor((x + y) / 40) % 3;
      row[1 + x * 3] = band === 0 ? 200 : 60;
      row[2 + x * 3] = band === 1 ? 170 : 90;
      row[3 + x * 3] = band === 2 ? 120 : 40;
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The typed API client as a demo account, outside the browser: the session cookie kept by hand. */
async function clientAs(url: string, username: string): Promise<TongbanClient> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (!login.ok) throw new Error(`sign-in as ${username}: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return createTongbanClient({
    baseUrl: url,
    language: () => 'zh-CN',
    fetch: (request) => {
      request.headers.set('cookie', cookie);
      return fetch(request);
    },
  });
}

/** City management resolves the report with its reply; the community's grid worker confirms it on site. */
async function closeAsDepartments(url: string, caseId: string): Promise<void> {
  const chengguan = await clientAs(url, 'chengguan');
  const grid = await clientAs(url, 'grid');
  const kase = await unwrap(chengguan.GET('/api/cases/{id}', { params: { path: { id: caseId } } }));
  const handle = kase.tasks.find((task) => task.status === 'open');
  if (!handle) throw new Error('no open task in the report');
  const task = { params: { path: { id: handle.id } } };
  await unwrap(chengguan.POST('/api/tasks/{id}/claim', task));
  const resolved = await unwrap(
    chengguan.POST('/api/tasks/{id}/complete', { ...task, body: { outcome: 'resolved', reason: reply } }),
  );
  const verify = { params: { path: { id: resolved.openedTasks[0]?.id ?? '' } } };
  await unwrap(grid.POST('/api/tasks/{id}/claim', verify));
  await unwrap(grid.POST('/api/tasks/{id}/complete', { ...verify, body: { outcome: 'confirmed' } }));
}

async function pageChecked(page: Page, name: string) {
  await shoot(page, name);
  expect(await checkA11y(page)).toEqual([]);
}

describe('reporting a neighbourhood problem in the portal without an account', () => {
  const url = inject('tongbanUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should take a report with a photo and the location, give a follow code, and let the reporter follow it to the reply and rate it once', async () => {
    const { page, context, errors, close } = await newPage(browser, {
      width: 360,
      height: 740,
      language: 'zh-CN',
    });
    try {
      page.setDefaultTimeout(15_000);
      await context.grantPermissions(['geolocation', 'clipboard-read', 'clipboard-write'], { origin: url });
      await context.setGeolocation({ latitude: 39.9163, longitude: 116.3972, accuracy: 25 });

      // given a visitor, not signed in, on the report page
      await page.goto(`${url}/portal/report`);
      await page.getByRole('heading', { name: words.title, level: 1 }).waitFor();
      await pageChecked(page, 'portal-report-form-zh-CN-360');

      // when they send it empty, then what is missing is listed at the top and shown at each field
      await page.getByRole('button', { name: words.send }).click();
      await page.getByText(words.summary).waitFor();
      await pageChecked(page, 'portal-report-missing-zh-CN-360');

      // when they say what, where, add their location and a photo
      await page.getByRole('radio', { name: words.category }).check();
      await page.getByLabel(words.description).fill('楼下垃圾堆了三天，没人清理，气味很大');
      await page.getByLabel(words.community).selectOption({ label: words.communityName });
      await page.getByLabel(words.place).fill('和平街 3 号楼东侧');
      await page.getByRole('button', { name: words.locate }).click();
      await page.getByText(words.located).waitFor();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: words.addPhoto }).click();
      await (await chooser).setFiles({ name: 'scene.png', mimeType: 'image/png', buffer: scenePng() });
      await page.getByRole('img', { name: words.photo }).waitFor();
      await page.getByRole('button', { name: words.send }).and(page.locator(':enabled')).waitFor();
      await pageChecked(page, 'portal-report-filled-zh-CN-360');
      await page.getByRole('button', { name: words.send }).click();

      // then a follow code, large, with a copy button
      await page.getByText(words.done).waitFor();
      const code = ((await page.getByTestId('follow-code').textContent()) ?? '').replace(/\s/g, '');
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
      await page.getByRole('button', { name: words.copy }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
      await pageChecked(page, 'portal-report-code-zh-CN-360');

      // the report reached city management as a compressed JPEG, with the place the phone gave
      const followed = await fetch(`${url}/api/reports/${code}`);
      const { caseId } = (await followed.json()) as { caseId: string };
      const chengguan = await clientAs(url, 'chengguan');
      const kase = await unwrap(chengguan.GET('/api/cases/{id}', { params: { path: { id: caseId } } }));
      expect(kase.data).toMatchObject({
        eventType: 'garbage',
        location: '和平街 3 号楼东侧',
        position: { lat: 39.9163, lng: 116.3972 },
        photos: [{ name: 'scene.jpg', type: 'image/jpeg' }],
      });

      // when they follow it before anything is done: where it stands, and no rating yet
      await page.getByRole('link', { name: words.follow }).click();
      await page.getByRole('heading', { name: words.followTitle, level: 1 }).waitFor();
      await expect.poll(() => page.getByTestId('report-status').textContent()).toBe(words.statusActive);
      await pageChecked(page, 'portal-report-follow-open-zh-CN-360');

      // when the departments close it through the API
      await closeAsDepartments(url, caseId);

      // then, opening the code again, the reporter sees it done and the department's reply
      await page.goto(`${url}/portal/report/${code.toLowerCase()}`);
      await expect.poll(() => page.getByTestId('report-status').textContent()).toBe(words.statusDone);
      expect(await page.getByTestId('report-feedback').textContent()).toBe(reply);
      await pageChecked(page, 'portal-report-follow-done-zh-CN-360');

      // a bad rating asks why before it is sent
      await page.getByRole('radio', { name: words.notSatisfied }).check();
      await page.getByRole('button', { name: words.rate }).click();
      await page.getByText(words.reasonRequired).waitFor();
      await pageChecked(page, 'portal-report-rating-reason-zh-CN-360');

      // when they are satisfied after all and send it, it is rated once, and the rating shows
      await page.getByRole('radio', { name: words.satisfied, exact: true }).check();
      await page.getByRole('button', { name: words.rate }).click();
      await page.getByText(words.thanks).waitFor();
      expect(await page.getByRole('button', { name: words.rate }).count()).toBe(0);
      await pageChecked(page, 'portal-report-rated-zh-CN-360');
      const again = await fetch(`${url}/api/reports/${code}/rating`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ score: 'bad', reason: '再评一次' }),
      });
      expect(again.status).toBe(409);
      expect(errors.filter((error) => !/status of 4\d\d/.test(error))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should say plainly that a wrong code finds no report, beside the box to type it again', async () => {
    const { page, errors, close } = await newPage(browser, { width: 360, height: 740, language: 'zh-CN' });
    try {
      page.setDefaultTimeout(15_000);
      await page.goto(`${url}/portal/report/follow`);
      await page.getByLabel(words.codeLabel).fill('ABCDE 23456');
      await page.getByRole('button', { name: words.find, exact: true }).click();
      await page.getByText(words.notFound).waitFor();
      expect(await page.getByLabel(words.codeLabel).getAttribute('aria-invalid')).toBe('true');
      await pageChecked(page, 'portal-report-wrong-code-zh-CN-360');
      expect(errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should offer the report and the code box in English', async () => {
    const { page, errors, close } = await newPage(browser, { width: 360, height: 740, language: 'en' });
    try {
      page.setDefaultTimeout(15_000);
      await page.goto(`${url}/portal/report`);
      await page.getByRole('heading', { name: 'Report a problem near you', level: 1 }).waitFor();
      await page.getByRole('radio', { name: 'Dumped rubbish' }).waitFor();
      await pageChecked(page, 'portal-report-form-en-360');
      await page.goto(`${url}/portal/report/ABCDE23456`);
      await page.getByText('No report has this follow code').waitFor();
      await pageChecked(page, 'portal-report-wrong-code-en-360');
      expect(errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should lay the report and the follow pages out at a desk too (1280x800)', async () => {
    const { page, errors, close } = await newPage(browser, { width: 1280, height: 800, language: 'zh-CN' });
    try {
      page.setDefaultTimeout(15_000);
      await page.goto(`${url}/portal/report`);
      await page.getByRole('radio', { name: words.category }).waitFor();
      await pageChecked(page, 'portal-report-form-zh-CN-1280');
      await page.goto(`${url}/portal/report/follow`);
      await page.getByLabel(words.codeLabel).waitFor();
      await pageChecked(page, 'portal-report-follow-entry-zh-CN-1280');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
