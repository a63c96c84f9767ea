/** Shared pieces of route schemas: parameters, bodies, and the response shapes every route group uses. */
export const uuidParam = { type: 'string', format: 'uuid' } as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: uuidParam },
  additionalProperties: false,
} as const;

export const localizedText = {
  type: 'object',
  properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
} as const;

/** A text in both languages, as the API returns one (both are always there). */
export const localizedTextJson = {
  type: 'object',
  required: ['zh-CN', 'en'],
  properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
} as const;

export const formData = { type: 'object', maxProperties: 500 } as const;

export const reason = { type: 'string', minLength: 1, maxLength: 2000 } as const;

export const departmentCode = { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,99}$' } as const;

/** A moment, always ISO 8601 in UTC (decision 0019). */
export const instant = { type: 'string', format: 'date-time' } as const;

/**
 * The schema or null. Said as a list of types (or null among an enum's values), not as anyOf: the
 * serializer writes a list of types itself, while anyOf makes it run ajv on every value to choose (and
 * compile each branch the first time: half a second for the first case view).
 */
export function nullable(schema: object): object {
  const { type, enum: values } = schema as { type?: unknown; enum?: unknown };
  if (typeof type === 'string') return { ...schema, type: [type, 'null'] };
  if (type === undefined && Array.isArray(values)) return { ...schema, enum: [...values, null] };
  return { anyOf: [schema, { type: 'null' }] };
}

/** Any JSON object: form data, definition bodies, audit data (its keys are its own). */
export const anyObject = { type: 'object', additionalProperties: true } as const;

/** Any JSON value (a state value, a changed field's before and after). */
export const anyValue = {} as const;

/** A page cursor a list gives back in `nextCursor`. */
export const cursorQuery = { type: 'string', minLength: 1, maxLength: 200 } as const;

/** Every list is `{ items, nextCursor }`; `nextCursor` is null on the last page (decision 0019). */
export const listOf = <T extends object>(item: T) =>
  ({
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: { items: { type: 'array', items: item }, nextCursor: nullable({ type: 'string' }) },
    additionalProperties: false,
  }) as const;

/** A list that is whole in one answer. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export const wholeList = <T>(items: T[]): Page<T> => ({ items, nextCursor: null });

/** The error shape of every failure (error-handler.ts). */
export const errorJson = {
  type: 'object',
  required: ['error', 'message', 'details'],
  properties: {
    error: { type: 'string' },
    message: { type: 'string' },
    details: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

/** A route's answers: its success statuses, and every error in the one error shape. */
export const responses = <T extends Record<number, object>>(success: T) =>
  ({ ...success, '4xx': errorJson, '5xx': errorJson }) as const;

/** An answer with no body (204). */
export const noContent = { type: 'null' } as const;

/** A file answered as itself, in the type it was uploaded as (attachments, uploads). */
export const fileResponse = {
  description: 'The file, as uploaded (PDF, JPEG, PNG or WebP)',
  content: {
    'application/pdf': { schema: { type: 'string', format: 'binary' } },
    'image/jpeg': { schema: { type: 'string', format: 'binary' } },
    'image/png': { schema: { type: 'string', format: 'binary' } },
    'image/webp': { schema: { type: 'string', format: 'binary' } },
  },
} as const;
