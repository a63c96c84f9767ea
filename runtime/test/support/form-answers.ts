import fc from 'fast-check';
import type { JsonSchemaObject } from '@tongban/engine';

/**
 * Answers to a form that keep every rule, made from its JSON Schema the way a careful person fills it in:
 * only what is required, everything, and everything with each choice (an enumerated value, a yes/no, a
 * large number) changed one at a time, so that every branch a guard or a queue takes on the answers gets
 * its data. Deterministic: the same schema gives the same answers. Patterns are met with fast-check's
 * `stringMatching` under a fixed seed. (form-samples.ts makes answers that mostly break the rules.)
 */
export interface FormAnswers {
  label: string;
  data: Record<string, unknown>;
}

type Schema = JsonSchemaObject & Record<string, unknown>;

/** At most this many per form: the minimal answers, the full ones, then the variations. */
const maxAnswers = 24;

export function formAnswers(
  schema: JsonSchemaObject,
  overrides: Record<string, unknown> = {},
): FormAnswers[] {
  const root = schema as Schema;
  const withOverrides = (data: unknown): Record<string, unknown> => ({
    ...(data as Record<string, unknown>),
    ...overrides,
  });
  const answers: FormAnswers[] = [
    { label: 'required answers', data: withOverrides(valueOf(root, 'required')) },
    { label: 'every answer', data: withOverrides(valueOf(root, 'full')) },
  ];
  const full = answers[1]?.data ?? {};
  for (const [name, property] of Object.entries(propertiesOf(root))) {
    if (Object.hasOwn(overrides, name)) continue;
    for (const value of alternativesOf(property, full[name]))
      answers.push({ label: `${name} = ${JSON.stringify(value)}`, data: { ...full, [name]: value } });
  }
  const seen = new Set<string>();
  return answers
    .filter((answer) => {
      const key = JSON.stringify(answer.data);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, maxAnswers);
}

/** The values a field takes when the form lists them: `const`, `enum`, a `oneOf` / `anyOf` of `const`s. */
export function choicesOf(schema: JsonSchemaObject): unknown[] | undefined {
  const property = schema as Schema;
  if ('const' in property) return [property.const];
  if (Array.isArray(property.enum)) return property.enum;
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const options = property[keyword];
    if (
      Array.isArray(options) &&
      options.every((option) => option !== null && typeof option === 'object' && 'const' in option)
    )
      return options.map((option) => (option as { const: unknown }).const);
  }
  return undefined;
}

function alternativesOf(property: Schema, current: unknown): unknown[] {
  const choices = choicesOf(property);
  if (choices !== undefined) return choices.filter((choice) => choice !== current);
  if (typeOf(property) === 'boolean') return [current !== true];
  if (typeOf(property) === 'number' || typeOf(property) === 'integer') {
    const top = numberOf(property, 'high');
    return top === current ? [] : [top];
  }
  return [];
}

function valueOf(schema: Schema, mode: 'required' | 'full'): unknown {
  const choices = choicesOf(schema);
  if (choices !== undefined) return choices[0];
  if (Array.isArray(schema.allOf)) return valueOf(merged(schema), mode);
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf))
    return valueOf(((schema.oneOf ?? schema.anyOf) as Schema[])[0] as Schema, mode);
  switch (typeOf(schema)) {
    case 'object': {
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const data: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(propertiesOf(schema)))
        if (mode === 'full' || required.has(name)) data[name] = valueOf(property, mode);
      return data;
    }
    case 'array':
      return arrayOf(schema, mode);
    case 'boolean':
      return true;
    case 'number':
    case 'integer':
      return numberOf(schema, 'low');
    case 'null':
      return null;
    default:
      return stringOf(schema);
  }
}

function typeOf(schema: Schema): string | undefined {
  const type = schema.type;
  if (Array.isArray(type)) return type.find((candidate) => candidate !== 'null') as string | undefined;
  if (typeof type === 'string') return type;
  if (schema.properties !== undefined) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function propertiesOf(schema: Schema): Record<string, Schema> {
  return (schema.properties ?? {}) as Record<string, Schema>;
}

/** `allOf` folded into one schema: properties and required lists joined, the rest taken as it comes. */
function merged(schema: Schema): Schema {
  const { allOf, ...rest } = schema;
  const parts = [rest as Schema, ...((allOf as Schema[] | undefined) ?? [])];
  return parts.reduce<Schema>(
    (into, part) => ({
      ...into,
      ...part,
      properties: { ...propertiesOf(into), ...propertiesOf(part) },
      required: [
        ...((into.required as string[] | undefined) ?? []),
        ...((part.required as string[] | undefined) ?? []),
      ],
    }),
    {} as Schema,
  );
}

function arrayOf(schema: Schema, mode: 'required' | 'full'): unknown[] {
  const items = (schema.items ?? {}) as Schema;
  const count = Math.max(Number(schema.minItems ?? 0), mode === 'full' ? 1 : 0);
  const choices = choicesOf(items);
  if (choices !== undefined) return choices.slice(0, count);
  return Array.from({ length: count }, (_, index) => {
    const value = valueOf(items, mode);
    // distinct items where they must be: a text gets its position appended
    return typeof value === 'string' && schema.uniqueItems === true ? `${value}${index + 1}` : value;
  });
}

function numberOf(schema: Schema, end: 'low' | 'high'): number {
  const integer = typeOf(schema) === 'integer';
  const step = integer ? 1 : 0.5;
  const low =
    typeof schema.minimum === 'number'
      ? schema.minimum
      : typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + step
        : 1;
  const high =
    typeof schema.maximum === 'number'
      ? schema.maximum
      : typeof schema.exclusiveMaximum === 'number'
        ? schema.exclusiveMaximum - step
        : 1_000_000;
  const value = end === 'low' ? low : Math.max(low, high);
  return integer ? Math.ceil(value) : value;
}

const formats: Record<string, string> = {
  date: '2026-03-09',
  'date-time': '2026-03-09T09:00:00+08:00',
  time: '09:00:00+08:00',
  email: 'path.test@example.com',
  uuid: '00000000-0000-4000-8000-000000000001',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
};

function stringOf(schema: Schema): string {
  const min = Number(schema.minLength ?? 1);
  const max = Number(schema.maxLength ?? 200);
  const fits = (text: string) => [...text].length >= min && [...text].length <= max;
  if (typeof schema.format === 'string' && formats[schema.format] !== undefined)
    return formats[schema.format] as string;
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern, 'u');
    const found = fc
      .sample(fc.stringMatching(pattern), { numRuns: 50, seed: 20260309 })
      .find((candidate) => fits(candidate));
    if (found !== undefined) return found;
  }
  const text = '路径测试：按表单填写'.repeat(Math.ceil(Math.max(min, 1) / 10));
  return [...text].slice(0, Math.max(min, Math.min(max, 10))).join('');
}
