import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

/**
 * Errors a person can read: every detail of an error arrives in the caller's language (zh-CN unless
 * Accept-Language asks for English first), names a form's field by the title the form gives it, and
 * keeps JSON Schema's plumbing ("must match "then" schema") away from the person.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

interface ErrorJson {
  error: string;
  message: string;
  details: Array<{ path: string; message: string }>;
}

const cjk = /[\u4e00-\u9fff]/;
/** Phrases of ajv's own English messages: none may reach a person. */
const ajvEnglish =
  /must have required property|must match|must NOT|must pass|must be (string|number|integer|boolean|object|array|null|equal|[<>])|schema|property '/;

async function send(
  username: string | null,
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
  method: 'POST' | 'PUT' = 'POST',
): Promise<LightMyRequestResponse> {
  const cookie = username === null ? null : await h.login(username);
  return h.call(cookie, {
    method,
    url,
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

const detailsOf = (response: LightMyRequestResponse) =>
  Object.fromEntries((response.json() as ErrorJson).details.map((detail) => [detail.path, detail.message]));

function expectChinese(response: LightMyRequestResponse) {
  const body = response.json() as ErrorJson;
  expect(body.message).toMatch(cjk);
  expect(body.details.length).toBeGreaterThan(0);
  for (const detail of body.details) {
    expect(detail.message, detail.path).toMatch(cjk);
    expect(detail.message, detail.path).not.toMatch(ajvEnglish);
  }
}

describe('readable errors: form data', () => {
  const badApplication = {
    matter: 'd1.senior-allowance',
    data: { address: '和平街 1 号', phone: '1380000', amount: -5, urgent: 'yes' },
  };

  it('should word every problem of an application in Chinese by default, naming fields by their titles', async () => {
    const response = await send('resident', '/api/cases', badApplication);
    expect(response.statusCode).toBe(422);
    expectChinese(response);
    const details = detailsOf(response);
    expect(details['/applicantName']).toContain('“姓名”');
    expect(details['/idNumber']).toContain('“身份证号”');
    expect(details['/phone']).toContain('“手机号”');
    expect(details['/amount']).toContain('“申请金额”');
    expect(details['/amount']).toContain('0');
    expect(details['/urgent']).toContain('“加急”');
    // the title's English half stays out of the Chinese sentence
    expect(details['/phone']).not.toContain('Mobile');
  });

  it('should word them in English when the caller asks for English', async () => {
    const response = await send('resident', '/api/cases', badApplication, {
      'accept-language': 'en-US,en;q=0.9',
    });
    expect(response.statusCode).toBe(422);
    const details = detailsOf(response);
    expect(details['/applicantName']).toBe('"Name" is required');
    expect(details['/phone']).toContain('"Mobile"');
    expect(details['/amount']).toContain('"Amount"');
    for (const message of Object.values(details)) {
      expect(message).not.toMatch(cjk);
      expect(message).not.toMatch(ajvEnglish);
    }
  });

  it('should word a task form problem by the task form title', async () => {
    const kase = await h.json<{ id: string; tasks: Array<{ id: string; state: string }> }>(
      'resident',
      'POST',
      '/api/cases',
      {
        matter: 'd1.senior-allowance',
        data: applicantData,
      },
      201,
    );
    const intake = kase.tasks.find((task) => task.state.endsWith('intake'))?.id as string;
    await h.json('minzheng', 'POST', `/api/tasks/${intake}/complete`, { outcome: 'accept' });
    const reviewing = await h.json<{ tasks: Array<{ id: string; state: string; status: string }> }>(
      'minzheng',
      'GET',
      `/api/cases/${kase.id}`,
    );
    const lead = reviewing.tasks.find((task) => task.state.endsWith('reviewing') && task.status !== 'done');
    const response = await send('minzheng', `/api/tasks/${lead?.id}/complete`, {
      outcome: 'approve',
      data: { opinion: '同意', verifiedOnSite: 'yes' },
    });
    expect(response.statusCode, response.body).toBe(422);
    expectChinese(response);
    expect(detailsOf(response)['/verifiedOnSite']).toContain('“已现场核查”');
  });

  it('should report what is missing from a bundle application, not that a "then" schema failed', async () => {
    const response = await send('resident', '/api/bundles/d1.senior-services/applications', {
      data: { choice: { busCard: true } },
    });
    expect(response.statusCode, response.body).toBe(422);
    expectChinese(response);
    const body = response.json() as ErrorJson;
    expect(body.details.map((detail) => detail.path)).not.toContain('/');
    expect(JSON.stringify(body)).not.toMatch(/then/);
    // the section of a matter is named by the matter's title
    expect(detailsOf(response)['/m_d1_senior-bus-card']).toContain('老年人免费乘车卡');
    // the applicant's consent box is asked for by its label
    expect(detailsOf(response)['/consent']).toContain('我已阅读并同意');
  });
});

describe('readable errors: requests', () => {
  it("should word a route's schema problems in the caller's language", async () => {
    const zh = await send('resident', '/api/cases', { matter: 5 });
    expect(zh.statusCode).toBe(400);
    expectChinese(zh);
    expect(Object.keys(detailsOf(zh)).sort()).toEqual(['/body/data', '/body/matter']);

    const en = await send(
      'resident',
      '/api/cases',
      { matter: 5, status: 'done' },
      { 'accept-language': 'en' },
    );
    const details = detailsOf(en);
    expect(details['/body/matter']).toBe('"matter" must be text');
    expect(details['/body/data']).toBe('"data" is required');
    expect(details['/body/status']).toBe('there is no field "status" here');
  });

  it('should word a malformed JSON body in the caller language', async () => {
    const response = await send('resident', '/api/cases', '{"matter":');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'TB_REQUEST_INVALID' });
    expectChinese(response);
  });

  it.each(['text/plain', 'text/csv', 'application/xml'])(
    'should answer a JSON route sent %s with 415 in the project error body',
    async (type) => {
      const response = await send(
        'resident',
        '/api/cases',
        JSON.stringify({ matter: 'd1.senior-allowance' }),
        {
          'content-type': type,
        },
      );
      expect(response.statusCode, response.body).toBe(415);
      const body = response.json() as ErrorJson;
      expect(Object.keys(body).sort()).toEqual(['details', 'error', 'message']);
      expect(body.error).toBe('TB_UNSUPPORTED_MEDIA_TYPE');
      expect(body.message).toMatch(cjk);
      expect(body.message).toContain(type);
      for (const detail of body.details) expect(detail.message).toMatch(cjk);
    },
  );
});
