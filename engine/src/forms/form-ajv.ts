import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { formRegExp } from './form-regexp.js';
import { isIdNumber } from './id-number.js';
import { useLinearUniqueItems } from './unique-items.js';

/**
 * The one configuration every form validator is built with: the runtime's (application and task
 * data), the definition checker's (does the form's schema compile) and the web renderers' (JSON Forms'
 * `ajv` prop, one per form: `createFormAjv()`, or `addFormFormats(createAjv(formAjvOptions))` with
 * `@jsonforms/core`'s factory, which runtime/test/forms/form-parity.test.ts holds to the server's
 * verdicts). Decision 0014.
 *
 * The versions are pinned exactly in engine/package.json (ajv 8.20.0, ajv-formats 2.1.1: the line
 * `@jsonforms/core` 3.x depends on), so JSON Forms' own `createAjv()` resolves to the very same packages.
 * Format semantics are therefore JSON Forms': `time` and `date-time` take a value with or without a zone
 * ("13:37:00", "2026-03-01T13:37:00"), since that is what the renderers' pickers write.
 *
 * Options are added here, in one place, for every side at once (a bound on patterns, for example).
 */
export const formAjvOptions: Options = {
  allErrors: true,
  verbose: true,
  strict: false,
  // a form's `$id` is never registered: one form cannot shadow another, nor the meta-schema
  addUsedSchema: false,
  // bounded work (decision 0015): patterns run on a linear-time engine; the generated code is not
  // optimized, which makes compiling a form about three times faster (JSON Forms' largest example:
  // 16 ms instead of 48) and checking an answer no slower
  code: { regExp: formRegExp, optimize: false },
};

/**
 * Adds the formats forms may use (ajv-formats, full mode, with its formatMinimum/formatMaximum keywords,
 * and ours: `id-number`) to an Ajv, ours or one JSON Forms' `createAjv(formAjvOptions)` built (which already has the keywords:
 * they are added once, the formats again, so ours are the ones in force).
 */
export function addFormFormats(ajv: Ajv): Ajv {
  addFormats.default(ajv, { keywords: ajv.getKeyword('formatMaximum') === false });
  // a Chinese resident ID number with its check character (GB 11643): a form opts in with
  // `format: "id-number"`; the browser's renderer set builds from here too, so both give one verdict
  ajv.addFormat('id-number', { type: 'string', validate: isIdNumber });
  // and `uniqueItems` in linear time (decision 0015)
  return useLinearUniqueItems(ajv);
}

/**
 * A new validator instance for one form's schema. Never share one across definitions: ajv keeps
 * every `$id` it meets (nested ones too) in the instance, so a shared one is state that one form can
 * change for all the others (decision 0014). Compile once per schema and keep the function instead.
 */
export function createFormAjv(): Ajv {
  return addFormFormats(new Ajv({ ...formAjvOptions }));
}
