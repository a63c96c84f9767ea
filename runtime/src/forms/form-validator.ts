import type { ValidateFunction } from 'ajv';
import {
  analyzeFormSchema,
  createFormAjv,
  formDataShapeProblems,
  formDataWork,
  problem,
  type FormCost,
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

/** What checking an answer against each schema may cost (decision 0015), measured once per schema object. */
const costs = new WeakMap<JsonSchemaObject, FormCost>();
/** A person reads a few problems, not thousands: the first ones are reported. */
const maxReportedErrors = 100;

/** Validates form data against the form's schema; throws TB_FORM_DATA_INVALID with every problem's path. */
export function assertFormData(form: FormDefinition, data: unknown): void {
  assertSchemaData(form.schema, data, form.key);
}

/**
 * The same for a schema of our own making (a bundle's combined form); compiled once per schema object.
 * Bounded work (decision 0015): a schema that could not be checked within bounds (published before
 * the validator refused such schemas) is refused as an invalid definition, and an answer nested too
 * deep or too large for its form's cost is refused before ajv sees it.
 */
export function assertSchemaData(schema: JsonSchemaObject, data: unknown, key = 'form'): void {
  let cost = costs.get(schema);
  if (!cost) {
    cost = analyzeFormSchema(schema);
    costs.set(schema, cost);
  }
  if (cost.problems.length > 0)
    throw unboundedForm(
      key,
      cost.problems.map((found) => problem(`/schema${found.path}`, found.code, found.params)),
    );
  const work = formDataWork(cost.cost, data);
  if (work) throw new ApiError('TB_FORM_DATA_INVALID', {}, [workDetail(work.path, work.kind, work.limit)]);
  let validate = compiled.get(schema);
  if (!validate) {
    validate = createFormAjv().compile(schema);
    compiled.set(schema, validate);
  }
  let valid: boolean;
  try {
    valid = validate(data) as boolean;
  } catch (error) {
    // a `$ref` loop the analysis could not follow (through an `$id` anchor) overflows the stack at once
    if (error instanceof RangeError)
      throw unboundedForm(key, [problem('/schema', 'form-schema-recursive', { ref: '$ref' })]);
    throw error;
  }
  const errors = valid ? [] : (validate.errors ?? []).slice(0, maxReportedErrors);
  const details = valid ? [] : describeAjvErrors(errors, { schema });
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

function unboundedForm(key: string, problems: ReturnType<typeof problem>[]): ApiError {
  return new ApiError(
    'TB_DEFINITION_INVALID',
    { key, count: problems.length },
    problems.map((found) => ({ path: found.path, message: found.message })),
  );
}

function workDetail(path: string, kind: 'too-deep' | 'too-large', limit: number): ErrorDetail {
  if (kind === 'too-deep')
    return {
      path,
      message: {
        'zh-CN': `嵌套超过 ${limit} 层，无法校验`,
        en: `nested more than ${limit} levels deep: it cannot be checked`,
      },
    };
  return {
    path: path || '/',
    message: {
      'zh-CN': '回答太大，超出这张表单能校验的范围；请精简后再提交',
      en: 'this answer is too large for this form to check; shorten it and send it again',
    },
  };
}
