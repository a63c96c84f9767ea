import { Ajv, type ValidateFunction } from 'ajv';
import { priorities } from '../definitions/types.js';
import { EngineError } from '../errors/engine-error.js';

const actor = { type: 'string', minLength: 1, maxLength: 200 } as const;
const reason = { type: 'string', minLength: 1, maxLength: 2000 } as const;
const data = { type: 'object' } as const;

/** JSON Schemas of the events the engine itself understands (published with the other schemas). */
export const engineEventSchemas = {
  'task.outcome': {
    type: 'object',
    required: ['type', 'taskId', 'outcome'],
    properties: {
      type: { const: 'task.outcome' },
      taskId: { type: 'string', minLength: 1 },
      outcome: { type: 'string', minLength: 1, maxLength: 50 },
      reason,
      data,
      toDepartment: { type: 'string', minLength: 1 },
      items: {
        type: 'array',
        minItems: 1,
        maxItems: 50,
        items: { type: 'string', minLength: 1, maxLength: 500 },
      },
      actor,
    },
    additionalProperties: false,
  },
  'task.setPriority': {
    type: 'object',
    required: ['type', 'taskId', 'priority'],
    properties: {
      type: { const: 'task.setPriority' },
      taskId: { type: 'string', minLength: 1 },
      priority: { enum: priorities },
      actor,
    },
    additionalProperties: false,
  },
  'supplement.provided': {
    type: 'object',
    required: ['type'],
    properties: { type: { const: 'supplement.provided' }, data, actor },
    additionalProperties: false,
  },
  'timer.fired': {
    type: 'object',
    required: ['type', 'timerId'],
    properties: { type: { const: 'timer.fired' }, timerId: { type: 'string', minLength: 1 } },
    additionalProperties: false,
  },
  'case.dataCorrected': {
    type: 'object',
    required: ['type', 'data', 'reason'],
    properties: { type: { const: 'case.dataCorrected' }, data, reason, actor },
    additionalProperties: false,
  },
  'case.cancel': {
    type: 'object',
    required: ['type', 'reason'],
    properties: { type: { const: 'case.cancel' }, reason, actor },
    additionalProperties: false,
  },
} as const;

export type EngineEventType = keyof typeof engineEventSchemas;

const ajv = new Ajv({ allErrors: false, strict: false });
const validators = new Map<string, ValidateFunction>(
  Object.entries(engineEventSchemas).map(([type, schema]) => [type, ajv.compile(schema)]),
);

export function isEngineEventType(type: string): type is EngineEventType {
  return validators.has(type);
}

/** Refuses a malformed event with the path and rule that failed. */
export function assertEventShape(event: unknown): asserts event is { type: string } {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    throw new EngineError('TB_EVENT_INVALID', { detail: 'an event must be an object with a "type"' });
  }
  const type = (event as { type?: unknown }).type;
  if (typeof type !== 'string' || type.length === 0) {
    throw new EngineError('TB_EVENT_INVALID', { detail: '"type" must be a non-empty string' }, '/type');
  }
  if (type.startsWith('tb.') || type.startsWith('xstate.')) {
    throw new EngineError('TB_EVENT_INVALID', { detail: `event type "${type}" is reserved` }, '/type');
  }
  const validate = validators.get(type);
  if (validate && !validate(event)) {
    const error = validate.errors?.[0];
    const path = error
      ? error.instancePath + (error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '')
      : '';
    const detail =
      error?.keyword === 'additionalProperties'
        ? `unknown field "${String(error.params.additionalProperty)}"`
        : (error?.message ?? 'invalid');
    throw new EngineError('TB_EVENT_INVALID', { detail: `${path || '/'} ${detail}` }, path);
  }
}
