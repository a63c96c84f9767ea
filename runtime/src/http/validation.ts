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

/** The first string (or key) no database column could hold as sent, or nesting too deep to store, if any. */
function unstorable(root: unknown): { path: string; message: { 'zh-CN': string; en: string } } | undefined {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [
    { value: root, path: '', depth: 0 },
  ];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop() as (typeof pending)[number];
    if (typeof value === 'string') {
      if (!badText(value)) continue;
      return {
        path,
        message: {
          'zh-CN': '文本含有空字符或不完整的 Unicode 字符',
          en: 'the text contains a NUL character or a broken Unicode character',
        },
      };
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth)
      return {
        path,
        message: { 'zh-CN': `嵌套超过 ${maxDepth} 层`, en: `nested more than ${maxDepth} levels deep` },
      };
    for (const [key, child] of Object.entries(value)) {
      const childPath = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      // the key is checked as text too: it is stored as well
      pending.push(
        { value: child, path: childPath, depth: depth + 1 },
        { value: key, path: childPath, depth },
      );
    }
  }
  return undefined;
}
