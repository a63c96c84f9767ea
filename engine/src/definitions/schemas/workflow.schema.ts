import { priorities } from '../types.js';
import { escalationActions } from '../../sla/types.js';
import { definitionKey, envelope, expression, fixedSla, localizedText, slaSpec } from './common.js';

/*
 * "One or a list of" is written as one multi-type schema rather than anyOf: each keyword applies only to
 * its own type (items to arrays, properties to objects), so a mistake yields one clear error, not one per
 * branch.
 */
const action = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  properties: {
    set: { type: 'object', minProperties: 1, additionalProperties: expression },
    notify: {
      type: 'object',
      required: ['to', 'template'],
      properties: {
        to: { type: 'string', minLength: 1 },
        template: { type: 'string', minLength: 1 },
        data: { type: 'object', additionalProperties: expression },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

const actionList = {
  ...action,
  type: ['object', 'array'],
  maxItems: 50,
  items: { $ref: '#/definitions/action' },
} as const;

const transition = {
  type: ['string', 'object'],
  properties: {
    target: { type: ['string', 'array'], items: { type: 'string' } },
    guard: {
      type: 'object',
      required: ['when'],
      properties: { when: expression },
      additionalProperties: false,
    },
    actions: actionList,
    reenter: { type: 'boolean' },
    description: { type: 'string' },
  },
  additionalProperties: false,
} as const;

const transitionList = {
  ...transition,
  type: ['string', 'object', 'array'],
  maxItems: 50,
  items: { $ref: '#/definitions/transition' },
} as const;

const escalationStep = {
  type: 'object',
  required: ['action'],
  properties: {
    at: { type: 'number', minimum: 0, maximum: 10 },
    before: { type: 'string' },
    after: { type: 'string' },
    action: { enum: escalationActions },
    to: { type: 'string', minLength: 1 },
    respondWithin: fixedSla,
  },
  additionalProperties: false,
} as const;

const taskSpec = {
  type: 'object',
  required: ['queue', 'outcomes'],
  properties: {
    title: localizedText,
    queue: {
      type: 'object',
      minProperties: 1,
      properties: { department: definitionKey, matter: { enum: ['lead', 'cooperating'] }, expr: expression },
      additionalProperties: false,
    },
    form: definitionKey,
    outcomes: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: {
        type: ['string', 'object'],
        pattern: '^[a-zA-Z][a-zA-Z0-9_-]{0,49}$',
        required: ['key'],
        properties: {
          key: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9_-]{0,49}$' },
          title: localizedText,
          reason: { enum: ['required', 'optional'] },
        },
        additionalProperties: false,
      },
    },
    sla: slaSpec,
    escalation: { type: 'array', maxItems: 20, items: escalationStep },
    priority: { enum: priorities },
  },
  additionalProperties: false,
} as const;

const stateNode = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9_-]*$' },
    type: { enum: ['atomic', 'compound', 'parallel', 'final'] },
    initial: { type: 'string' },
    states: { type: 'object', additionalProperties: { $ref: '#/definitions/stateNode' } },
    on: { type: 'object', additionalProperties: transitionList },
    always: transitionList,
    onDone: transitionList,
    entry: actionList,
    exit: actionList,
    description: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    meta: {
      type: 'object',
      properties: {
        task: taskSpec,
        childCase: {
          type: 'object',
          required: ['workflow'],
          properties: { workflow: definitionKey, data: { type: 'object', additionalProperties: expression } },
          additionalProperties: false,
        },
        result: { type: 'string', minLength: 1 },
        title: localizedText,
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

const base = envelope(
  'workflow',
  'Tongban workflow (XState v5 machine config in plain JSON)',
  {
    form: definitionKey,
    calendar: definitionKey,
    internal: { type: 'boolean' },
    // `initial` as XState needs it: a compound root without one is reported as missing-initial, a parallel
    // root needs none
    machine: {
      allOf: [{ $ref: '#/definitions/stateNode' }, { required: ['states'] }],
    },
  },
  ['machine'],
);

export const workflowSchema = {
  ...base,
  definitions: {
    stateNode,
    transition,
    action,
  },
} as const;
