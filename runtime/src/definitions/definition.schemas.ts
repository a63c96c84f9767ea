import { definitionKinds } from '@tongban/engine';
import { anyObject, instant, localizedTextJson, nullable } from '../http/schemas.js';

/** A stored version of a definition, without its body. */
export const definitionJson = {
  type: 'object',
  required: ['id', 'kind', 'key', 'version', 'status', 'contentHash', 'createdAt', 'publishedAt'],
  properties: {
    id: { type: 'integer' },
    kind: { enum: definitionKinds },
    key: { type: 'string' },
    version: { type: 'integer' },
    status: { enum: ['draft', 'published', 'retired'] },
    contentHash: { type: 'string' },
    createdAt: instant,
    publishedAt: nullable(instant),
  },
  additionalProperties: false,
} as const;

/** One version with its body and its text as written (decision 0018). */
export const definitionWithBodyJson = {
  ...definitionJson,
  required: [...definitionJson.required, 'body', 'source'],
  properties: { ...definitionJson.properties, body: anyObject, source: { type: 'string' } },
} as const;

const problemJson = {
  type: 'object',
  required: ['path', 'code', 'message', 'messages'],
  properties: {
    path: { type: 'string' },
    code: { type: 'string' },
    // in the caller's language, and in both
    message: { type: 'string' },
    messages: localizedTextJson,
  },
  additionalProperties: false,
} as const;

export const validationJson = {
  type: 'object',
  required: ['valid', 'problems'],
  properties: {
    valid: { type: 'boolean' },
    problems: { type: 'array', items: problemJson },
    // only when there are any: they leave a definition valid
    warnings: { type: 'array', items: problemJson },
  },
  additionalProperties: false,
} as const;

const fixedSlaJson = {
  type: 'object',
  properties: {
    workingDays: { type: 'number' },
    workingHours: { type: 'number' },
    duration: { type: 'string' },
  },
  additionalProperties: false,
} as const;

/** A published form as an answer carries it: the definition itself. */
export const formDefinitionJson = {
  type: 'object',
  required: ['kind', 'key', 'version', 'title', 'schema'],
  properties: {
    kind: { const: 'form' },
    key: { type: 'string' },
    version: { type: 'integer' },
    title: localizedTextJson,
    description: localizedTextJson,
    schema: anyObject,
    uischema: anyObject,
    notice: localizedTextJson,
  },
  additionalProperties: false,
} as const;

/** A matter residents can apply for, at the version in force, with its form. */
export const serviceJson = {
  type: 'object',
  required: [
    'key',
    'version',
    'title',
    'category',
    'lead',
    'cooperating',
    'departmentNames',
    'timeLimit',
    'materials',
    'legalBasis',
    'eventTypes',
    'initials',
    'promisedBy',
    'form',
  ],
  properties: {
    key: { type: 'string' },
    version: { type: 'integer' },
    title: localizedTextJson,
    description: localizedTextJson,
    category: { type: 'string' },
    lead: { type: 'string' },
    cooperating: { type: 'array', items: { type: 'string' } },
    // the lead's and the cooperating departments' names, by code: a resident sees who handles it
    departmentNames: { type: 'object', additionalProperties: localizedTextJson },
    legalBasis: { type: 'array', items: localizedTextJson },
    // the kinds of neighbourhood problem a grid-event matter takes (empty for an application)
    eventTypes: { type: 'array', items: { type: 'string' } },
    // the pinyin initials of the Chinese title, for search (老年人优待证: lnrydz)
    initials: { type: 'string' },
    // the day the time limit promises for an application that goes in now
    promisedBy: nullable({ type: 'string', format: 'date-time' }),
    timeLimit: fixedSlaJson,
    materials: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'title', 'required'],
        properties: {
          key: { type: 'string' },
          title: localizedTextJson,
          required: { type: 'boolean' },
          accept: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    },
    form: nullable(formDefinitionJson),
  },
  additionalProperties: false,
} as const;
