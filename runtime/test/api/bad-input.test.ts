import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../src/db/schema.js';
import { demoPassword, definitionsDir } from '../../src/seed/seed.js';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

/**
 * Malformed requests — wrong types, missing fields, huge bodies, unknown ids, invalid form data, SQL and
 * script injection — each sent by someone otherwise allowed to make the call, so that the refusal is about
 * the input. Every one gets a 4xx in the one error shape, names the field at fault, and writes nothing.
 * Hostile text that is valid input (a comment that reads like SQL) is stored as sent, unchanged.
 */

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

type Who = 'admin' | 'resident' | 'minzheng' | 'anonymous';
const cookies = new Map<Who, string | null>([['anonymous', null]]);
const as = (who: Who) => cookies.get(who) ?? null;

/** Ids made in setup; a request names them as `$case`, `$intake`, ... in its URL or payload. */
const fixtures: Record<string, string> = {};
const withFixtures = (text: string) =>
  text.replace(
    /\$(case|intake|lead|waiting|doneTask|done|order|weijianId|minzhengId)\b/g,
    (_, name: string) => {
      const id = fixtures[name];
      if (id === undefined) throw new Error(`no fixture ${name}`);
      return id;
    },
  );

interface Malformed {
  name: string;
  as: Who;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  /** A string is sent as it is (invalid JSON, wrong content types); anything else as JSON. */
  payload?: unknown;
  headers?: Record<string, string>;
  status: number;
  /** The error code, where it matters which. */
  error?: string;
  /** A path `details` must name: the field at fault. */
  path?: string;
}

function send(request: Pick<Malformed, 'as' | 'method' | 'url' | 'payload' | 'headers'>) {
  const options: InjectOptions = { method: request.method, url: withFixtures(request.url) };
  const headers: Record<string, string> = { ...request.headers };
  if (request.payload !== undefined) {
    const raw = typeof request.payload === 'string' ? request.payload : JSON.stringify(request.payload);
    options.payload = withFixtures(raw);
    headers['content-type'] ??= 'application/json';
  }
  options.headers = headers;
  return h.call(as(request.as), options);
}

interface ErrorJson {
  error: unknown;
  message: unknown;
  details: Array<{ path: unknown; message: unknown }>;
}

const unknownId = '00000000-0000-4000-8000-000000000000';
const sqlInjections = [`' OR 1=1 --`, `'; drop table cases; --`];
const scriptInjection = '<script>alert(1)</script>';
const q = encodeURIComponent;
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const base64Of = (bytes: number) => Buffer.alloc(bytes, 1).toString('base64');
/** A PDF of `bytes` bytes, as text (its header, then spaces). */
const pdfText = (bytes: number) => '%PDF-1.7\n'.padEnd(bytes, ' ');
const form = (data: Record<string, unknown>) => ({
  matter: 'd1.senior-allowance',
  data: { ...applicantData, ...data },
});
const formWithout = (field: keyof typeof applicantData) => {
  const data: Record<string, unknown> = { ...applicantData };
  delete data[field];
  return { matter: 'd1.senior-allowance', data };
};
const publishedForm = readFileSync(join(definitionsDir, 'forms', 'standard-application.json'), 'utf8');
const title = { 'zh-CN': '测试', en: 'Test' };
const newForm = (changes: Record<string, unknown>) => ({
  kind: 'form',
  key: 'bad-input-form',
  version: 1,
  title,
  schema: { type: 'object', properties: { name: { type: 'string' } } },
  ...changes,
});
const newUser = (changes: Record<string, unknown>) => ({
  username: 'bad-input-user',
  displayName: '测试用户',
  password: 'long enough password',
  memberships: [{ role: 'resident' }],
  ...changes,
});

const malformed: Malformed[] = [
  // --- the body is not JSON, not an object, or far too large ---
  ...[
    ['invalid JSON', '{"a":'],
    ['a JSON text with a trailing comma', '{"data":{},}'],
    ['an empty body declared as JSON', ''],
  ].map(([what, payload]): Malformed => ({
    name: `should refuse ${what} with 400`,
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload,
    status: 400,
    error: 'TB_REQUEST_INVALID',
  })),
  ...[
    ['null', 'null'],
    ['an array', '[{"matter":"d1.senior-allowance"}]'],
    ['a string', '"d1.senior-allowance"'],
    ['a number', '42'],
  ].map(([what, payload]): Malformed => ({
    name: `should refuse ${what} where an object is expected`,
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload,
    status: 400,
    path: '/body',
  })),
  ...['text/plain', 'text/plain; charset=utf-8', 'text/csv'].map((type): Malformed => ({
    name: `should refuse JSON sent as ${type} with 415 (a JSON route takes JSON only)`,
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: JSON.stringify(form({})),
    headers: { 'content-type': type },
    status: 415,
    error: 'TB_UNSUPPORTED_MEDIA_TYPE',
  })),
  ...['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'].map(
    (type): Malformed => ({
      name: `should refuse the content type ${type} with 415`,
      as: 'resident',
      method: 'POST',
      url: '/api/cases',
      payload: 'matter=d1.senior-allowance',
      headers: { 'content-type': type },
      status: 415,
      error: 'TB_UNSUPPORTED_MEDIA_TYPE',
    }),
  ),
  {
    name: 'should refuse a 2 MB body with 413',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: form({ address: 'x'.repeat(2 * 1024 * 1024) }),
    status: 413,
    error: 'TB_PAYLOAD_TOO_LARGE',
  },
  {
    name: 'should refuse a __proto__ key (prototype pollution)',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: '{"matter":"d1.senior-allowance","data":{"__proto__":{"isAdmin":true}}}',
    status: 400,
    error: 'TB_REQUEST_INVALID',
  },
  {
    name: 'should refuse a constructor.prototype key (prototype pollution)',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: '{"matter":"d1.senior-allowance","data":{"constructor":{"prototype":{"isAdmin":true}}}}',
    status: 400,
    error: 'TB_REQUEST_INVALID',
  },
  {
    name: 'should refuse form data nested 5,000 levels deep',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: `{"matter":"d1.senior-allowance","data":{"extra":${nested(5000)}}}`,
    status: 400,
    path: '/body/data/extra',
  },
  {
    name: 'should refuse a NUL character in form data (PostgreSQL cannot store it)',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: form({ address: '和平街\u00001 号' }),
    status: 400,
    path: '/body/data/address',
  },
  {
    name: 'should refuse half a surrogate pair in form data (it would be stored altered)',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: '{"matter":"d1.senior-allowance","data":{"applicantName":"\\ud83d"}}',
    status: 400,
    path: '/body/data/applicantName',
  },

  // --- POST /cases: the envelope ---
  {
    name: 'should refuse an application without data',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: { matter: 'd1.senior-allowance' },
    status: 400,
    path: '/body/data',
  },
  {
    name: 'should refuse form data sent as an array',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: { matter: 'd1.senior-allowance', data: [applicantData] },
    status: 400,
    path: '/body/data',
  },
  {
    name: 'should refuse form data sent as a string',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: { matter: 'd1.senior-allowance', data: JSON.stringify(applicantData) },
    status: 400,
    path: '/body/data',
  },
  {
    name: 'should refuse form data with more than 500 fields',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: form(Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`field${i}`, i]))),
    status: 400,
    path: '/body/data',
  },
  {
    name: 'should refuse an unknown field next to the form data',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: { ...form({}), status: 'done' },
    status: 400,
    path: '/body/status',
  },
  {
    name: 'should refuse a matter given as a number',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: { ...form({}), matter: 5 },
    status: 400,
    path: '/body/matter',
  },
  {
    name: 'should refuse an empty matter key',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: { ...form({}), matter: '' },
    status: 400,
    path: '/body/matter',
  },
  {
    name: 'should answer 404 for a matter that does not exist',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: { ...form({}), matter: 'd9.no-such-matter' },
    status: 404,
    path: '/matter',
  },
  {
    name: 'should answer 404 for a workflow that does not exist',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: { workflow: 'no-such-workflow', data: applicantData },
    status: 404,
    path: '/workflow',
  },
  {
    name: 'should refuse an application naming neither a matter nor a workflow',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: { data: applicantData },
    status: 400,
    path: '/matter',
  },
  {
    name: 'should refuse a workflow without its matter when its queues need one',
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: { workflow: 'joint-review', data: applicantData },
    status: 422,
    error: 'TB_QUEUE_UNRESOLVED',
  },

  // --- POST /cases: the matter's form (definitions/forms/standard-application.json) ---
  ...(
    [
      ['an ID number that is too short', { idNumber: '123' }, '/idNumber'],
      ['an ID number with a lower-case x', { idNumber: '11010519491231002x' }, '/idNumber'],
      ['an ID number given as a number', { idNumber: 110105194912310020 }, '/idNumber'],
      ['a phone number with 10 digits', { phone: '1380000000' }, '/phone'],
      ['a phone number with a country code', { phone: '+8613800000000' }, '/phone'],
      ['an empty name', { applicantName: '' }, '/applicantName'],
      ['a name of 51 characters', { applicantName: '张'.repeat(51) }, '/applicantName'],
      ['a name given as an object', { applicantName: { first: '三', last: '张' } }, '/applicantName'],
      ['an address of 201 characters', { address: '街'.repeat(201) }, '/address'],
      ['an amount given as the string "5" (bodies are not coerced)', { amount: '5' }, '/amount'],
      ['a negative amount', { amount: -1 }, '/amount'],
      ['an amount of null', { amount: null }, '/amount'],
      ['"urgent" given as the string "true"', { urgent: 'true' }, '/urgent'],
    ] as const
  ).map(([what, data, path]): Malformed => ({
    name: `should refuse ${what} in the application form`,
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: form(data),
    status: 422,
    error: 'TB_FORM_DATA_INVALID',
    path,
  })),
  ...(['applicantName', 'idNumber', 'phone'] as const).map((field): Malformed => ({
    name: `should refuse an application form without the required ${field}`,
    as: 'resident',
    method: 'POST',
    url: '/api/cases',
    payload: formWithout(field),
    status: 422,
    error: 'TB_FORM_DATA_INVALID',
    path: `/${field}`,
  })),

  // --- paths: malformed and unknown ids ---
  ...[
    ['not-a-uuid', 'a word'],
    ['12345', 'a number'],
    ['urn:uuid:00000000-0000-4000-8000-000000000000', 'a uuid URN'],
    ['00000000000040008000000000000000', 'a uuid without hyphens'],
    ['00000000-0000-4000-8000-00000000000g', 'a uuid with a non-hex digit'],
    [q('../../etc/passwd'), 'a path traversal'],
  ].map(([id, what]): Malformed => ({
    name: `should refuse ${what} as a case id`,
    as: 'admin',
    method: 'GET',
    url: `/api/cases/${id}`,
    status: 400,
    path: '/params/id',
  })),
  {
    name: 'should refuse a URL that cannot be decoded, in the usual error shape',
    as: 'admin',
    method: 'GET',
    url: '/api/cases/%E0%A4%A',
    status: 400,
    error: 'TB_REQUEST_INVALID',
  },
  {
    name: 'should refuse a path parameter of 150 characters, in the usual error shape',
    as: 'admin',
    method: 'GET',
    url: `/api/cases/${'a'.repeat(150)}`,
    status: 414,
    error: 'TB_REQUEST_INVALID',
  },
  ...(
    [
      ['GET', `/api/cases/${unknownId}`, 'a case'],
      ['GET', `/api/tasks/${unknownId}`, 'a task'],
      ['POST', `/api/tasks/${unknownId}/claim`, 'a task to claim'],
      ['POST', `/api/tasks/${unknownId}/release`, 'a task to release'],
      ['GET', `/api/attachments/${unknownId}`, 'an attachment'],
      ['GET', `/api/cases/${unknownId}/comments`, 'the comments of a case'],
      ['GET', `/api/cases/${unknownId}/rating`, 'the rating of a case'],
      ['GET', '/api/definitions/form/no-such-form/1', 'a definition'],
      ['POST', '/api/definitions/form/no-such-form/1/publish', 'a definition to publish'],
      ['POST', '/api/definitions/form/standard-application/7/retire', 'a definition version to retire'],
    ] as const
  ).map(([method, url, what]): Malformed => ({
    name: `should answer 404 for ${what} that does not exist`,
    as: 'admin',
    method,
    url,
    status: 404,
    error: 'TB_NOT_FOUND',
  })),
  {
    name: 'should answer 404 for an unknown case when commenting',
    as: 'resident',
    method: 'POST',
    url: `/api/cases/${unknownId}/comments`,
    payload: { body: '你好' },
    status: 404,
  },
  {
    name: 'should answer 404 for an unknown case when cancelling',
    as: 'resident',
    method: 'POST',
    url: `/api/cases/${unknownId}/cancel`,
    payload: { reason: '不办了' },
    status: 404,
  },
  {
    name: 'should answer 404 for an unknown task when completing',
    as: 'minzheng',
    method: 'POST',
    url: `/api/tasks/${unknownId}/complete`,
    payload: { outcome: 'accept' },
    status: 404,
  },
  {
    name: 'should answer 404 for a method the API does not have',
    as: 'admin',
    method: 'DELETE',
    url: '/api/cases/$case',
    status: 404,
    error: 'TB_ROUTE_NOT_FOUND',
  },
  {
    name: 'should answer 404 for a route the API does not have',
    as: 'admin',
    method: 'PUT',
    url: '/api/cases/$case/status',
    payload: { status: 'done' },
    status: 404,
    error: 'TB_ROUTE_NOT_FOUND',
  },

  // --- query strings ---
  ...['0', '1000', '-1', 'abc', '1.5', ''].map((limit): Malformed => ({
    name: `should refuse limit=${limit} on my applications`,
    as: 'resident',
    method: 'GET',
    url: `/api/cases/mine?limit=${limit}`,
    status: 400,
    path: '/querystring/limit',
  })),
  ...['0', '101', 'abc'].map((limit): Malformed => ({
    name: `should refuse limit=${limit} on my bundle applications`,
    as: 'resident',
    method: 'GET',
    url: `/api/me/bundles?limit=${limit}`,
    status: 400,
    path: '/querystring/limit',
  })),
  // a cursor is what a page gave: anything else is refused, never read as a moment or an id
  ...[
    ['/api/cases/mine', 'resident', 'my applications'],
    ['/api/cases', 'minzheng', 'the case search'],
    ['/api/notifications', 'minzheng', 'notifications'],
    ['/api/me/bundles', 'resident', 'my bundle applications'],
  ].flatMap(([route, as, what]) =>
    [
      ['not base64 JSON', 'not-a-cursor'],
      ['a moment without an id', Buffer.from(JSON.stringify(['2026-03-09T00:00:00Z'])).toString('base64url')],
      [
        'an id that is no uuid',
        Buffer.from(JSON.stringify(['2026-03-09T00:00:00Z', "1' or 1=1"])).toString('base64url'),
      ],
      [
        'a year PostgreSQL cannot hold',
        Buffer.from(
          JSON.stringify(['+275760-09-13T00:00:00Z', '00000000-0000-4000-8000-000000000000']),
        ).toString('base64url'),
      ],
    ].map(([kind, cursor]): Malformed => ({
      name: `should refuse a cursor that is ${kind} on ${what}`,
      as: as as Who,
      method: 'GET',
      url: `${route}?cursor=${cursor}`,
      status: 400,
      path: '/cursor',
    })),
  ),
  {
    name: 'should refuse a dead-letter cursor that is not an id',
    as: 'admin',
    method: 'GET',
    url: '/api/admin/dead-letters?cursor=abc',
    status: 400,
    path: '/querystring/cursor',
  },
  {
    name: 'should refuse a limit given twice',
    as: 'minzheng',
    method: 'GET',
    url: '/api/cases?limit=1&limit=2',
    status: 400,
    path: '/querystring/limit',
  },
  ...[
    ['yesterday', 'a word'],
    ['2026-03-01', 'a date without a time'],
    ['2026-02-30T00:00:00Z', 'the 30th of February'],
    ['2026-03-01T25:00:00Z', 'the 25th hour'],
    ['2026-03-01T00:00:00', 'a time without a time zone'],
    ['2026-12-31T23:59:60Z', 'a leap second (JavaScript cannot hold it)'],
    ['0000-01-01T00:00:00Z', 'the year 0 (PostgreSQL has none)'],
  ].map(([value, what]): Malformed => ({
    name: `should refuse ${what} as openedBefore`,
    as: 'minzheng',
    method: 'GET',
    url: `/api/cases?openedBefore=${q(value as string)}`,
    status: 400,
    path: '/querystring/openedBefore',
  })),
  {
    name: 'should refuse an unknown case status in a search',
    as: 'minzheng',
    method: 'GET',
    url: '/api/cases?status=deleted',
    status: 400,
    path: '/querystring/status',
  },
  {
    name: 'should refuse a matter filter of 101 characters',
    as: 'minzheng',
    method: 'GET',
    url: `/api/cases?matter=${'m'.repeat(101)}`,
    status: 400,
    path: '/querystring/matter',
  },
  {
    name: 'should refuse an unknown query parameter',
    as: 'minzheng',
    method: 'GET',
    url: '/api/cases?sort=openedAt',
    status: 400,
    path: '/querystring/sort',
  },
  {
    name: 'should refuse a NUL character in a query parameter',
    as: 'minzheng',
    method: 'GET',
    url: '/api/tasks/inbox?department=d1.minzheng&matter=a%00b',
    status: 400,
    path: '/querystring/matter',
  },
  {
    name: 'should refuse an inbox of a department that does not exist',
    as: 'admin',
    method: 'GET',
    url: '/api/tasks/inbox?department=d9.nowhere',
    status: 400,
    path: '/department',
  },
  ...['0', '101', '-1', 'abc'].map((limit): Malformed => ({
    name: `should refuse limit=${limit} on an inbox`,
    as: 'minzheng',
    method: 'GET',
    url: `/api/tasks/inbox?department=d1.minzheng&limit=${limit}`,
    status: 400,
    path: '/querystring/limit',
  })),
  ...[
    ['status=closed', '/querystring/status'],
    ['overdue=maybe', '/querystring/overdue'],
    ['dueBefore=tomorrow', '/querystring/dueBefore'],
    ['assignee=someone', '/querystring/assignee'],
    [`assignee=${q('urn:uuid:00000000-0000-4000-8000-000000000000')}`, '/querystring/assignee'],
    [`cursor=${'c'.repeat(201)}`, '/querystring/cursor'],
  ].map(([query, path]): Malformed => ({
    name: `should refuse ${(query as string).slice(0, 40)} on an inbox`,
    as: 'minzheng',
    method: 'GET',
    url: `/api/tasks/inbox?department=d1.minzheng&${query}`,
    status: 400,
    path,
  })),
  ...[
    ['a cursor that is not base64 JSON', 'abc'],
    ['a cursor that is JSON but not a pair', cursorOf({ id: unknownId })],
    ['a cursor whose id is 36 hyphens', cursorOf([null, '-'.repeat(36)])],
    ['a cursor whose date is not a date', cursorOf(['soon', unknownId])],
    ['a cursor in the year 0', cursorOf(['0000-01-01T00:00:00.000Z', unknownId])],
    ['a cursor at the end of JavaScript time', cursorOf(['+275760-09-13T00:00:00.000Z', unknownId])],
  ].map(([what, cursor]): Malformed => ({
    name: `should refuse ${what}`,
    as: 'minzheng',
    method: 'GET',
    url: `/api/tasks/inbox?department=d1.minzheng&cursor=${cursor}`,
    status: 400,
    path: '/cursor',
  })),
  {
    name: 'should refuse a reveal list that is not field names',
    as: 'admin',
    method: 'GET',
    url: `/api/cases/$case?reveal=${q('idNumber; select *')}`,
    status: 400,
    path: '/querystring/reveal',
  },

  // --- tasks ---
  {
    name: 'should refuse an outcome that is missing',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$intake/complete',
    payload: {},
    status: 400,
    path: '/body/outcome',
  },
  {
    name: 'should refuse an outcome given as a number',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$intake/complete',
    payload: { outcome: 1 },
    status: 400,
    path: '/body/outcome',
  },
  {
    name: 'should refuse an outcome given as an array',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$intake/complete',
    payload: { outcome: ['accept'] },
    status: 400,
    path: '/body/outcome',
  },
  {
    name: 'should refuse an outcome the task does not have',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$intake/complete',
    payload: { outcome: 'approveEverything' },
    status: 422,
    error: 'TB_OUTCOME_NOT_ALLOWED',
    path: '/outcome',
  },
  {
    name: 'should refuse an unknown field next to the outcome',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$intake/complete',
    payload: { outcome: 'accept', assignee: unknownId },
    status: 400,
    path: '/body/assignee',
  },
  {
    name: 'should refuse an empty reason',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$intake/complete',
    payload: { outcome: 'accept', reason: '' },
    status: 400,
    path: '/body/reason',
  },
  {
    name: 'should refuse task data sent as an array',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$lead/complete',
    payload: { outcome: 'approve', data: [] },
    status: 400,
    path: '/body/data',
  },
  {
    name: 'should refuse task form data of the wrong type ("yes" for a boolean)',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$lead/complete',
    payload: { outcome: 'approve', data: { opinion: '同意', verifiedOnSite: 'yes' } },
    status: 422,
    error: 'TB_FORM_DATA_INVALID',
    path: '/verifiedOnSite',
  },
  {
    name: 'should refuse a task form opinion of 2,001 characters',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$lead/complete',
    payload: { outcome: 'approve', data: { opinion: '意'.repeat(2001) } },
    status: 422,
    error: 'TB_FORM_DATA_INVALID',
    path: '/opinion',
  },
  {
    name: 'should refuse a transfer without a reason',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$lead/transfer',
    payload: { toDepartment: 'd1.renshe' },
    status: 400,
    path: '/body/reason',
  },
  {
    name: 'should refuse a transfer to a department that does not exist',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$lead/transfer',
    payload: { toDepartment: 'd9.nowhere', reason: '转办' },
    status: 422,
    error: 'TB_TRANSFER_TARGET_INVALID',
  },
  {
    name: 'should refuse a transfer to the department that has the task',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$lead/transfer',
    payload: { toDepartment: 'd1.minzheng', reason: '转办' },
    status: 422,
    error: 'TB_TRANSFER_TARGET_INVALID',
    path: '/toDepartment',
  },
  {
    name: 'should refuse a request for supplements with no items',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$intake/request-supplements',
    payload: { items: [], reason: '缺材料' },
    status: 400,
    path: '/body/items',
  },
  {
    name: 'should refuse supplement items given as a string',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$intake/request-supplements',
    payload: { items: '收入证明', reason: '缺材料' },
    status: 400,
    path: '/body/items',
  },
  {
    name: 'should refuse a supplement item given as a number',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$intake/request-supplements',
    payload: { items: [5], reason: '缺材料' },
    status: 400,
    path: '/body/items/0',
  },
  {
    name: 'should refuse 51 supplement items',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$intake/request-supplements',
    payload: { items: Array.from({ length: 51 }, (_, i) => `材料${i}`), reason: '缺材料' },
    status: 400,
    path: '/body/items',
  },
  {
    name: 'should refuse a priority that does not exist',
    as: 'admin',
    method: 'POST',
    url: '/api/tasks/$intake/priority',
    payload: { priority: 'ultra' },
    status: 400,
    path: '/body/priority',
  },
  {
    name: 'should refuse a priority given as a number',
    as: 'admin',
    method: 'POST',
    url: '/api/tasks/$intake/priority',
    payload: { priority: 1 },
    status: 400,
    path: '/body/priority',
  },
  {
    name: 'should refuse an outcome on a task that is already closed',
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$doneTask/complete',
    payload: { outcome: 'accept' },
    status: 409,
    error: 'TB_TASK_CLOSED',
  },

  // --- cancel, supplements, ratings ---
  {
    name: 'should refuse a cancellation without a reason',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/cancel',
    payload: {},
    status: 400,
    path: '/body/reason',
  },
  {
    name: 'should refuse a cancellation reason of 2,001 characters',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/cancel',
    payload: { reason: '因'.repeat(2001) },
    status: 400,
    path: '/body/reason',
  },
  {
    name: 'should refuse a cancellation reason given as an array',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/cancel',
    payload: { reason: ['不办了'] },
    status: 400,
    path: '/body/reason',
  },
  {
    name: 'should refuse a correction of the application without a reason',
    as: 'minzheng',
    method: 'POST',
    url: '/api/cases/$case/corrections',
    payload: { data: { phone: '13900000000' } },
    status: 400,
    path: '/body/reason',
  },
  {
    name: 'should refuse a correction that changes nothing',
    as: 'minzheng',
    method: 'POST',
    url: '/api/cases/$case/corrections',
    payload: { data: {}, reason: '更正' },
    status: 400,
    path: '/body/data',
  },
  {
    name: 'should refuse a correction of a field the application form does not have',
    as: 'minzheng',
    method: 'POST',
    url: '/api/cases/$case/corrections',
    payload: { data: { bonus: 1000 }, reason: '更正' },
    status: 422,
    error: 'TB_FORM_DATA_INVALID',
    path: '/bonus',
  },
  {
    name: 'should refuse a correction that breaks the application form (ID number)',
    as: 'minzheng',
    method: 'POST',
    url: '/api/cases/$case/corrections',
    payload: { data: { idNumber: '123' }, reason: '更正' },
    status: 422,
    error: 'TB_FORM_DATA_INVALID',
    path: '/idNumber',
  },
  {
    name: "should refuse task data that would rewrite the applicant's own answers",
    as: 'minzheng',
    method: 'POST',
    url: '/api/tasks/$intake/complete',
    payload: { outcome: 'accept', data: { idNumber: '11010519491231002X' } },
    status: 422,
    error: 'TB_FORM_DATA_INVALID',
    path: '/idNumber',
  },
  {
    name: 'should refuse to reveal a place that holds nothing sensitive',
    as: 'admin',
    method: 'GET',
    url: '/api/cases/$case?reveal=/applicantName',
    status: 400,
    path: '/querystring/reveal',
  },
  {
    name: 'should refuse supplements that break the application form (ID number)',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$waiting/supplements',
    payload: { data: { idNumber: '123' } },
    status: 422,
    error: 'TB_FORM_DATA_INVALID',
    path: '/idNumber',
  },
  {
    name: 'should refuse supplements that break the application form (phone as a number)',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$waiting/supplements',
    payload: { data: { phone: 13800000000 } },
    status: 422,
    error: 'TB_FORM_DATA_INVALID',
    path: '/phone',
  },
  {
    name: 'should refuse supplements sent as an array',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$waiting/supplements',
    payload: { data: [{ address: '和平街 2 号' }] },
    status: 400,
    path: '/body/data',
  },
  {
    name: 'should refuse supplements nobody asked for',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/supplements',
    payload: { data: { address: '和平街 2 号' } },
    status: 409,
    error: 'TB_SUPPLEMENT_NOT_REQUESTED',
  },
  {
    name: 'should refuse a rating before the case closes',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/rating',
    payload: { score: 'good' },
    status: 409,
    error: 'TB_NOT_RATEABLE',
  },
  {
    name: 'should refuse a second rating of a closed case',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$done/rating',
    payload: { score: 'bad', reason: '改主意了' },
    status: 409,
    error: 'TB_NOT_RATEABLE',
  },
  {
    name: 'should refuse a score that does not exist',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$done/rating',
    payload: { score: 'excellent' },
    status: 400,
    path: '/body/score',
  },
  {
    name: 'should refuse a score given as a number',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$done/rating',
    payload: { score: 5 },
    status: 400,
    path: '/body/score',
  },
  {
    name: 'should refuse a rating with an empty reason',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$done/rating',
    payload: { score: 'good', reason: '' },
    status: 400,
    path: '/body/reason',
  },

  // --- comments ---
  {
    name: 'should refuse an empty comment',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/comments',
    payload: { body: '' },
    status: 400,
    path: '/body/body',
  },
  {
    name: 'should refuse a comment of 5,001 characters',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/comments',
    payload: { body: '字'.repeat(5001) },
    status: 400,
    path: '/body/body',
  },
  {
    name: 'should refuse a comment given as an object',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/comments',
    payload: { body: { text: '你好' } },
    status: 400,
    path: '/body/body',
  },
  {
    name: 'should refuse a comment with a NUL character',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/comments',
    payload: { body: 'a\u0000b' },
    status: 400,
    path: '/body/body',
  },
  {
    name: 'should refuse a comment on a task that does not exist',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/comments',
    payload: { body: '你好', taskId: unknownId },
    status: 400,
    path: '/taskId',
  },
  {
    name: "should refuse a comment on another case's task",
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/comments',
    payload: { body: '你好', taskId: '$lead' },
    status: 400,
    path: '/taskId',
  },
  {
    name: 'should refuse a malformed task id on a comment',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/comments',
    payload: { body: '你好', taskId: 'task-1' },
    status: 400,
    path: '/body/taskId',
  },

  // --- attachments: the file itself is the body, its type in Content-Type, its name in the query ---
  {
    name: 'should refuse a 20 MB attachment with 413 naming the 10 MB limit',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/attachments?name=scan.pdf',
    payload: pdfText(20 * 1024 * 1024),
    headers: { 'content-type': 'application/pdf' },
    status: 413,
    error: 'TB_PAYLOAD_TOO_LARGE',
    path: '/body',
  },
  {
    name: 'should refuse an attachment one byte over 10 MB',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/attachments?name=scan.pdf',
    payload: pdfText(10 * 1024 * 1024 + 1),
    headers: { 'content-type': 'application/pdf' },
    status: 413,
    error: 'TB_PAYLOAD_TOO_LARGE',
    path: '/body',
  },
  {
    name: 'should refuse an attachment of a type counters do not take',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/attachments?name=page.html',
    payload: `<html>${scriptInjection}</html>`,
    headers: { 'content-type': 'text/html' },
    status: 415,
    error: 'TB_UNSUPPORTED_MEDIA_TYPE',
    path: '/headers/content-type',
  },
  {
    name: 'should refuse an attachment whose bytes are not the type it declares',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/attachments?name=photo.png',
    payload: `<html>${scriptInjection}</html>`,
    headers: { 'content-type': 'image/png' },
    status: 415,
    error: 'TB_FILE_TYPE_MISMATCH',
    path: '/headers/content-type',
  },
  {
    name: 'should refuse an attachment sent as JSON, as uploads once were',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/attachments?name=scan.pdf',
    payload: { name: 'scan.pdf', contentType: 'application/pdf', content: base64Of(10) },
    status: 415,
    error: 'TB_UNSUPPORTED_MEDIA_TYPE',
    path: '/headers/content-type',
  },
  {
    name: 'should refuse an empty attachment',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/attachments?name=scan.pdf',
    payload: '',
    headers: { 'content-type': 'application/pdf' },
    status: 400,
    path: '/body',
  },
  {
    name: 'should refuse an attachment without a name',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/attachments',
    payload: pdfText(100),
    headers: { 'content-type': 'application/pdf' },
    status: 400,
    path: '/querystring/name',
  },
  ...[
    ['../../etc/passwd', 'a path'],
    [`${scriptInjection}.pdf`, 'markup'],
    ['', 'nothing'],
    ['scan\u0007.pdf', 'a control character'],
  ].map(([fileName, what]): Malformed => ({
    name: `should refuse an attachment name that is ${what}`,
    as: 'resident',
    method: 'POST',
    url: `/api/cases/$case/attachments?name=${q(fileName as string)}`,
    payload: pdfText(100),
    headers: { 'content-type': 'application/pdf' },
    status: 400,
    path: '/querystring/name',
  })),
  {
    name: 'should refuse an attachment on a task that does not exist',
    as: 'resident',
    method: 'POST',
    url: `/api/cases/$case/attachments?name=scan.pdf&taskId=${unknownId}`,
    payload: pdfText(100),
    headers: { 'content-type': 'application/pdf' },
    status: 400,
    path: '/taskId',
  },
  {
    name: 'should refuse an attachment for a material the matter does not ask for',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/attachments?name=scan.pdf&material=passport',
    payload: pdfText(100),
    headers: { 'content-type': 'application/pdf' },
    status: 400,
    path: '/querystring/material',
  },
  {
    name: 'should refuse an attachment with a query parameter it does not know',
    as: 'resident',
    method: 'POST',
    url: '/api/cases/$case/attachments?name=scan.pdf&contentType=application/pdf',
    payload: pdfText(100),
    headers: { 'content-type': 'application/pdf' },
    status: 400,
    path: '/querystring',
  },

  // --- accounts ---
  {
    name: 'should refuse a login with the wrong password',
    as: 'anonymous',
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: 'Tongban2025!' },
    status: 401,
    error: 'TB_LOGIN_FAILED',
  },
  {
    name: 'should refuse a login of an account that does not exist',
    as: 'anonymous',
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'nobody', password: demoPassword },
    status: 401,
    error: 'TB_LOGIN_FAILED',
  },
  {
    name: 'should refuse a login without a password',
    as: 'anonymous',
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin' },
    status: 400,
    path: '/body/password',
  },
  {
    name: 'should refuse a login with the user name in an array',
    as: 'anonymous',
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: ['admin'], password: demoPassword },
    status: 400,
    path: '/body/username',
  },
  {
    name: 'should refuse a login with a NUL character in the user name',
    as: 'anonymous',
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin\u0000', password: demoPassword },
    status: 400,
    path: '/body/username',
  },
  {
    name: 'should refuse an account with a user name of one letter',
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: newUser({ username: 'a' }),
    status: 400,
    path: '/body/username',
  },
  {
    name: 'should refuse an account with a password of 7 characters',
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: newUser({ password: 'short12' }),
    status: 400,
    path: '/body/password',
  },
  {
    name: 'should refuse an account with a password of 9 characters',
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: newUser({ password: 'Ab3$efgh9' }),
    status: 400,
    path: '/body/password',
  },
  ...['1234567890', 'password123', 'QWERTYUIOP'].map((password): Malformed => ({
    name: `should refuse an account with the common password ${password}`,
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: newUser({ password }),
    status: 422,
    error: 'TB_PASSWORD_WEAK',
    path: '/password',
  })),
  {
    name: 'should refuse an account whose password is its user name',
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: newUser({ username: 'li.xiaohong', password: 'li.xiaohong' }),
    status: 422,
    error: 'TB_PASSWORD_WEAK',
    path: '/password',
  },
  {
    name: 'should refuse an account without memberships',
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: newUser({ memberships: [] }),
    status: 400,
    path: '/body/memberships',
  },
  {
    name: 'should refuse a role that does not exist',
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: newUser({ memberships: [{ role: 'superuser' }] }),
    status: 400,
    path: '/body/memberships/0/role',
  },
  {
    name: 'should refuse a staff membership in a department that does not exist',
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: newUser({ memberships: [{ role: 'staff', department: 'd9.nowhere' }] }),
    status: 400,
    path: '/memberships/0/department',
  },
  {
    name: 'should refuse a staff membership without a department',
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: newUser({ memberships: [{ role: 'resident' }, { role: 'staff' }] }),
    status: 400,
    path: '/memberships/1/department',
  },
  {
    name: 'should refuse the same membership twice',
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: newUser({ memberships: [{ role: 'resident' }, { role: 'resident' }] }),
    status: 400,
    path: '/body/memberships',
  },
  {
    name: 'should refuse a user name that is taken',
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: newUser({ username: 'minzheng' }),
    status: 400,
    path: '/username',
  },
  {
    name: 'should refuse an unknown field on an account (no self-made flags)',
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: newUser({ disabled: false }),
    status: 400,
    path: '/body/disabled',
  },

  // --- drafts ---
  {
    name: 'should refuse a draft over 256 KB with 413 naming the limit',
    as: 'anonymous',
    method: 'POST',
    url: '/api/drafts',
    payload: { kind: 'bundle', key: 'd1.senior-services', data: { note: 'x'.repeat(300 * 1024) } },
    status: 413,
    error: 'TB_PAYLOAD_TOO_LARGE',
  },
  {
    name: 'should refuse a draft of a kind that does not exist',
    as: 'anonymous',
    method: 'POST',
    url: '/api/drafts',
    payload: { kind: 'case', key: 'd1.senior-services', data: {} },
    status: 400,
    path: '/body/kind',
  },

  // --- definitions ---
  {
    name: 'should refuse a definition without kind, key and version',
    as: 'admin',
    method: 'POST',
    url: '/api/definitions',
    payload: { title },
    status: 400,
    path: '/body/version',
  },
  {
    name: 'should refuse a definition sent as an array',
    as: 'admin',
    method: 'POST',
    url: '/api/definitions',
    payload: [newForm({})],
    status: 400,
    path: '/body',
  },
  {
    name: 'should refuse a definition of a kind that does not exist',
    as: 'admin',
    method: 'POST',
    url: '/api/definitions',
    payload: newForm({ kind: 'spaceship' }),
    status: 422,
    error: 'TB_DEFINITION_INVALID',
    path: '/kind',
  },
  ...(
    [
      ['the string "2"', '2'],
      ['0', 0],
      ['1.5', 1.5],
    ] as const
  ).map(([what, version]): Malformed => ({
    name: `should refuse a definition version of ${what}`,
    as: 'admin',
    method: 'POST',
    url: '/api/definitions',
    payload: newForm({ version }),
    status: 422,
    error: 'TB_DEFINITION_INVALID',
    path: '/version',
  })),
  {
    name: 'should refuse a definition version PostgreSQL cannot store',
    as: 'admin',
    method: 'POST',
    url: '/api/definitions',
    payload: newForm({ version: 2 ** 31 }),
    status: 400,
    path: '/body/version',
  },
  {
    name: 'should refuse a definition key with capitals and spaces',
    as: 'admin',
    method: 'POST',
    url: '/api/definitions',
    payload: newForm({ key: 'Bad Key' }),
    status: 422,
    path: '/key',
  },
  {
    name: 'should refuse an unknown field in a definition',
    as: 'admin',
    method: 'POST',
    url: '/api/definitions',
    payload: newForm({ owner: 'me' }),
    status: 422,
    path: '/owner',
  },
  {
    name: 'should refuse a form definition without a title',
    as: 'admin',
    method: 'POST',
    url: '/api/definitions',
    payload: newForm({ title: undefined }),
    status: 422,
    path: '/title',
  },
  {
    name: 'should refuse a matter led by a department that does not exist',
    as: 'admin',
    method: 'POST',
    url: '/api/definitions',
    payload: {
      ...JSON.parse(readFileSync(join(definitionsDir, 'matters', 'd1.senior-allowance.json'), 'utf8')),
      key: 'd1.bad-input-matter',
      lead: 'd9.nowhere',
    },
    status: 422,
    error: 'TB_DEFINITION_INVALID',
    path: '/lead',
  },
  {
    name: 'should refuse a definition nested 5,000 levels deep',
    as: 'admin',
    method: 'POST',
    url: '/api/definitions',
    payload: `{"kind":"form","key":"deep","version":1,"schema":${nested(5000)}}`,
    status: 400,
    path: '/body/schema',
  },
  {
    name: 'should refuse a version that is already stored',
    as: 'admin',
    method: 'POST',
    url: '/api/definitions',
    payload: publishedForm,
    status: 409,
    error: 'TB_DEFINITION_EXISTS',
  },
  {
    name: 'should refuse to publish a version that is published already',
    as: 'admin',
    method: 'POST',
    url: '/api/definitions/form/standard-application/1/publish',
    status: 409,
    error: 'TB_DEFINITION_STATUS',
  },
  {
    name: 'should refuse a definition version of 0 in a path',
    as: 'admin',
    method: 'GET',
    url: '/api/definitions/form/standard-application/0',
    status: 400,
    path: '/params/version',
  },
  {
    name: 'should refuse a definition version PostgreSQL cannot store in a path',
    as: 'admin',
    method: 'GET',
    url: '/api/definitions/form/standard-application/99999999999',
    status: 400,
    path: '/params/version',
  },
  {
    name: 'should refuse a definition kind that does not exist in a path',
    as: 'admin',
    method: 'GET',
    url: '/api/definitions/widget/standard-application/1',
    status: 400,
    path: '/params/kind',
  },
  {
    name: 'should refuse the schema of a kind that does not exist',
    as: 'admin',
    method: 'GET',
    url: '/api/definitions/schemas/widget',
    status: 400,
    path: '/params/kind',
  },
  {
    name: 'should refuse a validation request that is not an object',
    as: 'admin',
    method: 'POST',
    url: '/api/definitions/validate',
    payload: '"form"',
    status: 400,
    path: '/body',
  },

  // --- supervision orders (督办) ---
  {
    name: 'should refuse a supervision order without a note',
    as: 'admin',
    method: 'POST',
    url: '/api/tasks/$intake/supervise',
    payload: {},
    status: 400,
    path: '/body/note',
  },
  ...(
    [
      ['an empty note', ''],
      ['a note of 2,001 characters', '督'.repeat(2001)],
      ['a note given as an array', ['请说明']],
      ['a note with a NUL character', '请\u0000说明'],
    ] as const
  ).map(([what, note]): Malformed => ({
    name: `should refuse a supervision order with ${what}`,
    as: 'admin',
    method: 'POST',
    url: '/api/tasks/$intake/supervise',
    payload: { note },
    status: 400,
    path: '/body/note',
  })),
  ...(
    [
      ['two limits at once', { workingDays: 1, workingHours: 4 }, '/body/respondWithin'],
      ['no limit at all', {}, '/body/respondWithin'],
      ['a limit given as a number', 3, '/body/respondWithin'],
      ['zero working days', { workingDays: 0 }, '/body/respondWithin/workingDays'],
      ['negative working hours', { workingHours: -2 }, '/body/respondWithin/workingHours'],
      ['working days given as the string "2"', { workingDays: '2' }, '/body/respondWithin/workingDays'],
      ['1,000 working days', { workingDays: 1000 }, '/body/respondWithin/workingDays'],
      ['a duration that is not ISO 8601', { duration: 'three days' }, '/body/respondWithin/duration'],
      ['a negative duration', { duration: '-P1D' }, '/body/respondWithin/duration'],
      ['an empty duration', { duration: 'P' }, '/body/respondWithin/duration'],
      ['a limit in months', { months: 1 }, '/body/respondWithin/months'],
    ] as const
  ).map(([what, respondWithin, path]): Malformed => ({
    name: `should refuse a supervision order with ${what} to respond`,
    as: 'admin',
    method: 'POST',
    url: '/api/tasks/$intake/supervise',
    payload: { note: '请说明', respondWithin },
    status: 400,
    path,
  })),
  {
    name: 'should refuse an unknown field next to the note',
    as: 'admin',
    method: 'POST',
    url: '/api/tasks/$intake/supervise',
    payload: { note: '请说明', department: 'd1.renshe' },
    status: 400,
    path: '/body/department',
  },
  {
    name: 'should refuse a malformed task id on a supervision order',
    as: 'admin',
    method: 'POST',
    url: '/api/tasks/task-1/supervise',
    payload: { note: '请说明' },
    status: 400,
    path: '/params/id',
  },
  {
    name: 'should answer 404 for a supervision order on a task that does not exist',
    as: 'admin',
    method: 'POST',
    url: `/api/tasks/${unknownId}/supervise`,
    payload: { note: '请说明' },
    status: 404,
    error: 'TB_NOT_FOUND',
  },
  {
    name: 'should refuse a supervision order on a task that is already closed',
    as: 'admin',
    method: 'POST',
    url: '/api/tasks/$doneTask/supervise',
    payload: { note: '请说明' },
    status: 409,
    error: 'TB_TASK_CLOSED',
  },
  ...(
    [
      ['no response', {}],
      ['an empty response', { response: '' }],
      ['a response of 5,001 characters', { response: '复'.repeat(5001) }],
      ['a response given as an object', { response: { text: '已办理' } }],
    ] as const
  ).map(([what, payload]): Malformed => ({
    name: `should refuse ${what} to a supervision order`,
    as: 'minzheng',
    method: 'POST',
    url: '/api/supervision-orders/$order/respond',
    payload,
    status: 400,
    path: '/body/response',
  })),
  {
    name: 'should refuse a second response to a supervision order with 409',
    as: 'minzheng',
    method: 'POST',
    url: '/api/supervision-orders/$order/respond',
    payload: { response: '再次答复' },
    status: 409,
    error: 'TB_ORDER_ANSWERED',
    path: '/response',
  },
  {
    name: 'should refuse a malformed supervision order id',
    as: 'minzheng',
    method: 'POST',
    url: '/api/supervision-orders/order-1/respond',
    payload: { response: '已办理' },
    status: 400,
    path: '/params/id',
  },
  {
    name: 'should answer 404 for a supervision order that does not exist',
    as: 'admin',
    method: 'POST',
    url: `/api/supervision-orders/${unknownId}/respond`,
    payload: { response: '已办理' },
    status: 404,
    error: 'TB_NOT_FOUND',
  },
  ...(
    [
      ['without a department', '', '/querystring/department'],
      ['of a department that does not exist', 'department=d9.nowhere', '/department'],
      ['of a department in capitals', 'department=D1.MINZHENG', '/querystring/department'],
      ['with an unknown parameter', 'department=d1.minzheng&status=open', '/querystring/status'],
    ] as const
  ).map(([what, query, path]): Malformed => ({
    name: `should refuse a list of supervision orders ${what}`,
    as: 'minzheng',
    method: 'GET',
    url: `/api/supervision-orders?${query}`,
    status: 400,
    path,
  })),

  // --- my deputy and my duty ---
  ...(
    [
      ['a deputy id that is not a uuid', { deputyId: 'wang', awayUntil: null }, '/body/deputyId'],
      ['a deputy id given as a number', { deputyId: 42, awayUntil: null }, '/body/deputyId'],
      ['an absence without an end', { deputyId: null }, '/body/awayUntil'],
      ['an absence until "next week"', { deputyId: null, awayUntil: 'next week' }, '/body/awayUntil'],
      [
        'an absence until a date without a time',
        { deputyId: null, awayUntil: '2026-03-13' },
        '/body/awayUntil',
      ],
      [
        'an unknown field next to the deputy',
        { deputyId: null, awayUntil: null, role: 'admin' },
        '/body/role',
      ],
      ['a deputy sent as an array', [{ deputyId: null, awayUntil: null }], '/body'],
    ] as const
  ).map(([what, payload, path]): Malformed => ({
    name: `should refuse ${what}`,
    as: 'minzheng',
    method: 'PUT',
    url: '/api/me/deputy',
    payload,
    status: 400,
    path,
  })),
  ...(
    [
      ['an account that does not exist', unknownId],
      ['someone of another department', '$weijianId'],
      ['oneself', '$minzhengId'],
    ] as const
  ).map(([what, deputyId]): Malformed => ({
    name: `should refuse ${what} as deputy with 422`,
    as: 'minzheng',
    method: 'PUT',
    url: '/api/me/deputy',
    payload: { deputyId, awayUntil: '2026-03-13T09:30:00Z' },
    status: 422,
    error: 'TB_DEPUTY_INVALID',
    path: '/deputyId',
  })),
  ...(
    [
      ['duty without onDuty', { department: 'd1.minzheng' }, '/body/onDuty'],
      ['onDuty given as the string "false"', { department: 'd1.minzheng', onDuty: 'false' }, '/body/onDuty'],
      ['onDuty given as 0', { department: 'd1.minzheng', onDuty: 0 }, '/body/onDuty'],
      ['duty without a department', { onDuty: false }, '/body/department'],
      [
        'duty in a department that does not exist',
        { department: 'd9.nowhere', onDuty: false },
        '/department',
      ],
      [
        'duty in a department named with spaces',
        { department: 'd1 minzheng', onDuty: false },
        '/body/department',
      ],
    ] as const
  ).map(([what, payload, path]): Malformed => ({
    name: `should refuse ${what}`,
    as: 'minzheng',
    method: 'PUT',
    url: '/api/me/duty',
    payload,
    status: 400,
    path,
  })),

  // --- notifications ---
  ...['0', '101', '-1', 'abc'].map((limit): Malformed => ({
    name: `should refuse limit=${limit} on notifications`,
    as: 'minzheng',
    method: 'GET',
    url: `/api/notifications?limit=${limit}`,
    status: 400,
    path: '/querystring/limit',
  })),
  {
    name: 'should refuse unread=maybe on notifications',
    as: 'minzheng',
    method: 'GET',
    url: '/api/notifications?unread=maybe',
    status: 400,
    path: '/querystring/unread',
  },
  {
    name: 'should refuse an unknown query parameter on notifications',
    as: 'minzheng',
    method: 'GET',
    url: '/api/notifications?recipient=everyone',
    status: 400,
    path: '/querystring/recipient',
  },
  {
    name: 'should refuse a malformed notification id',
    as: 'minzheng',
    method: 'POST',
    url: '/api/notifications/notice-1/read',
    status: 400,
    path: '/params/id',
  },
  {
    name: 'should answer 404 for a notification that does not exist',
    as: 'minzheng',
    method: 'POST',
    url: `/api/notifications/${unknownId}/read`,
    status: 404,
    error: 'TB_NOT_FOUND',
  },

  // --- dead letters ---
  ...['0', '501', 'abc'].map((limit): Malformed => ({
    name: `should refuse limit=${limit} on dead letters`,
    as: 'admin',
    method: 'GET',
    url: `/api/admin/dead-letters?limit=${limit}`,
    status: 400,
    path: '/querystring/limit',
  })),
  ...[
    ['a word', 'abc'],
    ['zero', '0'],
    ['a fraction', '1.5'],
    ['a number past 2^53', '99999999999999999999'],
    ['a uuid', unknownId],
  ].map(([what, id]): Malformed => ({
    name: `should refuse ${what} as a dead letter id`,
    as: 'admin',
    method: 'POST',
    url: `/api/admin/dead-letters/${id}/retry`,
    status: 400,
    path: '/params/id',
  })),
  {
    name: 'should answer 404 for a dead letter that does not exist',
    as: 'admin',
    method: 'POST',
    url: '/api/admin/dead-letters/987654/retry',
    status: 404,
    error: 'TB_NOT_FOUND',
  },

  // --- SQL injection in every string field and query parameter that refuses it ---
  ...sqlInjections.flatMap((attack): Malformed[] => {
    const label = `the SQL injection ${attack}`;
    const inbox = (query: string) => `/api/tasks/inbox?department=d1.minzheng&${query}=${q(attack)}`;
    return [
      {
        name: `should refuse ${label} as the inbox department`,
        as: 'minzheng',
        method: 'GET',
        url: `/api/tasks/inbox?department=${q(attack)}`,
        status: 400,
        path: '/querystring/department',
      },
      ...[
        ['assignee', '/querystring/assignee'],
        ['cursor', '/cursor'],
        ['status', '/querystring/status'],
        ['dueBefore', '/querystring/dueBefore'],
        ['overdue', '/querystring/overdue'],
        ['limit', '/querystring/limit'],
      ].map(([parameter, path]): Malformed => ({
        name: `should refuse ${label} as the inbox ${parameter}`,
        as: 'minzheng',
        method: 'GET',
        url: inbox(parameter as string),
        status: 400,
        path,
      })),
      ...['status', 'openedBefore', 'limit'].map((parameter): Malformed => ({
        name: `should refuse ${label} as the case search ${parameter}`,
        as: 'minzheng',
        method: 'GET',
        url: `/api/cases?${parameter}=${q(attack)}`,
        status: 400,
        path: `/querystring/${parameter}`,
      })),
      {
        name: `should refuse ${label} as the fields to reveal`,
        as: 'admin',
        method: 'GET',
        url: `/api/cases/$case?reveal=${q(attack)}`,
        status: 400,
        path: '/querystring/reveal',
      },
      ...['cases', 'tasks', 'attachments'].map((collection): Malformed => ({
        name: `should refuse ${label} as a ${collection.slice(0, -1)} id`,
        as: 'admin',
        method: 'GET',
        url: `/api/${collection}/${q(attack)}`,
        status: 400,
        path: '/params/id',
      })),
      {
        name: `should refuse ${label} as the department of supervision orders`,
        as: 'minzheng',
        method: 'GET',
        url: `/api/supervision-orders?department=${q(attack)}`,
        status: 400,
        path: '/querystring/department',
      },
      {
        name: `should refuse ${label} as a notification id`,
        as: 'minzheng',
        method: 'POST',
        url: `/api/notifications/${q(attack)}/read`,
        status: 400,
        path: '/params/id',
      },
      {
        name: `should refuse ${label} as a dead letter id`,
        as: 'admin',
        method: 'POST',
        url: `/api/admin/dead-letters/${q(attack)}/retry`,
        status: 400,
        path: '/params/id',
      },
      {
        name: `should refuse ${label} as a deputy`,
        as: 'minzheng',
        method: 'PUT',
        url: '/api/me/deputy',
        payload: { deputyId: attack, awayUntil: null },
        status: 400,
        path: '/body/deputyId',
      },
      {
        name: `should refuse ${label} as a definition kind`,
        as: 'admin',
        method: 'GET',
        url: `/api/definitions/${q(attack)}/standard-application/versions`,
        status: 400,
        path: '/params/kind',
      },
      {
        name: `should refuse ${label} as a definition key`,
        as: 'admin',
        method: 'GET',
        url: `/api/definitions/form/${q(attack)}/versions`,
        status: 400,
        path: '/params/key',
      },
      {
        name: `should refuse ${label} as a definition version`,
        as: 'admin',
        method: 'POST',
        url: `/api/definitions/form/standard-application/${q(attack)}/retire`,
        status: 400,
        path: '/params/version',
      },
      {
        name: `should refuse ${label} as the definitions kind filter`,
        as: 'admin',
        method: 'GET',
        url: `/api/definitions?kind=${q(attack)}`,
        status: 400,
        path: '/querystring/kind',
      },
      {
        name: `should answer 404 for ${label} as a matter`,
        as: 'resident',
        method: 'POST',
        url: '/api/cases',
        payload: { ...form({}), matter: attack },
        status: 404,
        path: '/matter',
      },
      {
        name: `should answer 404 for ${label} as a workflow`,
        as: 'resident',
        method: 'POST',
        url: '/api/cases',
        payload: { workflow: attack, data: applicantData },
        status: 404,
        path: '/workflow',
      },
      ...(['idNumber', 'phone'] as const).map((field): Malformed => ({
        name: `should refuse ${label} as the ${field} in the application form`,
        as: 'resident',
        method: 'POST',
        url: '/api/cases',
        payload: form({ [field]: attack }),
        status: 422,
        error: 'TB_FORM_DATA_INVALID',
        path: `/${field}`,
      })),
      {
        name: `should refuse ${label} as an outcome`,
        as: 'minzheng',
        method: 'POST',
        url: '/api/tasks/$intake/complete',
        payload: { outcome: attack },
        status: 400,
        path: '/body/outcome',
      },
      {
        name: `should refuse ${label} as the department to transfer to`,
        as: 'minzheng',
        method: 'POST',
        url: '/api/tasks/$lead/transfer',
        payload: { toDepartment: attack, reason: '转办' },
        status: 400,
        path: '/body/toDepartment',
      },
      {
        name: `should refuse ${label} as a priority`,
        as: 'admin',
        method: 'POST',
        url: '/api/tasks/$intake/priority',
        payload: { priority: attack },
        status: 400,
        path: '/body/priority',
      },
      {
        name: `should refuse ${label} as a score`,
        as: 'resident',
        method: 'POST',
        url: '/api/cases/$done/rating',
        payload: { score: attack },
        status: 400,
        path: '/body/score',
      },
      {
        name: `should refuse ${label} as the task of a comment`,
        as: 'resident',
        method: 'POST',
        url: '/api/cases/$case/comments',
        payload: { body: '你好', taskId: attack },
        status: 400,
        path: '/body/taskId',
      },
      {
        name: `should refuse ${label} as the content type of an attachment`,
        as: 'resident',
        method: 'POST',
        url: '/api/cases/$case/attachments?name=scan.pdf',
        payload: pdfText(100),
        headers: { 'content-type': attack },
        status: 415,
        path: '/headers/content-type',
      },
      {
        name: `should refuse ${label} as the content of an attachment`,
        as: 'resident',
        method: 'POST',
        url: '/api/cases/$case/attachments?name=scan.pdf',
        payload: attack,
        headers: { 'content-type': 'application/pdf' },
        status: 415,
        error: 'TB_FILE_TYPE_MISMATCH',
        path: '/headers/content-type',
      },
      {
        name: `should refuse ${label} as the material of an attachment`,
        as: 'resident',
        method: 'POST',
        url: `/api/cases/$case/attachments?name=scan.pdf&material=${q(attack)}`,
        payload: pdfText(100),
        headers: { 'content-type': 'application/pdf' },
        status: 400,
        path: '/querystring/material',
      },
      {
        name: `should refuse ${label} as a new user name`,
        as: 'admin',
        method: 'POST',
        url: '/api/users',
        payload: newUser({ username: attack }),
        status: 400,
        path: '/body/username',
      },
      {
        name: `should refuse ${label} as a membership department`,
        as: 'admin',
        method: 'POST',
        url: '/api/users',
        payload: newUser({ memberships: [{ role: 'staff', department: attack }] }),
        status: 400,
        path: '/body/memberships/0/department',
      },
      {
        name: `should refuse ${label} as a role`,
        as: 'admin',
        method: 'POST',
        url: '/api/users',
        payload: newUser({ memberships: [{ role: attack }] }),
        status: 400,
        path: '/body/memberships/0/role',
      },
      {
        name: `should refuse ${label} as a definition key in a body`,
        as: 'admin',
        method: 'POST',
        url: '/api/definitions',
        payload: newForm({ key: attack }),
        status: 422,
        path: '/key',
      },
      {
        name: `should refuse ${label} as the user name at login`,
        as: 'anonymous',
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: attack, password: demoPassword },
        status: 401,
        error: 'TB_LOGIN_FAILED',
      },
      {
        name: `should refuse ${label} as the password at login`,
        as: 'anonymous',
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: attack },
        status: 401,
        error: 'TB_LOGIN_FAILED',
      },
    ];
  }),
];

/** Every table's row count and a digest of its rows, so an update shows as well as an insert. */
async function databaseState(): Promise<Record<string, { rows: number; digest: string }>> {
  const state: Record<string, { rows: number; digest: string }> = {};
  const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable =>
    is(value, PgTable),
  );
  for (const table of tables) {
    const [row] = await h.runtime.db
      .select({
        rows: sql<number>`count(*)::int`,
        digest: sql<string>`md5(coalesce(string_agg(t::text, '|' order by t::text), ''))`,
      })
      .from(sql`${table} as t`);
    expect(row).toBeDefined();
    state[getTableName(table)] = {
      rows: Number(row?.rows),
      digest: String(row?.digest),
    };
  }
  return state;
}

interface CaseJson {
  id: string;
  status: string;
  data: Record<string, unknown>;
  supplement: { items: string[]; reason: string } | null;
  tasks: Array<{ id: string; state: string; status: string }>;
  timeline: Array<{ action: string; data: Record<string, unknown> }>;
}

async function ok<T>(who: Who, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const response = await h.call(as(who), { method, url, ...(payload ? { payload } : {}) });
  expect(response.statusCode, `${method} ${url}: ${response.body.slice(0, 500)}`).toBeLessThan(300);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.json() as T;
}

const taskIn = (kase: CaseJson, state: string) => {
  const task = kase.tasks.find((candidate) => candidate.state.endsWith(state));
  if (!task) throw new Error(`no task ${state} in ${JSON.stringify(kase.tasks)}`);
  return task.id;
};

/** A new application by the resident for the senior allowance; minzheng's intake task is open. */
async function apply(data: Record<string, unknown> = applicantData): Promise<CaseJson> {
  return ok<CaseJson>('resident', 'POST', '/api/cases', { matter: 'd1.senior-allowance', data });
}

describe('HTTP: malformed requests', () => {
  let before: Awaited<ReturnType<typeof databaseState>>;

  beforeAll(async () => {
    for (const who of ['admin', 'resident', 'minzheng'] as const) cookies.set(who, await h.login(who));

    const open = await apply();
    fixtures.case = open.id;
    fixtures.intake = taskIn(open, 'intake');

    const reviewing = await apply();
    await ok('minzheng', 'POST', `/api/tasks/${taskIn(reviewing, 'intake')}/complete`, { outcome: 'accept' });
    fixtures.lead = taskIn(
      await ok<CaseJson>('minzheng', 'GET', `/api/cases/${reviewing.id}`),
      'lead.reviewing',
    );

    const waiting = await apply();
    await ok('minzheng', 'POST', `/api/tasks/${taskIn(waiting, 'intake')}/request-supplements`, {
      items: ['户口簿'],
      reason: '缺少户口簿',
    });
    fixtures.waiting = waiting.id;

    const rejected = await apply();
    fixtures.doneTask = taskIn(rejected, 'intake');
    await ok('minzheng', 'POST', `/api/tasks/${fixtures.doneTask}/complete`, {
      outcome: 'reject',
      reason: '不符合条件',
    });
    expect((await ok<CaseJson>('resident', 'GET', `/api/cases/${rejected.id}`)).status).toBe('done');
    await ok('resident', 'POST', `/api/cases/${rejected.id}/rating`, { score: 'average' });
    fixtures.done = rejected.id;

    // a supervision order on the open intake task, already answered
    const order = await ok<{ id: string }>('admin', 'POST', `/api/tasks/${fixtures.intake}/supervise`, {
      note: '请说明办理进度',
    });
    await ok('minzheng', 'POST', `/api/supervision-orders/${order.id}/respond`, { response: '正在办理' });
    fixtures.order = order.id;
    for (const username of ['weijian', 'minzheng'] as const) {
      const [user] = await h.runtime.db
        .select({ id: schema.users.id })
        .from(schema.users)
        .where(eq(schema.users.username, username));
      fixtures[`${username}Id`] = (user as { id: string }).id;
    }

    before = await databaseState();
  });

  it('should send at least 120 malformed requests', () => {
    expect(malformed.length).toBeGreaterThanOrEqual(120);
    expect(new Set(malformed.map((request) => request.name)).size).toBe(malformed.length);
  });

  it.each(malformed.map((request) => [request.name, request] as const))('%s', async (_name, request) => {
    const response: LightMyRequestResponse = await send(request);
    const sent = `${request.method} ${request.url.slice(0, 100)}`;
    const context = `${sent} → ${response.statusCode} ${response.body.slice(0, 500)}`;
    expect(response.statusCode, context).toBe(request.status);
    expect(response.statusCode, context).toBeGreaterThanOrEqual(400);
    expect(response.statusCode, context).toBeLessThan(500);
    expect(response.headers['content-type'], context).toMatch(/^application\/json/);
    const body = response.json() as ErrorJson;
    expect(Object.keys(body).sort(), context).toEqual(['details', 'error', 'message']);
    expect(body.error, context).toEqual(expect.stringMatching(/^TB_[A-Z_]+$/));
    expect(body.message, context).toEqual(expect.stringMatching(/\S/));
    expect(body.message, context).not.toMatch(/\{\w+\}/); // no placeholder left unfilled
    expect(Array.isArray(body.details), context).toBe(true);
    for (const detail of body.details) {
      expect(typeof detail.path, context).toBe('string');
      expect(detail.message, context).toEqual(expect.stringMatching(/\S/));
      // no Accept-Language: every detail is in Chinese, never a library's English sentence (a detail
      // that is only a value, a size or a list of file types, has no language)
      if (!/[\u4e00-\u9fff]/.test(String(detail.message)))
        expect(detail.message, context).not.toMatch(/[a-z]+ [a-z]+/i);
    }
    if (request.error) expect(body.error, context).toBe(request.error);
    if (request.path) {
      const paths = body.details.map((detail) => detail.path);
      expect(
        paths.some((path) => path === request.path || String(path).startsWith(`${request.path}/`)),
        `${context}: details should name ${request.path}`,
      ).toBe(true);
    }
  });

  it('should name the limit when refusing a body that is too large', async () => {
    const large = await send(malformed.find((request) => request.name.includes('2 MB')) as Malformed);
    expect(large.json()).toMatchObject({ message: expect.stringContaining('1 MB') });
    const attachment = await send(
      malformed.find((request) => request.name.includes('20 MB attachment')) as Malformed,
    );
    expect(attachment.json()).toMatchObject({ message: expect.stringContaining('10 MB') });
    const draft = await send(
      malformed.find((request) => request.name.includes('draft over 256 KB')) as Malformed,
    );
    expect(draft.json()).toMatchObject({ message: expect.stringContaining('256 KB') });
  });

  it('should have written nothing: every table holds the same rows as before', async () => {
    const after = await databaseState();
    expect(Object.keys(after)).toEqual(
      expect.arrayContaining(['cases', 'tasks', 'sessions', 'audit_events']),
    );
    expect(after).toEqual(before);
  });

  it('should still serve a normal request afterwards, with the cases table still there', async () => {
    const kase = await ok<CaseJson>('resident', 'GET', `/api/cases/${fixtures.case}`);
    expect(kase).toMatchObject({ id: fixtures.case, status: 'active', data: applicantData });
    const [table] = await h.runtime.db
      .select({ name: sql<string | null>`to_regclass('public.cases')::text` })
      .from(sql`(select 1) as one`);
    expect(table?.name).toBe('cases');
    expect(await h.runtime.db.$count(schema.cases)).toBe(before.cases?.rows);
    await ok('resident', 'GET', '/api/cases/mine');
  });
});

describe('HTTP: hostile text that is valid input is stored as plain text', () => {
  const hostile = [scriptInjection, ...sqlInjections];

  beforeAll(async () => {
    for (const who of ['admin', 'resident', 'minzheng'] as const)
      if (!cookies.get(who)) cookies.set(who, await h.login(who));
  });

  it.each(hostile)('should keep a comment %s exactly as written', async (text) => {
    const kase = await apply();
    const comment = await ok<{ id: string; body: string }>(
      'resident',
      'POST',
      `/api/cases/${kase.id}/comments`,
      {
        body: text,
      },
    );
    expect(comment.body).toBe(text);
    const { items: listed } = await ok<{ items: Array<{ id: string; body: string }> }>(
      'minzheng',
      'GET',
      `/api/cases/${kase.id}/comments`,
    );
    expect(listed.find((entry) => entry.id === comment.id)?.body).toBe(text);
  });

  it.each(hostile)('should keep form data %s exactly as written', async (text) => {
    const kase = await apply({ ...applicantData, applicantName: text, address: text });
    expect(kase.data).toMatchObject({ applicantName: text, address: text });
    // served as JSON, never as a page a browser would run it in
    const read = await ok<CaseJson>('resident', 'GET', `/api/cases/${kase.id}`);
    expect(read.data).toMatchObject({ applicantName: text, address: text });
  });

  it.each(hostile)('should keep a cancellation reason %s exactly as written', async (text) => {
    const kase = await apply();
    const cancelled = await ok<CaseJson>('resident', 'POST', `/api/cases/${kase.id}/cancel`, {
      reason: text,
    });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.timeline.find((event) => event.action === 'case.cancel')?.data).toMatchObject({
      reason: text,
    });
  });

  it.each(hostile)('should keep a rating reason %s exactly as written', async (text) => {
    const kase = await apply();
    await ok('minzheng', 'POST', `/api/tasks/${taskIn(kase, 'intake')}/complete`, {
      outcome: 'reject',
      reason: text,
    });
    await ok('resident', 'POST', `/api/cases/${kase.id}/rating`, { score: 'bad', reason: text });
    const rating = await ok<{ reason: string }>('resident', 'GET', `/api/cases/${kase.id}/rating`);
    expect(rating.reason).toBe(text);
    const task = await ok<{ reason: string }>('minzheng', 'GET', `/api/tasks/${taskIn(kase, 'intake')}`);
    expect(task.reason).toBe(text);
  });

  it.each(hostile)('should keep supplement items and reason %s exactly as written', async (text) => {
    const kase = await apply();
    await ok('minzheng', 'POST', `/api/tasks/${taskIn(kase, 'intake')}/request-supplements`, {
      items: [text],
      reason: text,
    });
    const read = await ok<CaseJson>('resident', 'GET', `/api/cases/${kase.id}`);
    expect(read.supplement).toMatchObject({ items: [text], reason: text });
  });

  it.each(hostile)('should keep a display name %s exactly as written', async (text) => {
    const username = `hostile-${hostile.indexOf(text)}`;
    await ok('admin', 'POST', '/api/users', {
      username,
      displayName: text,
      password: 'long enough password',
      memberships: [{ role: 'resident' }],
    });
    const { items: users } = await ok<{ items: Array<{ username: string; displayName: string }> }>(
      'admin',
      'GET',
      '/api/users',
    );
    expect(users.find((user) => user.username === username)?.displayName).toBe(text);
  });

  it.each(sqlInjections)('should keep an attachment named %s exactly as written', async (text) => {
    const kase = await apply();
    const name = `${text}.pdf`;
    const upload = await h.call(as('resident'), {
      method: 'POST',
      url: `/api/cases/${kase.id}/attachments?name=${q(name)}`,
      payload: pdfText(16),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const added = upload.json<{ id: string; name: string }>();
    expect(added.name).toBe(name);
    const { items: listed } = await ok<{ items: Array<{ name: string }> }>(
      'resident',
      'GET',
      `/api/cases/${kase.id}/attachments`,
    );
    expect(listed.map((attachment) => attachment.name)).toEqual([name]);
    const download = await h.call(as('resident'), { method: 'GET', url: `/api/attachments/${added.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
  });

  it.each(sqlInjections)(
    'should find nothing, and drop nothing, when searching for the matter %s',
    async (text) => {
      const cases = await h.runtime.db.$count(schema.cases);
      expect(
        (await ok<{ items: unknown[] }>('minzheng', 'GET', `/api/cases?matter=${q(text)}`)).items,
      ).toEqual([]);
      expect((await ok<{ items: unknown[] }>('admin', 'GET', `/api/cases?matter=${q(text)}`)).items).toEqual(
        [],
      );
      const inbox = await ok<{ items: unknown[] }>(
        'minzheng',
        'GET',
        `/api/tasks/inbox?department=d1.minzheng&matter=${q(text)}`,
      );
      expect(inbox.items).toEqual([]);
      expect(await h.runtime.db.$count(schema.cases)).toBe(cases);
    },
  );
});
