import type { JsonSchema } from '@jsonforms/core';

/** What the generated sample needs besides the schema: a word of text in the person's language. */
export interface SampleOptions {
  text: string;
}

/** Values for the library's patterns (a valid GB 11643 ID number, a mobile number, a credit code...). */
const patternSamples: Record<string, string> = {
  '^[0-9]{17}[0-9X]$': '11010519491231002X',
  '^1[0-9]{10}$': '13800138000',
  '^[0-9-]{7,20}$': '010-12345678',
  '^([01][0-9]|2[0-3]):[0-5][0-9]$': '09:30',
  '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$': '91110108MA01A2B3C4',
  '^[A-Z][0-9]{9}$': 'G123456789',
};

const formatSamples: Record<string, string> = {
  date: '2026-03-16',
  time: '09:30:00',
  'date-time': '2026-03-16T09:30:00+08:00',
  email: 'zhang.san@example.cn',
  uri: 'https://example.cn/',
};

/** Follows a local `$ref` (`#/definitions/x`, `#/$defs/x`) against the root; anything else as it is. */
function resolved(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let target: unknown = root;
  for (const part of ref.slice(2).split('/'))
    target = (target as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return (target as JsonSchema | undefined) ?? schema;
}

/**
 * Sample data for a form: what the schema itself offers (default, examples, const, the first choice),
 * else a plausible value of its type and format; a string with a pattern it cannot satisfy is left out.
 * Objects are filled field by field; arrays get one item. Depth-limited (schemas may be recursive).
 */
export function sampleData(schema: JsonSchema, options: SampleOptions): unknown {
  return sample(schema, schema, options, 0);
}

function sample(given: JsonSchema, root: JsonSchema, options: SampleOptions, depth: number): unknown {
  if (depth > 6) return undefined;
  const schema = resolved(given, root);
  if (schema.default !== undefined) return schema.default;
  const examples = (schema as { examples?: unknown }).examples;
  if (Array.isArray(examples) && examples.length > 0) return examples[0];
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const choice = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (choice && schema.type === undefined) return sample(choice, root, options, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type ?? (schema.properties ? 'object' : undefined)) {
    case 'object': {
      const data: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const value = sample(property, root, options, depth + 1);
        if (value !== undefined) data[name] = value;
      }
      return data;
    }
    case 'array': {
      const items = Array.isArray(schema.items) ? schema.items[0] : schema.items;
      if (!items) return [];
      const item = sample(items, root, options, depth + 1);
      return item === undefined ? [] : [item];
    }
    case 'integer':
    case 'number': {
      const minimum =
        schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1);
      return schema.maximum !== undefined ? Math.min(minimum, schema.maximum) : minimum;
    }
    case 'boolean':
      return undefined;
    case 'string':
      return sampleString(schema, options);
    default:
      return undefined;
  }
}

function sampleString(schema: JsonSchema, options: SampleOptions): string | undefined {
  if (schema.format && formatSamples[schema.format]) return formatSamples[schema.format];
  if (schema.pattern) return patternSamples[schema.pattern];
  const text = options.text.repeat(Math.max(1, Math.ceil((schema.minLength ?? 0) / options.text.length)));
  return schema.maxLength !== undefined ? text.slice(0, schema.maxLength) : text;
}
