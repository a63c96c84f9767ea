import { instant, localizedTextJson, nullable, uuidParam } from '../http/schemas.js';

const taskStatus = { enum: ['open', 'waiting', 'completed', 'cancelled'] } as const;

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

/** One task (task.service.ts `taskView`). */
export const taskJson = {
  type: 'object',
  required: [
    'id',
    'caseId',
    'state',
    'title',
    'matter',
    'department',
    'assigneeId',
    'status',
    'priority',
    'flag',
    'outcomes',
    'outcome',
    'reason',
    'form',
    'openedAt',
    'dueAt',
    'dueUncertain',
    'warnAt',
    'closedAt',
    'closedBy',
  ],
  properties: {
    id: uuidParam,
    caseId: uuidParam,
    state: { type: 'string' },
    title: localizedTextJson,
    matter: nullable({ type: 'string' }),
    department: { type: 'string' },
    assigneeId: nullable(uuidParam),
    status: taskStatus,
    priority: { type: 'string' },
    flag: { type: 'string' },
    outcomes: { type: 'array', items: outcomeJson },
    outcome: nullable({ type: 'string' }),
    reason: nullable({ type: 'string' }),
    form: nullable({ type: 'string' }),
    openedAt: instant,
    dueAt: nullable(instant),
    dueUncertain: { type: 'boolean' },
    warnAt: nullable(instant),
    closedAt: nullable(instant),
    closedBy: nullable(uuidParam),
  },
  additionalProperties: false,
} as const;

/** A task in an inbox. */
export const inboxTaskJson = {
  type: 'object',
  required: [
    'id',
    'caseId',
    'state',
    'title',
    'matter',
    'department',
    'assigneeId',
    'status',
    'priority',
    'flag',
    'openedAt',
    'dueAt',
    'dueUncertain',
    'warnAt',
    'overdue',
  ],
  properties: {
    id: uuidParam,
    caseId: uuidParam,
    state: { type: 'string' },
    title: localizedTextJson,
    matter: nullable({ type: 'string' }),
    department: { type: 'string' },
    assigneeId: nullable(uuidParam),
    status: taskStatus,
    priority: { type: 'string' },
    flag: { type: 'string' },
    openedAt: instant,
    dueAt: nullable(instant),
    dueUncertain: { type: 'boolean' },
    warnAt: nullable(instant),
    overdue: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

/** What an outcome did to the case, and the tasks it opened, so a client can go on without asking again. */
export const outcomeResultJson = {
  type: 'object',
  required: ['caseId', 'caseStatus', 'caseVersion', 'state', 'openedTasks'],
  properties: {
    caseId: uuidParam,
    caseStatus: { enum: ['active', 'done', 'cancelled'] },
    caseVersion: { type: 'integer' },
    state: { type: ['string', 'object'], additionalProperties: true },
    openedTasks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'state', 'department'],
        properties: { id: uuidParam, state: { type: 'string' }, department: { type: 'string' } },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

export const priorityResultJson = {
  type: 'object',
  required: ['caseId', 'caseVersion'],
  properties: { caseId: uuidParam, caseVersion: { type: 'integer' } },
  additionalProperties: false,
} as const;
