import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureLoop, type LoopReport } from '../support/event-loop.js';
import { createHarness, type Harness } from '../support/harness.js';

/**
 * Definitions and answers written to freeze or crash the server, sent through the HTTP API while the
 * event loop is watched (decision 0015). Whatever is published and whatever is sent, no request holds
 * the loop for 100 ms, `/api/health` answers meanwhile, and nothing answers 500.
 *
 * Each request is measured on its own, from the moment it is sent until a tick after it answered;
 * payloads are serialized before, so that only the server's work is in the window (PGlite's start-up
 * is in `beforeAll`, outside every window). On a loaded machine the wall-clock delay can stretch
 * without the server doing anything: the assertion is on the delay the process's own CPU time can
 * account for (see measureLoop), and the raw figures are printed with any failure.
 */
const limitMs = 100;

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  // warm up: sign-ins, the first compile of fastify's route schemas, the catalog
  await h.json('admin', 'GET', '/api/health');
  await h.json('resident', 'GET', '/api/health');
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const title = (text: string) => ({ 'zh-CN': text, en: text });
const reports: Array<{ label: string; status: number; report: LoopReport; health: number[] }> = [];

/** Sends one request (body already serialized) and measures it, with health checks running alongside. */
async function send(
  label: string,
  user: 'admin' | 'resident',
  method: 'POST' | 'GET',
  url: string,
  body?: string,
): Promise<LightMyRequestResponse> {
  const cookie = await h.login(user);
  const healthStatuses: number[] = [];
  const { result, report } = await measureLoop(async () => {
    let done = false;
    const request = h
      .call(cookie, {
        method,
        url,
        ...(body === undefined ? {} : { payload: body, headers: { 'content-type': 'application/json' } }),
      })
      .finally(() => {
        done = true;
      });
    // /api/health asked every few milliseconds while the request is in flight
    const health = (async () => {
      do {
        const response = await h.call(null, { method: 'GET', url: '/api/health' });
        healthStatuses.push(response.statusCode);
        await new Promise((resolve) => setTimeout(resolve, 5));
      } while (!done);
    })();
    const [response] = await Promise.all([request, health]);
    return response;
  });
  reports.push({ label, status: result.statusCode, report, health: healthStatuses });
  expect(result.statusCode, `${label}: ${result.body.slice(0, 500)}`).not.toBe(500);
  expect(healthStatuses.length, `${label}: /api/health answered`).toBeGreaterThan(0);
  expect(healthStatuses.every((status) => status === 200)).toBe(true);
  expect(report.ownDelayMs, `${label}: ${JSON.stringify(report)}`).toBeLessThan(limitMs);
  return result;
}

const form = (key: string, schema: object) => ({ kind: 'form', key, version: 1, title: title(key), schema });
const workflow = (key: string, formKey: string, machine?: object) => ({
  kind: 'workflow',
  key,
  version: 1,
  title: title(key),
  form: formKey,
  machine: machine ?? {
    initial: 'review',
    states: {
      review: {
        meta: {
          task: { title: title('review'), queue: { department: 'd1.minzheng' }, outcomes: ['approve'] },
        },
        on: { approve: 'done' },
      },
      done: { type: 'final' },
    },
  },
});

/** Definitions this file has stored, so that a test's retry finds them there instead of uploading again. */
const stored = new Map<string, LightMyRequestResponse>();

/** Uploads and publishes, each step measured; the upload's response is returned. */
async function publish(
  label: string,
  definition: { kind: string; key: string },
): Promise<LightMyRequestResponse> {
  const before = stored.get(`${definition.kind}/${definition.key}`);
  if (before) return before;
  const uploaded = await send(
    `${label}: upload`,
    'admin',
    'POST',
    '/api/definitions',
    JSON.stringify(definition),
  );
  if (uploaded.statusCode === 201) {
    // stored before the publish is measured: a measurement that fails has still published it
    stored.set(`${definition.kind}/${definition.key}`, uploaded);
    await send(
      `${label}: publish`,
      'admin',
      'POST',
      `/api/definitions/${definition.kind}/${definition.key}/1/publish`,
    );
  }
  return uploaded;
}

/** A form and a workflow of its own that uses it, both expected to be accepted. */
async function publishPair(label: string, key: string, schema: object, machine?: object): Promise<void> {
  const f = await publish(`${label} form`, form(key, schema));
  expect(f.statusCode, f.body.slice(0, 500)).toBe(201);
  const w = await publish(`${label} workflow`, workflow(key, key, machine));
  expect(w.statusCode, w.body.slice(0, 500)).toBe(201);
}

const apply = (label: string, workflowKey: string, dataText: string) =>
  send(
    label,
    'resident',
    'POST',
    '/api/cases',
    `{"workflow":${JSON.stringify(workflowKey)},"data":${dataText}}`,
  );

const problemsOf = (response: LightMyRequestResponse) =>
  (response.json() as { details?: Array<{ path: string }> }).details ?? [];

// A bound on the server's own CPU time still stretches when the whole suite shares two cores (103-216 ms
// measured at a load of 13-16): each test gets two more tries, while work that really grows with the
// input (a backtracking pattern takes seconds, not 100 ms) fails every one of them.
describe('bounded work: hostile definitions and answers never hold the event loop', { retry: 2 }, () => {
  it('should check an ordinary application as before, within the bound (the measurement itself)', async () => {
    await publishPair('ordinary', 'bw-ordinary', {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', maxLength: 50 },
        idNumber: { type: 'string', pattern: '^[0-9]{17}[0-9X]$' },
      },
    });
    const ok = await apply(
      'ordinary application',
      'bw-ordinary',
      JSON.stringify({ name: '张三', idNumber: '11010519491231002X' }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const bad = await apply(
      'ordinary application, bad id',
      'bw-ordinary',
      JSON.stringify({ name: '张三', idNumber: '1101' }),
    );
    expect(bad.statusCode).toBe(422);
  });

  it('should run a form pattern with nested quantifiers in linear time: ^(a+)+$ on a long answer', async () => {
    await publishPair('nested quantifier pattern', 'bw-pattern', {
      type: 'object',
      properties: { code: { type: 'string', pattern: '^(a+)+$' } },
    });
    const hostile = await apply(
      'pattern answer',
      'bw-pattern',
      JSON.stringify({ code: `${'a'.repeat(32)}!` }),
    );
    expect(hostile.statusCode).toBe(422);
    expect(problemsOf(hostile).map((detail) => detail.path)).toContain('/code');
    const long = await apply(
      'pattern answer, 200 KB',
      'bw-pattern',
      JSON.stringify({ code: `${'a'.repeat(200_000)}!` }),
    );
    expect(long.statusCode).toBe(422);
    const ok = await apply('pattern answer that matches', 'bw-pattern', JSON.stringify({ code: 'aaaa' }));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('should run patternProperties with nested quantifiers in linear time', async () => {
    await publishPair('patternProperties', 'bw-pattern-properties', {
      type: 'object',
      properties: {
        tags: {
          type: 'object',
          patternProperties: { '^(a|aa)+$': { type: 'integer' } },
          additionalProperties: false,
        },
      },
    });
    const response = await apply(
      'patternProperties answer',
      'bw-pattern-properties',
      JSON.stringify({ tags: { [`${'a'.repeat(40)}!`]: 1, [`${'a'.repeat(3000)}!`]: 2 } }),
    );
    expect(response.statusCode).toBe(422);
  });

  it('should refuse a pattern the linear engine cannot run, naming its path', async () => {
    const response = await publish(
      'backreference pattern',
      form('bw-backreference', {
        type: 'object',
        properties: { code: { type: 'string', pattern: '^(a+)\\1$' } },
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(problemsOf(response).map((detail) => detail.path)).toContain('/schema/properties/code/pattern');
  });

  it('should check format: regex answers without running them', async () => {
    await publishPair('format regex', 'bw-format-regex', {
      type: 'object',
      properties: { rule: { type: 'string', format: 'regex' } },
    });
    for (const [label, value, status] of [
      ['deep groups', '('.repeat(50_000), 422],
      ['nested quantifiers', '(a+)+'.repeat(20_000), 201],
      ['huge repeats', 'a{1000000000}'.repeat(10_000), 201],
      ['nested classes', '[[[[[['.repeat(20_000), 422],
      // building an expression costs about 0.2 µs a character: 150 KB are checked, 300 KB refused
      ['150 KB of \\s', '\\s'.repeat(75_000), 201],
      ['300 KB of \\s', '\\s'.repeat(150_000), 422],
    ] as const) {
      const response = await apply(
        `format regex answer: ${label}`,
        'bw-format-regex',
        JSON.stringify({ rule: value }),
      );
      expect(response.statusCode).toBe(status);
    }
  });

  it('should check uniqueItems in linear time on a long list without maxItems', async () => {
    await publishPair('uniqueItems', 'bw-unique', {
      type: 'object',
      properties: { rows: { type: 'array', uniqueItems: true, items: { type: 'object' } } },
    });
    // a list the form takes (ajv's own uniqueItems compares every pair of it)
    const rows = Array.from({ length: 550 }, (_, index) => ({ n: index, t: 'x' }));
    const taken = await apply('uniqueItems answer (550 rows)', 'bw-unique', JSON.stringify({ rows }));
    expect(taken.statusCode, taken.body.slice(0, 300)).toBe(201);
    const duplicate = await apply(
      'uniqueItems answer (550 rows, one twice)',
      'bw-unique',
      JSON.stringify({ rows: [...rows, { t: 'x', n: 7 }] }),
    );
    expect(duplicate.statusCode).toBe(422);
    // the issue's 549 KB list: more than this form checks
    const long = Array.from({ length: 20_000 }, (_, index) => ({ n: index, t: 'x' }));
    const refused = await apply('uniqueItems answer (549 KB)', 'bw-unique', JSON.stringify({ rows: long }));
    expect(refused.statusCode).toBe(422);
  });

  it('should stop a guard whose work grows with the data, and refuse the 1,801-operation guard of the issue', async () => {
    // `+` of a list reads it as a number, which writes the whole list out as text each time
    const guardOf = (readings: number) => ({
      or: Array.from({ length: readings }, () => ({ '==': [{ '+': [{ var: 'data.list' }] }, -1] })),
    });
    const machine = (guard: object) => ({
      initial: 'check',
      states: {
        check: { always: [{ target: 'done', guard: { when: guard } }, { target: 'review' }] },
        review: {
          meta: {
            task: { title: title('review'), queue: { department: 'd1.minzheng' }, outcomes: ['approve'] },
          },
          on: { approve: 'done' },
        },
        done: { type: 'final' },
      },
    });
    // 600 readings (1,801 operations): the definition itself is more than a definition may be
    const issue = await publish(
      '1,801-operation guard',
      workflow('bw-guard-1801', 'bw-guard', machine(guardOf(600))),
    );
    expect(issue.statusCode).toBe(422);
    expect(problemsOf(issue).map((detail) => detail.path)).toEqual(['']);
    await publishPair(
      'costly guard',
      'bw-guard',
      { type: 'object', properties: { list: { type: 'array', items: { type: 'string' } } } },
      machine(guardOf(300)),
    );
    // a list the form takes: 300 readings of it are more work than an expression may do
    const list = Array.from(
      { length: 2_500 },
      (_, index) => `an answer of sixty-four characters, padded out to that, no. ${index}`,
    );
    const response = await apply('costly guard answer (2,500 items)', 'bw-guard', JSON.stringify({ list }));
    expect(response.statusCode).toBe(422);
    expect((response.json() as { error: string }).error).toBe('TB_EXPRESSION_LIMIT');
    // the issue's 140,000 items: more than this form checks
    const longer = Array.from({ length: 140_000 }, (_, index) => String(index % 10));
    const refused = await apply(
      'costly guard answer (140,000 items)',
      'bw-guard',
      JSON.stringify({ list: longer }),
    );
    expect(refused.statusCode).toBe(422);
    const small = await apply('costly guard, small answer', 'bw-guard', JSON.stringify({ list: ['a', 'b'] }));
    expect(small.statusCode, small.body).toBe(201);
  });

  it('should stop eventless transitions that choose each other forever', async () => {
    await publishPair(
      'eventless loop',
      'bw-loop',
      { type: 'object', properties: { stop: { type: 'boolean' } } },
      {
        initial: 'a',
        states: {
          a: { always: { target: 'b', guard: { when: true } } },
          b: {
            always: [{ target: 'a', guard: { when: { '!': { var: 'data.stop' } } } }, { target: 'review' }],
          },
          review: {
            meta: {
              task: { title: title('review'), queue: { department: 'd1.minzheng' }, outcomes: ['approve'] },
            },
            on: { approve: 'done' },
          },
          done: { type: 'final' },
        },
      },
    );
    const looping = await apply('eventless loop answer', 'bw-loop', JSON.stringify({ stop: false }));
    expect(looping.statusCode).toBe(422);
    expect((looping.json() as { error: string }).error).toBe('TB_STEP_LIMIT');
    const resting = await apply(
      'eventless loop answer that lets it rest',
      'bw-loop',
      JSON.stringify({ stop: true }),
    );
    expect(resting.statusCode, resting.body).toBe(201);
  });

  it('should refuse a $ref that leads back to itself, and never answer 500 for it', async () => {
    const response = await publish(
      'self $ref',
      form('bw-ref-self', { type: 'object', $ref: '#', properties: { name: { type: 'string' } } }),
    );
    expect(response.statusCode).toBe(422);
    expect(problemsOf(response).map((detail) => detail.path)).toContain('/schema/$ref');
    const cycle = await publish(
      '$ref cycle',
      form('bw-ref-cycle', {
        type: 'object',
        definitions: { a: { $ref: '#/definitions/b' }, b: { allOf: [{ $ref: '#/definitions/a' }] } },
        properties: { x: { $ref: '#/definitions/a' } },
      }),
    );
    expect(cycle.statusCode).toBe(422);
  });

  it('should take a recursive form (a tree) but refuse answers nested deeper than the bound', async () => {
    await publishPair('recursive tree', 'bw-tree', {
      type: 'object',
      definitions: {
        node: {
          type: 'object',
          properties: { name: { type: 'string' }, child: { $ref: '#/definitions/node' } },
        },
      },
      properties: { root: { $ref: '#/definitions/node' } },
    });
    const ok = await apply(
      'tree answer',
      'bw-tree',
      JSON.stringify({ root: { name: 'a', child: { name: 'b', child: { name: 'c' } } } }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const deep = `{"root":${'{"child":'.repeat(50_000)}{}${'}'.repeat(50_000)}}`;
    const response = await apply('tree answer 50,000 deep', 'bw-tree', deep);
    expect([400, 422]).toContain(response.statusCode);
    const forty = `{"root":${'{"child":'.repeat(40)}{}${'}'.repeat(40)}}`;
    const refused = await apply('tree answer 40 deep', 'bw-tree', forty);
    expect(refused.statusCode, refused.body.slice(0, 300)).toBe(422);
  });

  it('should refuse answers nested deeply under a free-form field', async () => {
    await publishPair('free-form field', 'bw-free', {
      type: 'object',
      properties: { note: { type: 'object' }, list: { type: 'array' } },
    });
    const objects = `{"note":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    // the HTTP layer refuses bodies nested past 64 levels (400); the form's check, answers past 32 (422)
    const deepObjects = await apply('deep objects', 'bw-free', objects);
    expect([400, 422], deepObjects.body.slice(0, 300)).toContain(deepObjects.statusCode);
    const fortyDeep = `{"note":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`;
    const refused = await apply('objects 40 deep', 'bw-free', fortyDeep);
    expect(refused.statusCode, refused.body.slice(0, 300)).toBe(422);
    const arrays = `{"list":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const deepArrays = await apply('deep arrays', 'bw-free', arrays);
    expect([400, 422], deepArrays.body.slice(0, 300)).toContain(deepArrays.statusCode);
  });

  it('should refuse definitions too large or too costly to check, before compiling them', async () => {
    const hugeEnum = await publish(
      'enum of 60,000 values',
      form('bw-enum', {
        type: 'object',
        properties: { street: { enum: Array.from({ length: 60_000 }, (_, index) => `street-${index}`) } },
      }),
    );
    // past the definitions' 512 KB body limit (413), or refused by the validator (422)
    expect([413, 422]).toContain(hugeEnum.statusCode);
    const enumWithin = await publish(
      'enum of 20,000 values',
      form('bw-enum-20k', {
        type: 'object',
        properties: { street: { enum: Array.from({ length: 20_000 }, (_, index) => `s${index}`) } },
      }),
    );
    expect(enumWithin.statusCode).toBe(422);
    expect(problemsOf(enumWithin).map((detail) => detail.path)).toEqual(['']);
    const many = await publish(
      '20,000 properties',
      form('bw-many', {
        type: 'object',
        properties: Object.fromEntries(
          Array.from({ length: 20_000 }, (_, index) => [`p${index}`, { type: 'string', maxLength: 10 }]),
        ),
      }),
    );
    expect([413, 422]).toContain(many.statusCode);
    // every level refers twice to the next: 2^30 checks of one value
    const definitions: Record<string, object> = { d0: { type: 'string', minLength: 2 } };
    for (let level = 1; level <= 30; level++)
      definitions[`d${level}`] = {
        anyOf: [{ $ref: `#/definitions/d${level - 1}` }, { $ref: `#/definitions/d${level - 1}` }],
      };
    const laughs = await publish(
      'doubling $refs',
      form('bw-laughs', { type: 'object', definitions, properties: { x: { $ref: '#/definitions/d30' } } }),
    );
    expect(laughs.statusCode).toBe(422);
    // written as text: JSON.stringify itself cannot go 10,000 levels deep
    const deepSchema = `{"kind":"form","key":"bw-deep-schema","version":1,"title":{"zh-CN":"深","en":"deep"},"schema":${'{"type":"object","properties":{"a":'.repeat(10_000)}{"type":"string"}${'}}'.repeat(10_000)}}`;
    const deep = await send('schema nested 10,000 deep', 'admin', 'POST', '/api/definitions', deepSchema);
    expect([400, 422]).toContain(deep.statusCode);
    let forty: object = { type: 'string' };
    for (let level = 0; level < 40; level++) forty = { type: 'object', properties: { a: forty } };
    const fortyDeep = await publish('schema nested 80 deep', form('bw-forty', forty));
    expect([400, 422]).toContain(fortyDeep.statusCode);
    const tooBig = await send(
      'a 2 MB definition',
      'admin',
      'POST',
      '/api/definitions',
      JSON.stringify(form('bw-big', { type: 'object', properties: {}, description: 'x'.repeat(2_000_000) })),
    );
    expect(tooBig.statusCode).toBe(413);
    const validate = await send(
      'dry-run validation of the huge enum',
      'admin',
      'POST',
      '/api/definitions/validate',
      JSON.stringify(
        form('bw-enum', {
          type: 'object',
          properties: { s: { enum: Array.from({ length: 60_000 }, (_, i) => i) } },
        }),
      ),
    );
    expect(validate.statusCode).toBe(200);
    expect((validate.json() as { valid: boolean }).valid).toBe(false);
  });

  afterAll(() => {
    // the figures, for the record (and for tuning the bounds)
    console.log(
      reports
        .map(
          ({ label, status, report, health }) =>
            `${label}: ${status}, own ${report.ownDelayMs} ms, loop ${report.maxDelayMs} ms, cpu ${report.cpuMs} ms, wall ${report.wallMs} ms, health ${health.length}x`,
        )
        .join('\n'),
    );
  });
});
