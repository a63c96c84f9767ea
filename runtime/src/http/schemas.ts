/** Shared pieces of route schemas. */
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

export const formData = { type: 'object', maxProperties: 500 } as const;

export const reason = { type: 'string', minLength: 1, maxLength: 2000 } as const;

export const departmentCode = { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,99}$' } as const;
