import type { JsonSchema7 } from '@jsonforms/core';

/** What an upload field stores for each file: a reference to the bytes the runtime keeps. */
export interface AttachmentReference {
  readonly id: string;
  readonly name: string;
  /** MIME type */
  readonly type: string;
  /** bytes */
  readonly size: number;
}

/** The schema of one reference, for forms that declare an upload field (`items` of the array). */
export const attachmentReferenceSchema: JsonSchema7 = {
  type: 'object',
  required: ['id', 'name', 'type', 'size'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    type: { type: 'string' },
    size: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
};

export function isAttachmentReference(value: unknown): value is AttachmentReference {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.name === 'string' &&
    typeof candidate.type === 'string' &&
    typeof candidate.size === 'number'
  );
}
