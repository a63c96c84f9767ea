import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { formDataShapeProblems, type FormDefinition, type JsonSchemaObject } from '@tongban/engine';
import { ApiError, type ErrorDetail } from '../errors/api-error.js';
import { describeAjvErrors } from './form-errors.js';

/** The same ajv settings JSON Forms uses in the browser, so the server accepts exactly what the form does. */
export function createFormAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, addUsedSchema: false });
  addFormats.default(ajv);
  return ajv;
}

const ajv = createFormAjv();
const compiled = new WeakMap<JsonSchemaObject, ValidateFunction>();

/** Validates form data against the form's schema; throws TB_FORM_DATA_INVALID with every problem's path. */
export function assertFormData(form: FormDefinition, data: unknown): void {
  assertSchemaData(form.schema, data);
}

/** The same for a schema of our own making (a bundle's combined form); compiled once per schema object. */
export function assertSchemaData(schema: JsonSchemaObject, data: unknown): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
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
