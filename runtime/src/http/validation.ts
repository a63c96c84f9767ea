import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Bodies are validated as JSON Forms does in the browser (no type coercion: "5" is not 5), query
 * strings and path parameters with coercion, since they arrive as text.
 */
export function installValidation(app: FastifyInstance): void {
  const base = { allErrors: true, strict: false, useDefaults: true, removeAdditional: false } as const;
  const bodies = new Ajv({ ...base, coerceTypes: false });
  const texts = new Ajv({ ...base, coerceTypes: 'array' });
  addFormats.default(bodies);
  addFormats.default(texts);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodies : texts).compile(schema));
}
