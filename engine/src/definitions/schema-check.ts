import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { definitionSchemas } from './schemas/index.js';
import type { LocalizedText } from '../i18n/text.js';
import { problem, pointer, type Problem } from './problems.js';
import type { DefinitionKind } from './types.js';

const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
const validators = new Map<DefinitionKind, ValidateFunction>();

function validatorFor(kind: DefinitionKind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    validate = ajv.compile(definitionSchemas[kind]);
    validators.set(kind, validate);
  }
  return validate;
}

/** XState features that do not survive persistence or that run code; named so the message can say why. */
const forbiddenFeatures: Record<string, string> = {
  after: 'delays inside the machine are lost when a case is saved; give the task an SLA (meta.task.sla) instead',
  invoke: 'a workflow cannot run code; use a task state or meta.childCase',
  history: 'history states are not kept when a case is saved',
};

/** Checks a definition against its kind's published JSON Schema; one problem per real mistake. */
export function schemaProblems(kind: DefinitionKind, definition: unknown): Problem[] {
  const validate = validatorFor(kind);
  if (validate(definition)) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const mapped = toProblem(error);
    const id = `${mapped.path}|${mapped.code}|${mapped.message.en}`;
    if (!seen.has(id)) {
      seen.add(id);
      problems.push(mapped);
    }
  }
  return problems;
}

const typeNames: Record<string, LocalizedText> = {
  string: { 'zh-CN': '文字', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  integer: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': '是/否（true 或 false）', en: 'true or false' },
  object: { 'zh-CN': '一个对象 {…}', en: 'an object {…}' },
  array: { 'zh-CN': '一个列表 […]', en: 'a list […]' },
  null: { 'zh-CN': '空值', en: 'null' },
};

function describeTypes(types: string | string[]): LocalizedText {
  const list = (Array.isArray(types) ? types : [types]).map((type) => typeNames[type] ?? { 'zh-CN': type, en: type });
  return { 'zh-CN': list.map((name) => name['zh-CN']).join('或'), en: list.map((name) => name.en).join(' or ') };
}

function toProblem(error: ErrorObject): Problem {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return problem(pointer(path, String(params.missingProperty)), 'schema.required', { property: String(params.missingProperty) });
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const why = forbiddenFeatures[property];
      if (why !== undefined && path.includes('machine')) {
        return problem(pointer(path, property), 'forbidden-feature', { feature: property, why });
      }
      return problem(pointer(path, property), 'schema.additional', { property });
    }
    case 'type':
      return problem(path, 'schema.type', { expected: describeTypes(params.type as string | string[]) });
    case 'enum': {
      if (path.endsWith('/type') && error.data === 'history') {
        return problem(path, 'forbidden-feature', { feature: 'history', why: forbiddenFeatures.history as string });
      }
      return problem(path, 'schema.enum', { value: show(error.data), allowed: (params.allowedValues as unknown[]).map(show).join(', ') });
    }
    case 'const':
      return problem(path, 'schema.const', { allowed: show(params.allowedValue) });
    case 'pattern':
      return problem(path, 'schema.pattern', { value: show(error.data) });
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
      return problem(path, `schema.${error.keyword}`, { limit: Number(params.limit) });
    case 'uniqueItems':
      return problem(path, 'schema.uniqueItems', { i: Number(params.j), j: Number(params.i) });
    case 'minProperties':
    case 'maxProperties':
      return problem(path, `schema.${error.keyword}`);
    default:
      return problem(path, 'schema.other', { rule: error.keyword });
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}
