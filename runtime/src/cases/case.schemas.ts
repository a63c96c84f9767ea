import { anyObject, anyValue, instant, localizedTextJson, nullable, uuidParam } from '../http/schemas.js';

/** A case's deadline, as every view gives it (case-deadline.ts). */
export const deadlineJson = {
  dueAt: nullable(instant),
  duePausedAt: nullable(instant),
  dueUncertain: { type: 'boolean' },
  dueNote: nullable(localizedTextJson),
} as const;
const deadlineRequired = ['dueAt', 'duePausedAt', 'dueUncertain', 'dueNote'] as const;

/** A state value: a state's name, or for parallel states an object of regions. */
const stateValue = { type: ['string', 'object'], additionalProperties: true } as const;

const outcomeJson = {
  type: 'object',
  required: ['key', 'reason'],
  properties: {
    key: { type: 'string' },
    title: localizedTextJson,
    reason: { enum: ['required', 'optional'] },
  },
  additionalProperties: false,
} as const;

/**
 * A task of a case view. Departments get every field; the applicant their own steps (applicant-view.ts):
 * the department's name, and of outcomes only decisions; nothing of who holds it or how urgent it is.
 */
export const caseTaskJson = {
  type: 'object',
  required: [
    'id',
    'state',
    'title',
    'department',
    'status',
    'outcome',
    'reason',
    'openedAt',
    'dueAt',
    'dueUncertain',
    'closedAt',
  ],
  properties: {
    id: uuidParam,
    state: { type: 'string' },
    title: localizedTextJson,
    department: { type: 'string' },
    departmentName: localizedTextJson,
    assigneeId: nullable(uuidParam),
    status: { enum: ['open', 'waiting', 'completed', 'cancelled'] },
    outcome: nullable({ type: 'string' }),
    reason: nullable({ type: 'string' }),
    priority: { type: 'string' },
    flag: { type: 'string' },
    outcomes: { type: 'array', items: outcomeJson },
    form: nullable({ type: 'string' }),
    openedAt: instant,
    dueAt: nullable(instant),
    dueUncertain: { type: 'boolean' },
    closedAt: nullable(instant),
  },
  additionalProperties: false,
} as const;

/** Who did something, as a reader may be told (timeline.ts). */
export const timelineActorJson = {
  type: 'object',
  required: ['kind', 'name'],
  properties: {
    kind: { enum: ['applicant', 'department', 'staff', 'system'] },
    department: { type: 'string' },
    name: localizedTextJson,
  },
  additionalProperties: false,
} as const;

export const timelineEntryJson = {
  type: 'object',
  required: ['seq', 'at', 'action', 'label', 'visibility', 'by', 'data'],
  properties: {
    seq: { type: 'integer' },
    at: instant,
    action: { type: 'string' },
    label: localizedTextJson,
    visibility: { enum: ['internal', 'applicant'] },
    by: timelineActorJson,
    // departments' view only
    actorId: nullable(uuidParam),
    data: anyObject,
    changes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'before', 'after'],
        properties: { field: { type: 'string' }, before: anyValue, after: anyValue },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

const supplementJson = {
  type: 'object',
  required: ['taskId', 'department', 'items', 'reason', 'requestedAt'],
  properties: {
    taskId: uuidParam,
    department: { type: 'string' },
    items: { type: 'array', items: { type: 'string' } },
    reason: { type: 'string' },
    requestedAt: instant,
  },
  additionalProperties: false,
} as const;

/** One case with its tasks and timeline, as its reader may see it (case.service.ts `get`). */
export const caseJson = {
  type: 'object',
  required: [
    'id',
    'title',
    'internal',
    'matter',
    'workflow',
    'status',
    'result',
    'state',
    'data',
    'masked',
    'supplement',
    'version',
    'openedAt',
    ...deadlineRequired,
    'closedAt',
    'tasks',
    'timeline',
  ],
  properties: {
    id: uuidParam,
    title: localizedTextJson,
    internal: { type: 'boolean' },
    matter: nullable({ type: 'string' }),
    workflow: {
      type: 'object',
      required: ['key', 'version'],
      properties: { key: { type: 'string' }, version: { type: 'integer' } },
      additionalProperties: false,
    },
    status: { enum: ['active', 'done', 'cancelled'] },
    result: nullable({ type: 'string' }),
    state: stateValue,
    data: anyObject,
    // the JSON pointers of the values masked in data
    masked: { type: 'array', items: { type: 'string' } },
    supplement: nullable(supplementJson),
    version: { type: 'integer' },
    openedAt: instant,
    ...deadlineJson,
    closedAt: nullable(instant),
    tasks: { type: 'array', items: caseTaskJson },
    timeline: { type: 'array', items: timelineEntryJson },
  },
  additionalProperties: false,
} as const;

/** A case in the applicant's list (no matter key: its title says which). */
export const myCaseJson = {
  type: 'object',
  required: ['id', 'title', 'status', 'result', 'openedAt', ...deadlineRequired, 'closedAt'],
  properties: {
    id: uuidParam,
    title: localizedTextJson,
    status: { enum: ['active', 'done', 'cancelled'] },
    result: nullable({ type: 'string' }),
    openedAt: instant,
    ...deadlineJson,
    closedAt: nullable(instant),
  },
  additionalProperties: false,
} as const;

/** A case the departments' search found. */
export const foundCaseJson = {
  type: 'object',
  required: ['id', 'title', 'matter', 'status', 'result', 'openedAt', ...deadlineRequired],
  properties: {
    id: uuidParam,
    title: localizedTextJson,
    matter: nullable({ type: 'string' }),
    status: { enum: ['active', 'done', 'cancelled'] },
    result: nullable({ type: 'string' }),
    openedAt: instant,
    ...deadlineJson,
  },
  additionalProperties: false,
} as const;
