import { addFormFormats } from '@tongban/engine';
import { Ajv } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors/api-error.js';

/** What PostgreSQL's uuid type reads (ajv-formats also lets `urn:uuid:...` through, which it does not). */
const uuidFormat = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** JSON nested deeper than this is refused (the deepest definition in the library nests 12 levels). */
const maxDepth = 64;

/**
 * Bodies are validated as JSON Forms does in the browser (no type coercion: "5" is not 5), query
 * strings and path parameters with coercion, since they arrive as text.
 */
export function installValidation(app: FastifyInstance): void {
  const base = { allErrors: true, strict: false, useDefaults: true, removeAdditional: false } as const;
  const bodies = new Ajv({ ...base, coerceTypes: false });
  const texts = new Ajv({ ...base, coerceTypes: 'array' });
  for (const ajv of [bodies, texts]) {
    // the forms' formats (one package, one version: decision 0014), stricter where the API takes an instant
    addFormFormats(ajv);
    ajv.addFormat('uuid', uuidFormat);
    const rfc3339 = ajv.formats['date-time'] as { validate: (text: string) => boolean };
    // an instant JavaScript and PostgreSQL both can hold: with its zone (a form's date-time may lack one,
    // a parameter of the API may not), no leap second, years 1 to 9999 in UTC
    ajv.addFormat(
      'date-time',
      (text: string) => rfc3339.validate(text) && zoned.test(text) && storableInstant(text),
    );
  }
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodies : texts).compile(schema));
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      const problem = unstorable(value);
      if (problem)
        throw new ApiError('TB_REQUEST_INVALID', {}, [
          { path: `/${part}${problem.path}`, message: problem.message },
        ]);
    }
  });
}

const zoned = /(?:z|[+-]\d\d(?::?\d\d)?)$/i;

function storableInstant(text: string): boolean {
  const year = new Date(text).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** Half of a surrogate pair: PostgreSQL would store it altered (text) or refuse it (jsonb), as it refuses NUL. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const badText = (text: string) => text.includes('\u0000') || loneSurrogate.test(text);

interface Place {
  value: unknown;
  depth: number;
  parent: Place | undefined;
  key: string;
}

/** A place's JSON pointer, built only for the place reported (decision 0015: the walk itself is linear). */
function pointerOf(place: Place, key?: string): string {
  const segments = key === undefined ? [] : [key];
  for (let at: Place | undefined = place; at?.parent !== undefined; at = at.parent) segments.push(at.key);
  return segments
    .reverse()
    .map((segment) => `/${segment.replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

const brokenText = (path: string) => ({
  path,
  message: {
    'zh-CN': '文本含有空字符或不完整的 Unicode 字符',
    en: 'the text contains a NUL character or a broken Unicode character',
  },
});

/**
 * The first string (or key) no database column could hold as sent, or nesting too deep to store, if any.
 * Every request body passes here: it walks without recursion, visits each value once and builds a path
 * only for what it reports (a 1 MB body of 140,000 values takes milliseconds, decision 0015).
 */
function unstorable(root: unknown): { path: string; message: { 'zh-CN': string; en: string } } | undefined {
  if (typeof root === 'string') return badText(root) ? brokenText('') : undefined;
  const pending: Place[] = [{ value: root, depth: 0, parent: undefined, key: '' }];
  while (pending.length > 0) {
    const place = pending.pop() as Place;
    const { value, depth } = place;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth)
      return {
        path: pointerOf(place),
        message: { 'zh-CN': `嵌套超过 ${maxDepth} 层`, en: `nested more than ${maxDepth} levels deep` },
      };
    const visit = (key: string | number, child: unknown) => {
      if (typeof child === 'string')
        return badText(child) ? brokenText(pointerOf(place, String(key))) : undefined;
      if (child !== null && typeof child === 'object')
        pending.push({ value: child, depth: depth + 1, parent: place, key: String(key) });
      return undefined;
    };
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        const problem = visit(index, value[index]);
        if (problem) return problem;
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      // the key is checked as text too: it is stored as well
      if (badText(key)) return brokenText(pointerOf(place, key));
      const problem = visit(key, (value as Record<string, unknown>)[key]);
      if (problem) return problem;
    }
  }
  return undefined;
}
