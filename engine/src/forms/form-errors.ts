import type { ErrorObject } from 'ajv';
import type { JsonSchemaObject } from '../definitions/types.js';
import type { LocalizedText } from '../i18n/index.js';

/** One problem with an answer: the JSON pointer of the field it is about and a sentence per language. */
export interface FormErrorDetail {
  path: string;
  message: LocalizedText;
}

/** Where the errors come from, so that each detail can name its field as the person knows it. */
export interface ErrorContext {
  /** The schema the data was validated against: a field is named by its `title` there. */
  schema?: JsonSchemaObject;
  /** Put in front of every path (`/body` for a request body). */
  prefix?: string;
  /** What the whole value is called, for a problem with the value itself (default: the form). */
  root?: LocalizedText;
  /**
   * The Chinese for a keyword not worded here (the runtime passes ajv-i18n's; the browser keeps its
   * bundle small with the plain sentence "...的值不符合要求").
   */
  chineseMessage?: (error: ErrorObject) => string;
}

type Params = Record<string, unknown>;
/** A field's name in both languages; `bare` for the root, which is not quoted. */
interface Label {
  zh: string;
  en: string;
  bare?: boolean;
}

const theForm: LocalizedText = { 'zh-CN': '表单', en: 'the form' };
/** How deep a missing group (`person`) is opened up to name the fields it lacks. */
const maxExpand = 3;

/**
 * ajv's errors as details a person can read, in zh-CN and en: each names its field by the title the
 * schema gives it (`"title": "手机号 / Mobile"` or `{ "zh-CN": ..., "en": ... }`), else by its key.
 * A failed `if`/`then` is not reported itself, only what the `then` required; a missing group of
 * fields without a title of its own is reported as the fields it lacks; duplicates are dropped.
 * The server's error details and the web renderers' messages are both worded here, so a person reads
 * the same sentence whichever side found the problem.
 */
export function describeAjvErrors(
  errors: readonly ErrorObject[],
  context: ErrorContext = {},
): FormErrorDetail[] {
  const details: FormErrorDetail[] = [];
  const seen = new Set<string>();
  const add = (segments: string[], message: LocalizedText) => {
    const path = `${context.prefix ?? ''}${toPointer(segments)}` || '/';
    const key = `${path}\u0000${message['zh-CN']}`;
    if (seen.has(key)) return;
    seen.add(key);
    details.push({ path, message });
  };
  // a list of choices (`oneOf` / `anyOf` of `const`s with titles) is one "must be one of", not one
  // "must be X" per choice
  const choiceLists = errors
    .filter((error) => choicesIn(error) !== undefined)
    .map((error) => `${error.schemaPath}/`);
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (choiceLists.some((list) => error.schemaPath.startsWith(list))) continue;
    const segments = fromPointer(error.instancePath);
    const here = schemaAt(context.schema, segments) ?? objectOr(error.parentSchema);
    const params = error.params as Params;
    if (error.keyword === 'required') {
      reportMissing(segments, here, String(params.missingProperty), context, add, 0);
      continue;
    }
    if (error.keyword === 'additionalProperties') {
      const extra = String(params.additionalProperty);
      add([...segments, extra], {
        'zh-CN': `这里没有“${extra}”这一项`,
        en: `there is no field "${extra}" here`,
      });
      continue;
    }
    if (error.keyword === 'dependentRequired' || error.keyword === 'dependencies') {
      const missing = String(params.missingProperty);
      const field = quoted(labelOf(childOf(here, String(params.property)), String(params.property)));
      const other = quoted(labelOf(childOf(here, missing), missing));
      add([...segments, missing], {
        'zh-CN': `填写${field.zh}时也需要填写${other.zh}`,
        en: `${other.en} is required when ${field.en} is given`,
      });
      continue;
    }
    const label =
      segments.length === 0
        ? rootLabel(context.root)
        : fieldLabel(context.schema, segments, objectOr(error.parentSchema));
    const choices = choicesIn(error);
    if (choices !== undefined) {
      const f = quoted(label);
      const names = choices.map((choice) => labelOf(choice, String(choice.const)));
      add(segments, {
        'zh-CN': `${f.zh}应为以下之一：${names.map((name) => name.zh).join('、')}`,
        en: `${f.en} must be one of: ${names.map((name) => name.en).join(', ')}`,
      });
      continue;
    }
    add(segments, sentence(error, quoted(label), context.chineseMessage));
  }
  return details;
}

/** The choices of a failed `oneOf` / `anyOf` whose every branch is a `const` (needs ajv's `verbose`). */
function choicesIn(error: ErrorObject): JsonSchemaObject[] | undefined {
  if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') return undefined;
  const branches = Array.isArray(error.schema) ? error.schema.map(objectOr) : [];
  if (branches.length === 0 || !branches.every((branch) => branch !== undefined && 'const' in branch))
    return undefined;
  return branches as JsonSchemaObject[];
}

/** A required property that is missing: by its title, or, for an untitled group, each field it needs. */
function reportMissing(
  segments: string[],
  parent: JsonSchemaObject | undefined,
  name: string,
  context: ErrorContext,
  add: (segments: string[], message: LocalizedText) => void,
  depth: number,
): void {
  const schema = childOf(parent, name);
  const inner = stringsOf(schema?.required);
  if (schema && schema.title === undefined && inner.length > 0 && depth < maxExpand) {
    for (const child of inner) reportMissing([...segments, name], schema, child, context, add, depth + 1);
    return;
  }
  const field = quoted(labelOf(schema, name));
  add([...segments, name], { 'zh-CN': `请填写${field.zh}`, en: `${field.en} is required` });
}

/** The sentence for one keyword about one (quoted) field. */
function sentence(
  error: ErrorObject,
  f: Label,
  chineseMessage: ErrorContext['chineseMessage'],
): LocalizedText {
  const p = error.params as Params;
  const n = String(p.limit);
  const say = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
  switch (error.keyword) {
    case 'type': {
      const types = String(p.type).split(',');
      return say(
        `${f.zh}应为${types.map((type) => typeNames[type]?.zh ?? type).join('或')}`,
        `${f.en} must be ${types.map((type) => typeNames[type]?.en ?? type).join(' or ')}`,
      );
    }
    case 'pattern':
      return say(`${f.zh}的格式不正确`, `${f.en} is not in the expected format`);
    case 'format': {
      const format = String(p.format);
      const name = formatNames[format] ?? { zh: `“${format}”格式`, en: `${format}` };
      return say(`${f.zh}不是有效的${name.zh}`, `${f.en} is not a valid ${name.en}`);
    }
    case 'minLength':
      return n === '1'
        ? say(`${f.zh}不能为空`, `${f.en} must not be empty`)
        : say(`${f.zh}至少需要 ${n} 个字符`, `${f.en} needs at least ${n} characters`);
    case 'maxLength':
      return say(`${f.zh}最多 ${n} 个字符`, `${f.en} may have at most ${n} characters`);
    case 'minimum':
      return say(`${f.zh}不能小于 ${n}`, `${f.en} must be at least ${n}`);
    case 'maximum':
      return say(`${f.zh}不能大于 ${n}`, `${f.en} must be at most ${n}`);
    case 'exclusiveMinimum':
      return say(`${f.zh}必须大于 ${n}`, `${f.en} must be more than ${n}`);
    case 'exclusiveMaximum':
      return say(`${f.zh}必须小于 ${n}`, `${f.en} must be less than ${n}`);
    case 'multipleOf':
      return say(
        `${f.zh}必须是 ${String(p.multipleOf)} 的整数倍`,
        `${f.en} must be a multiple of ${String(p.multipleOf)}`,
      );
    case 'enum': {
      const values = (Array.isArray(p.allowedValues) ? p.allowedValues : []).map(show);
      const list = values.length > 12 ? [...values.slice(0, 12), '…'] : values;
      return say(`${f.zh}应为以下之一：${list.join('、')}`, `${f.en} must be one of: ${list.join(', ')}`);
    }
    case 'const':
      return p.allowedValue === true
        ? say(`请勾选${f.zh}`, `please tick ${f.en}`)
        : say(`${f.zh}只能是 ${show(p.allowedValue)}`, `${f.en} must be ${show(p.allowedValue)}`);
    case 'minItems':
      return say(`${f.zh}至少需要 ${n} 项`, `${f.en} needs at least ${n} item(s)`);
    case 'maxItems':
      return say(`${f.zh}最多 ${n} 项`, `${f.en} may have at most ${n} items`);
    case 'uniqueItems': {
      const [a, b] = [Number(p.j) + 1, Number(p.i) + 1];
      return say(
        `${f.zh}的第 ${a} 项和第 ${b} 项重复`,
        `${f.en} has the same item twice (items ${a} and ${b})`,
      );
    }
    case 'minProperties':
      return say(`${f.zh}至少需要 ${n} 项内容`, `${f.en} needs at least ${n} entries`);
    case 'maxProperties':
      return say(`${f.zh}最多 ${n} 项内容`, `${f.en} may have at most ${n} entries`);
    case 'anyOf':
    case 'oneOf':
      return Array.isArray(p.passingSchemas)
        ? say(`${f.zh}同时符合多种填法，只能符合一种`, `${f.en} matches more than one of the allowed choices`)
        : say(`${f.zh}不符合任何一种允许的填法`, `${f.en} matches none of the allowed choices`);
    case 'not':
      return say(`${f.zh}的值不被允许`, `${f.en} has a value that is not allowed`);
    case 'false schema':
      return say(`这里不能有${f.zh}`, `${f.en} is not allowed here`);
    default:
      // any other keyword: the Chinese the caller has for it, ajv's own English
      return chineseMessage
        ? say(`${f.zh}：${chineseMessage(error)}`, `${f.en}: ${error.message ?? error.keyword}`)
        : say(`${f.zh}的值不符合要求`, `${f.en}: ${error.message ?? error.keyword}`);
  }
}

const typeNames: Record<string, { zh: string; en: string }> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  integer: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '“是”或“否”', en: 'yes or no (true or false)' },
  object: { zh: '一组字段', en: 'a group of fields (an object)' },
  array: { zh: '列表', en: 'a list' },
  null: { zh: '空值', en: 'empty (null)' },
};

const formatNames: Record<string, { zh: string; en: string }> = {
  date: { zh: '日期（如 2026-03-09）', en: 'date (like 2026-03-09)' },
  'date-time': {
    zh: '日期和时间（如 2026-03-09T09:00:00+08:00）',
    en: 'date and time (like 2026-03-09T09:00:00+08:00)',
  },
  time: { zh: '时间（如 09:00:00）', en: 'time (like 09:00:00)' },
  email: { zh: '电子邮箱地址', en: 'email address' },
  uri: { zh: '网址', en: 'web address' },
  url: { zh: '网址', en: 'web address' },
  uuid: { zh: '编号', en: 'id' },
  ipv4: { zh: 'IPv4 地址', en: 'IPv4 address' },
  ipv6: { zh: 'IPv6 地址', en: 'IPv6 address' },
  hostname: { zh: '主机名', en: 'host name' },
};

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** `“姓名”` / `"Name"`; the root unquoted. */
const quoted = (label: Label): Label => (label.bare ? label : { zh: `“${label.zh}”`, en: `"${label.en}"` });

const rootLabel = (root: LocalizedText = theForm): Label => ({ zh: root['zh-CN'], en: root.en, bare: true });

/**
 * A title as text in both languages: a localized object (`{ "zh-CN": ..., "en": ... }`), a
 * `"中文 / English"` string (how the library's forms write them), or any other string for both;
 * undefined for no title.
 */
export function titleText(title: unknown): LocalizedText | undefined {
  if (title && typeof title === 'object') {
    const text = title as Partial<LocalizedText>;
    const zh = text['zh-CN'] ?? text.en;
    const en = text.en ?? text['zh-CN'];
    if (typeof zh === 'string' && typeof en === 'string') return { 'zh-CN': zh, en };
  }
  if (typeof title === 'string' && title.trim() !== '') {
    const split = title.indexOf(' / ');
    return split > 0
      ? { 'zh-CN': title.slice(0, split).trim(), en: title.slice(split + 3).trim() }
      : { 'zh-CN': title, en: title };
  }
  return undefined;
}

/** A field's name from its schema's `title` (see `titleText`), else the property's key. */
function labelOf(schema: JsonSchemaObject | undefined, key: string): Label {
  const text = titleText(schema?.title);
  return text ? { zh: text['zh-CN'], en: text.en } : { zh: key, en: key };
}

/** The label of the field at `segments`: its title, or for an array item "<list> item n". */
function fieldLabel(
  root: JsonSchemaObject | undefined,
  segments: string[],
  fallback: JsonSchemaObject | undefined,
): Label {
  const last = segments[segments.length - 1] as string;
  const schema = schemaAt(root, segments) ?? fallback;
  if (/^\d+$/.test(last) && schema?.title === undefined && segments.length > 1) {
    const list = fieldLabel(root, segments.slice(0, -1), undefined);
    const n = Number(last) + 1;
    return { zh: `${list.zh}第 ${n} 项`, en: `${list.en} item ${n}` };
  }
  return labelOf(schema, last);
}

/** The schema that describes the value at `segments`, following properties, items and sub-schemas. */
function schemaAt(root: JsonSchemaObject | undefined, segments: string[]): JsonSchemaObject | undefined {
  let schema = root;
  for (const segment of segments) {
    schema = childOf(schema, segment);
    if (!schema) return undefined;
  }
  return schema;
}

function childOf(
  schema: JsonSchemaObject | undefined,
  segment: string,
  depth = 0,
): JsonSchemaObject | undefined {
  if (!schema || depth > 8) return undefined;
  const properties = objectOr(schema.properties);
  const own = objectOr(properties?.[segment]);
  if (own) return own;
  if (/^\d+$/.test(segment)) {
    const tuple = Array.isArray(schema.prefixItems)
      ? objectOr(schema.prefixItems[Number(segment)])
      : undefined;
    const items = tuple ?? objectOr(schema.items);
    if (items) return items;
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    for (const branch of list) {
      const found = childOf(objectOr(branch), segment, depth + 1);
      if (found) return found;
    }
  }
  for (const keyword of ['then', 'else']) {
    const found = childOf(objectOr(schema[keyword]), segment, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const objectOr = (value: unknown): JsonSchemaObject | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonSchemaObject)
    : undefined;

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

const fromPointer = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));

const toPointer = (segments: string[]): string =>
  segments.map((segment) => `/${segment.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
