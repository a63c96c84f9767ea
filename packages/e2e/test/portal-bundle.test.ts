import { request, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { idNumberCheckCharacter } from '@tongban/engine';
import { checkA11y, demoPassword, launchBrowser, newPage, shoot } from '../src/harness.js';
import { field, heading } from '../src/fields.js';

/**
 * The portal's promise for a life event (issue 14's must-show): a resident starts the senior-services
 * bundle (card, bus card, health check), finds it filled in from an earlier application, leaves after
 * the second step, resumes in a fresh browser with the resume code, signs in with a code from the
 * development mailbox at sending, and gets a receipt split into three departments. Then departments
 * act through the API and the open tracker follows without a reload: a request for supplements shows
 * only the missing field, the answer restarts the clock, the application closes and is rated. The
 * journey runs in Chinese at 360 px, in English at 360 px, and with the larger text at 1280 px.
 */

type Language = 'zh-CN' | 'en';

const words = {
  'zh-CN': {
    prefilled: '我们用您上次申请时填写的信息预先填好了部分内容',
    fromLast: '来自您上次的申请。',
    whyWeAsk: '为什么要问：',
    steps: {
      shared: '共同信息',
      card: '老年人优待证办理',
      bus: '老年人免费乘车卡办理',
      check: '老年人免费健康体检预约',
      closing: '确认并同意',
      review: '核对您填写的信息',
    },
    fields: {
      name: '姓名',
      busCard: '同时办理老年人乘车卡',
      healthCheck: '同时预约免费健康体检',
      emergencyContact: '紧急联系人',
      emergencyPhone: '紧急联系电话',
      cardNew: '新办',
      counter: '到窗口领取',
      preferredDate: '希望体检日期',
      districtHospital: '区医院',
      consent: '我已阅读并同意上述个人信息收集说明',
    },
    continue: '继续',
    saved: '草稿已自动保存',
    resume: { code: '继续填写码', open: '继续填写' },
    send: '提交申请',
    phone: { number: '手机号', send: '获取验证码', code: '短信验证码', submit: '登录' },
    receipt: '申请已提交',
    departments: ['民政局', '交通', '卫生健康'],
    follow: '查看办理进度',
    supplement: '请补充以下内容',
    supplementSend: '提交补正',
    paused: '计时已暂停',
    allDone: '已全部办好',
    satisfied: '满意',
    rate: '提交评价',
    rated: '您的评价：满意',
  },
  en: {
    prefilled: 'We filled in some answers from your last application',
    fromLast: 'From your last application.',
    whyWeAsk: 'Why we ask:',
    steps: {
      shared: 'Shared information',
      card: 'Senior citizen card',
      bus: 'Senior free bus card',
      check: 'Free health check for seniors (booking)',
      closing: 'Confirm and agree',
      review: 'Check your answers',
    },
    fields: {
      name: 'Name',
      busCard: 'Also apply for the senior bus card',
      healthCheck: 'Also book the free health check',
      emergencyContact: 'Emergency contact',
      emergencyPhone: 'Emergency phone',
      cardNew: 'New card',
      counter: 'Collect at a service counter',
      preferredDate: 'Preferred date',
      districtHospital: 'District hospital',
      consent: 'I have read and agree to the notice above',
    },
    continue: 'Continue',
    saved: 'Draft saved',
    resume: { code: 'Resume code', open: 'Continue' },
    send: 'Send the application',
    phone: {
      number: 'Mobile number',
      send: 'Send me a code',
      code: 'Code from the text message',
      submit: 'Sign in',
    },
    receipt: 'Application sent',
    departments: ['Civil Affairs', 'Transport', 'Health'],
    follow: 'Follow your application',
    supplement: 'Please add what is missing',
    supplementSend: 'Send',
    paused: 'The clock is paused',
    allDone: 'All done',
    satisfied: 'Satisfied',
    rate: 'Send',
    rated: 'Your rating: Satisfied',
  },
} as const;

interface Journey {
  language: Language;
  largeText: boolean;
  width: number;
  height: number;
  /** This run's own resident: an ID number and a phone no other test uses. */
  birth: string;
  phone: string;
  name: string;
}

const idNumberBorn = (birth: string, serial: string) => {
  const first17 = `110101${birth.replaceAll('-', '')}${serial}`;
  return first17 + idNumberCheckCharacter(first17);
};

/** The six digits of the newest text message to `phone` in the development mailbox. */
async function codeFor(api: APIRequestContext, phone: string, after?: string): Promise<string> {
  return vi.waitFor(
    async () => {
      const answer = await api.get(`/api/dev/mailbox?to=${phone}&limit=1`);
      expect(answer.status()).toBe(200);
      const [newest] = ((await answer.json()) as { items: Array<{ id: string; text: string }> }).items;
      if (!newest || newest.id === after) throw new Error('no new message yet');
      const code = /\d{6}/.exec(newest.text)?.[0];
      if (!code) throw new Error(`no code in "${newest.text}"`);
      return code;
    },
    { timeout: 10_000, interval: 200 },
  );
}

async function newestMessageId(api: APIRequestContext, phone: string): Promise<string | undefined> {
  const answer = await api.get(`/api/dev/mailbox?to=${phone}&limit=1`);
  return ((await answer.json()) as { items: Array<{ id: string }> }).items[0]?.id;
}

/** A demo account's API session (staff acting as departments do). */
async function staff(url: string, username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: url });
  const signedIn = await api.post('/api/auth/login', { data: { username, password: demoPassword } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  return api;
}

interface CaseJson {
  status: string;
  tasks: Array<{ id: string; status: string; outcomes: Array<string | { key: string }> }>;
}

/** Works a case to its end as its department would (accept, approve, deliver). */
async function work(admin: APIRequestContext, caseId: string): Promise<void> {
  for (let step = 0; step < 10; step += 1) {
    const kase = (await (await admin.get(`/api/cases/${caseId}`)).json()) as CaseJson;
    if (kase.status !== 'active') return;
    const task = kase.tasks.find((candidate) => candidate.status === 'open');
    if (!task) throw new Error(`no open task on ${caseId}`);
    const outcomes = task.outcomes.map((outcome) => (typeof outcome === 'string' ? outcome : outcome.key));
    const outcome = ['accept', 'approve', 'agree', 'delivered'].find((one) => outcomes.includes(one));
    const done = await admin.post(`/api/tasks/${task.id}/complete`, { data: { outcome } });
    expect(done.status(), await done.text()).toBe(200);
  }
  throw new Error(`case ${caseId} did not end`);
}

interface Tracker {
  status: string;
  items: Array<{ matter: string; caseId: string | null; status: string }>;
}

async function look(page: Page, name: string) {
  await shoot(page, name);
  expect(await checkA11y(page)).toEqual([]);
}

async function runJourney(browser: Browser, url: string, journey: Journey) {
  const say = words[journey.language];
  const shot = (name: string) =>
    `portal-bundle-${name}-${journey.language}${journey.largeText ? '-large' : ''}-${journey.width}`;
  const idNumber = idNumberBorn(journey.birth, journey.phone.slice(-3));
  const mailbox = await request.newContext({ baseURL: url });

  // given a resident who once booked a health check, signed in with a phone code
  const first = await newPage(browser, {
    width: journey.width,
    height: journey.height,
    language: journey.language,
  });
  const second = await newPage(browser, {
    width: journey.width,
    height: journey.height,
    language: journey.language,
  });
  try {
    const page = first.page;
    page.setDefaultTimeout(20_000);
    if (journey.largeText) await page.addInitScript(() => localStorage.setItem('tongban.largeText', 'on'));
    await page.goto(`${url}/portal/`);
    expect(
      (await page.request.post(`${url}/api/auth/phone-codes`, { data: { phone: journey.phone } })).status(),
    ).toBe(202);
    const code = await codeFor(mailbox, journey.phone);
    const signedIn = await page.request.post(`${url}/api/auth/phone-sign-in`, {
      data: { phone: journey.phone, code },
    });
    expect(signedIn.status(), await signedIn.text()).toBe(200);
    const earlier = await page.request.post(`${url}/api/cases`, {
      data: {
        matter: 'd1.senior-health-check',
        data: {
          applicantName: journey.name,
          idNumber,
          birthDate: journey.birth,
          phone: journey.phone,
          address: '北京市东城区东华门街道 8 号',
          preferredDate: '2026-12-20',
          institution: 'community-health-centre',
        },
      },
    });
    expect(earlier.status(), await earlier.text()).toBe(201);

    // when they start the senior-services bundle from the catalog
    await page.goto(`${url}/portal/`);
    await page
      .getByRole('link', {
        name: journey.language === 'zh-CN' ? '一次申请全部办理' : 'Apply for all of them at once',
      })
      .last()
      .waitFor();
    await look(page, shot('catalog'));
    await page.goto(`${url}/portal/bundle/d1.senior-services`);

    // then what the earlier application said is filled in and marked so, and the ID number says why it is asked
    await page.getByText(say.prefilled).waitFor();
    await heading(page, say.steps.shared).waitFor();
    expect(await field(page, say.fields.name).inputValue()).toBe(journey.name);
    expect(await page.getByText(say.fromLast).count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByText(say.whyWeAsk).count()).toBeGreaterThanOrEqual(1);
    await look(page, shot('prefilled'));
    await page.getByRole('button', { name: say.continue, exact: true }).click();

    // when they choose all three, name an emergency contact, go on to step 3 and leave
    await heading(page, say.steps.card).waitFor();
    await page.getByLabel(say.fields.busCard).check();
    await page.getByLabel(say.fields.healthCheck).check();
    await field(page, say.fields.emergencyContact).fill('赵小明');
    await look(page, shot('step-2'));
    await page.getByRole('button', { name: say.continue, exact: true }).click();
    await heading(page, say.steps.bus).waitFor();
    await page.getByText(say.saved).waitFor();
    const resumeCode = (await page.getByTestId('resume-code').textContent()) ?? '';
    expect(resumeCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await first.close();

    // and come back in another browser, nobody signed in, with the code written down in small letters
    const later = second.page;
    later.setDefaultTimeout(20_000);
    if (journey.largeText) await later.addInitScript(() => localStorage.setItem('tongban.largeText', 'on'));
    await later.goto(`${url}/portal/resume`);
    await later.getByLabel(say.resume.code).fill(resumeCode.toLowerCase());
    await look(later, shot('resume'));
    await later.getByRole('button', { name: say.resume.open, exact: true }).click();

    // then the application opens at the step reached, with every answer given
    await heading(later, say.steps.bus).waitFor();
    await later.getByLabel(say.fields.cardNew).check();
    await later.getByLabel(say.fields.counter).check();
    await later.getByRole('button', { name: say.continue, exact: true }).click();
    await heading(later, say.steps.check).waitFor();
    await field(later, say.fields.preferredDate).fill('2026-12-28');
    await later.getByLabel(say.fields.districtHospital, { exact: true }).check();
    await look(later, shot('step-4'));
    await later.getByRole('button', { name: say.continue, exact: true }).click();
    await heading(later, say.steps.closing).waitFor();
    await later.getByLabel(say.fields.consent).check();
    await later.getByRole('button', { name: say.continue, exact: true }).click();
    await heading(later, say.steps.review).waitFor();
    await expect.poll(() => later.getByText(journey.name).count()).toBeGreaterThan(0);
    await look(later, shot('review'));

    // when they send it, they sign in with a code sent to their phone
    await later.getByRole('button', { name: say.send }).click();
    await field(later, say.phone.number).fill(journey.phone);
    const before = await newestMessageId(mailbox, journey.phone);
    await later.getByRole('button', { name: say.phone.send }).click();
    const laterCode = await codeFor(mailbox, journey.phone, before);
    await field(later, say.phone.code).fill(laterCode);
    await look(later, shot('sign-in'));
    await later.getByRole('button', { name: say.phone.submit, exact: true }).last().click();

    // then the receipt says which three departments have it and what each does next
    await later.getByText(say.receipt, { exact: true }).waitFor();
    const departments = await later.getByTestId('receipt-department').allTextContents();
    expect(departments).toHaveLength(3);
    say.departments.forEach((department, index) => expect(departments[index]).toContain(department));
    await look(later, shot('receipt'));
    const applicationId = ((await later.getByTestId('application-number').textContent()) ?? '').trim();

    // when they follow it, and civil affairs asks for the emergency contact's phone
    await later.getByRole('link', { name: say.follow }).click();
    await expect.poll(() => later.getByTestId('tracker-item').count()).toBe(3);
    await look(later, shot('tracker'));
    const tracker = (await (
      await later.request.get(`${url}/api/bundle-applications/${applicationId}`)
    ).json()) as Tracker;
    const cardCase = tracker.items.find((item) => item.matter === 'd1.senior-card')?.caseId as string;
    const admin = await staff(url, 'admin');
    const minzheng = await staff(url, 'minzheng');
    try {
      const intake = ((await (await admin.get(`/api/cases/${cardCase}`)).json()) as CaseJson).tasks.find(
        (task) => task.status === 'open',
      ) as { id: string };
      const asked = await minzheng.post(`/api/tasks/${intake.id}/request-supplements`, {
        data: { items: ['emergencyPhone'], reason: '请留一个紧急联系人的电话，方便出事时联系家人' },
      });
      expect(asked.status(), await asked.text()).toBe(200);

      // then the open tracker shows it without a reload: only the missing field, the clerk's note, the clock paused
      const supplement = later.getByTestId('supplement');
      await supplement.waitFor();
      await later.getByText('请留一个紧急联系人的电话').waitFor();
      expect(await supplement.locator('input, textarea, select').count()).toBe(1);
      await later.getByText(say.paused).waitFor();
      await look(later, shot('supplement'));
      await field(later, say.fields.emergencyPhone).fill('13900001111');
      await supplement.getByRole('button', { name: say.supplementSend }).click();
      await supplement.waitFor({ state: 'detached' });
      await expect.poll(() => later.getByText(say.paused).count()).toBe(0);

      // when every department finishes (the bus card starts once the senior card is done)
      await work(admin, cardCase);
      for (const item of tracker.items.filter((one) => one.caseId && one.caseId !== cardCase))
        await work(admin, item.caseId as string);
      const busCase = await vi.waitFor(
        async () => {
          const now = (await (
            await later.request.get(`${url}/api/bundle-applications/${applicationId}`)
          ).json()) as Tracker;
          const bus = now.items.find((item) => item.matter === 'd1.senior-bus-card');
          if (!bus?.caseId) throw new Error('the bus card has not started yet');
          return bus.caseId;
        },
        { timeout: 15_000, interval: 200 },
      );
      await work(admin, busCase);

      // then the tracker says it is all done, and they rate it once
      await later.getByText(say.allDone).waitFor();
      await later.getByLabel(say.satisfied, { exact: true }).check();
      await look(later, shot('closed'));
      await later.getByRole('button', { name: say.rate }).click();
      await later.getByText(say.rated).waitFor();
      await look(later, shot('rated'));
    } finally {
      await admin.dispose();
      await minzheng.dispose();
    }
    expect(second.errors.filter((error) => !/status of 40[14]/.test(error))).toEqual([]);
  } finally {
    await mailbox.dispose();
    await first.close().catch(() => undefined);
    await second.close();
  }
}

describe('a life event in the portal: senior services, start to rating', () => {
  const url = inject('tongbanUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should prefill, resume by code in a fresh browser, sign in by phone code, split into three departments, follow a supplement live, close and be rated (zh-CN, 360 px)', async () => {
    await runJourney(browser, url, {
      language: 'zh-CN',
      largeText: false,
      width: 360,
      height: 740,
      birth: '1951-04-12',
      phone: '13912340001',
      name: '赵淑芬',
    });
  }, 240_000);

  it('should do the same in English (360 px)', async () => {
    await runJourney(browser, url, {
      language: 'en',
      largeText: false,
      width: 360,
      height: 740,
      birth: '1952-07-21',
      phone: '13912340002',
      name: '钱玉兰',
    });
  }, 240_000);

  it('should do the same with the larger text (1280 px)', async () => {
    await runJourney(browser, url, {
      language: 'zh-CN',
      largeText: true,
      width: 1280,
      height: 800,
      birth: '1953-10-05',
      phone: '13912340003',
      name: '孙秀英',
    });
  }, 240_000);
});
