/** Building blocks shared by the definition schemas (inlined into each published schema). */
export const schemaVersion = 1;

export const keyPattern = '^[a-z0-9][a-z0-9._-]{0,99}$';

export const localizedText = {
  type: 'object',
  required: ['zh-CN', 'en'],
  properties: {
    'zh-CN': { type: 'string', minLength: 1, maxLength: 2000 },
    en: { type: 'string', minLength: 1, maxLength: 2000 },
  },
  additionalProperties: false,
} as const;

export const definitionKey = { type: 'string', pattern: keyPattern } as const;

/** Expressions are checked by the expression analyser, which knows the operators. */
export const expression = {} as const;

export const fixedSla = {
  type: 'object',
  minProperties: 1,
  properties: {
    duration: { type: 'string', minLength: 2, maxLength: 40 },
    workingDays: { type: 'number', exclusiveMinimum: 0, maximum: 3650 },
    workingHours: { type: 'number', exclusiveMinimum: 0, maximum: 87600 },
    workingMinutes: { type: 'number', exclusiveMinimum: 0, maximum: 5256000 },
    calendar: definitionKey,
  },
  additionalProperties: false,
} as const;

export const slaSpec = {
  type: 'object',
  minProperties: 1,
  properties: {
    ...fixedSla.properties,
    by: expression,
    tiers: { type: 'object', minProperties: 1, additionalProperties: fixedSla },
    otherwise: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export function envelope<K extends string>(
  kind: K,
  title: string,
  properties: Record<string, unknown>,
  required: string[],
) {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `urn:tongban:schema:${kind}:${schemaVersion}`,
    title,
    type: 'object',
    required: ['kind', 'key', 'version', 'title', ...required],
    properties: {
      kind: { const: kind },
      key: definitionKey,
      version: { type: 'integer', minimum: 1 },
      title: localizedText,
      description: localizedText,
      ...properties,
    },
    additionalProperties: false,
  } as const;
}
