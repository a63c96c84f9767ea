import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { definitionSchemas } from './schemas/index.js';
import type { LocalizedText } from '../i18n/text.js';
import { problem, pointer, type Problem } from './problems.js';
import { keyPattern } from './schemas/common.js';
import type { DefinitionKind } from './types.js';
import { xstateIdioms } from './xstate-idioms.js';

// verbose: errors carry the offending value (`error.data`), which the enum and pattern messages quote
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
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
const forbiddenFeatures: Record<string, LocalizedText> = {
  after: {
    'zh-CN': '状态机内的延时在保存案件时会丢失，请改为给办理任务设置时限（meta.task.sla）',
    en: 'delays inside the machine are lost when a case is saved; give the task an SLA (meta.task.sla) instead',
  },
  invoke: {
    'zh-CN': '工作流不能运行代码，请改用办理任务状态或 meta.childCase',
    en: 'a workflow cannot run code; use a task state or meta.childCase',
  },
  history: { 'zh-CN': '保存案件时不会保留历史状态', en: 'history states are not kept when a case is saved' },
};

/** Checks a definition against its kind's published JSON Schema; one problem per real mistake. */
export function schemaProblems(kind: DefinitionKind, definition: unknown): Problem[] {
  const validate = validatorFor(kind);
  // XState idioms (named guards and actions, context, output, other meta keys) say what to write instead
  const idioms = kind === 'workflow' ? xstateIdioms(definition) : null;
  if (validate(definition) && !idioms?.problems.length) return [];
  const problems: Problem[] = [...(idioms?.problems ?? [])];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const mapped = toProblem(error);
    if (idioms?.covers(mapped.path)) continue;
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
  const list = (Array.isArray(types) ? types : [types]).map(
    (type) => typeNames[type] ?? { 'zh-CN': type, en: type },
  );
  return {
    'zh-CN': list.map((name) => name['zh-CN']).join('或'),
    en: list.map((name) => name.en).join(' or '),
  };
}

function toProblem(error: ErrorObject): Problem {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return problem(pointer(path, String(params.missingProperty)), 'schema.required', {
        property: String(params.missingProperty),
      });
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
        return problem(path, 'forbidden-feature', {
          feature: 'history',
          why: forbiddenFeatures.history as LocalizedText,
        });
      }
      return problem(path, 'schema.enum', {
        value: show(error.data),
        allowed: (params.allowedValues as unknown[]).map(show).join(', '),
      });
    }
    case 'const':
      return problem(path, 'schema.const', { allowed: show(params.allowedValue) });
    case 'pattern':
      return problem(path, 'schema.pattern', {
        value: show(error.data),
        hint: patternHint(String(params.pattern)),
      });
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

/** Says in words what a pattern of our schemas wants; an unknown pattern is quoted as is. */
function patternHint(pattern: string): LocalizedText {
  if (pattern === keyPattern)
    return {
      'zh-CN': '小写字母、数字和 . _ -（例如 d1.minzheng）',
      en: 'lower-case letters, digits and . _ - (for example d1.minzheng)',
    };
  if (pattern.includes('\\d{4}-'))
    return {
      'zh-CN': '日期 YYYY-MM-DD（例如 2026-10-01）',
      en: 'a date YYYY-MM-DD (for example 2026-10-01)',
    };
  if (pattern.includes('[0-5]\\d$'))
    return { 'zh-CN': '时间 HH:MM（例如 09:00）', en: 'a time HH:MM (for example 09:00)' };
  if (pattern.startsWith('^[a-zA-Z]'))
    return {
      'zh-CN': '以字母开头，只含字母、数字、_ 和 -',
      en: 'a letter followed by letters, digits, _ or -',
    };
  return { 'zh-CN': `符合规则 ${pattern}`, en: `matching ${pattern}` };
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
