import type { ValidateFunction } from 'ajv';
import {
  createFormAjv,
  formDataShapeProblems,
  type FormDefinition,
  type JsonSchemaObject,
} from '@tongban/engine';
import { ApiError, type ErrorDetail } from '../errors/api-error.js';
import { describeAjvErrors } from './form-errors.js';

/**
 * One compiled validator per schema object (the catalog keeps its definitions until a publish), each
 * from a validator instance of its own, built by the engine's one form configuration that the web
 * renderers use too: no form's `$id` can reach another's validation (decision 0014).
 */
const compiled = new WeakMap<JsonSchemaObject, ValidateFunction>();

/** Validates form data against the form's schema; throws TB_FORM_DATA_INVALID with every problem's path. */
export function assertFormData(form: FormDefinition, data: unknown): void {
  assertSchemaData(form.schema, data);
}

/** The same for a schema of our own making (a bundle's combined form); compiled once per schema object. */
export function assertSchemaData(schema: JsonSchemaObject, data: unknown): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = createFormAjv().compile(schema);
    compiled.set(schema, validate);
  }
  const details = validate(data) ? [] : describeAjvErrors(validate.errors ?? [], { schema });
  details.push(...shapeDetails(schema, data));
  if (details.length > 0) throw new ApiError('TB_FORM_DATA_INVALID', {}, details);
}

/**
 * What a schema lets through but a form must not take: properties it never asked for (a resident's
 * 900 KB key, a clerk's rewrite of the application's amount through a review form) and numbers that
 * JSON storage turns into null.
 */
function shapeDetails(schema: JsonSchemaObject, data: unknown): ErrorDetail[] {
  const { undeclared, nonFinite } = formDataShapeProblems(schema, data);
  return [
    ...undeclared.map((path) => ({
      path,
      message: { 'zh-CN': '表单中没有这一项，不能提交', en: 'this form does not ask for this; remove it' },
    })),
    ...nonFinite.map((path) => ({
      path,
      message: { 'zh-CN': '数字太大，无法保存', en: 'this number is too large to be kept' },
    })),
  ];
}
