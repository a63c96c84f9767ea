import { anyObject, anyValue, instant, localizedTextJson, nullable, uuidParam } from '../http/schemas.js';
import { deadlineJson, timelineEntryJson } from '../cases/case.schemas.js';

const score = { enum: ['good', 'average', 'bad'] } as const;

/** A bundle residents can apply for, at the version in force. */
export const bundleJson = {
  type: 'object',
  required: ['key', 'version', 'title', 'matters', 'initials', 'workingDays', 'promisedBy'],
  properties: {
    key: { type: 'string' },
    version: { type: 'integer' },
    title: localizedTextJson,
    description: localizedTextJson,
    matters: { type: 'array', items: { type: 'string' } },
    // the pinyin initials of the Chinese title, for search
    initials: { type: 'string' },
    // the bundle's promised time in working days, when it gives it so
    workingDays: nullable({ type: 'integer' }),
    // the day that promise means for an application that goes in now
    promisedBy: nullable(instant),
  },
  additionalProperties: false,
} as const;

/** A bundle's one combined form. */
export const combinedFormJson = {
  type: 'object',
  required: ['bundle', 'version', 'title', 'schema', 'uischema', 'notice', 'elements', 'sections'],
  properties: {
    bundle: { type: 'string' },
    version: { type: 'integer' },
    title: localizedTextJson,
    schema: anyObject,
    uischema: anyObject,
    notice: localizedTextJson,
    elements: {
      type: 'array',
      items: {
        type: 'object',
        required: ['element', 'path', 'matters', 'shared', 'sensitive'],
        properties: {
          element: { type: 'string' },
          path: { type: 'array', items: { type: 'string' } },
          matters: { type: 'array', items: { type: 'string' } },
          shared: { type: 'boolean' },
          sensitive: { type: 'boolean' },
        },
        additionalProperties: false,
      },
    },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        required: ['matter', 'key', 'title', 'when'],
        properties: {
          matter: { type: 'string' },
          key: { type: 'string' },
          title: localizedTextJson,
          // an expression deciding whether the matter is included; null: always
          when: anyValue,
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

/** The tracker of one application: every matter, its case and where it stands. */
export const trackerJson = {
  type: 'object',
  required: ['id', 'bundle', 'status', 'result', 'rating', 'openedAt', 'closedAt', 'items'],
  properties: {
    id: uuidParam,
    bundle: { type: 'string' },
    status: { type: 'string' },
    result: nullable({ type: 'string' }),
    rating: nullable({
      type: 'object',
      required: ['score', 'reason', 'createdAt'],
      properties: { score, reason: nullable({ type: 'string' }), createdAt: instant },
      additionalProperties: false,
    }),
    openedAt: instant,
    closedAt: nullable(instant),
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'matter',
          'title',
          'after',
          'status',
          'caseId',
          'caseStatus',
          'result',
          'dueAt',
          'duePausedAt',
          'dueUncertain',
          'dueNote',
          'workingOn',
          'waitingForApplicant',
          'timeline',
        ],
        properties: {
          matter: { type: 'string' },
          title: nullable(localizedTextJson),
          // the matters whose outcome this one waits for
          after: { type: 'array', items: { type: 'string' } },
          status: { type: 'string' },
          caseId: nullable(uuidParam),
          caseStatus: nullable({ enum: ['active', 'done', 'cancelled'] }),
          result: nullable({ type: 'string' }),
          ...deadlineJson,
          workingOn: {
            type: 'array',
            items: {
              type: 'object',
              required: ['department', 'name', 'status', 'dueAt', 'dueUncertain'],
              properties: {
                department: { type: 'string' },
                name: localizedTextJson,
                status: { type: 'string' },
                dueAt: nullable(instant),
                dueUncertain: { type: 'boolean' },
              },
              additionalProperties: false,
            },
          },
          waitingForApplicant: { type: 'boolean' },
          timeline: { type: 'array', items: timelineEntryJson },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

export const bundleRatingJson = {
  type: 'object',
  required: ['applicationId', 'raterId', 'score', 'reason', 'createdAt'],
  properties: {
    applicationId: uuidParam,
    raterId: uuidParam,
    score,
    reason: nullable({ type: 'string' }),
    createdAt: instant,
  },
  additionalProperties: false,
} as const;

/** One of my bundle applications, as my list gives it (the tracker has the rest). */
export const myApplicationJson = {
  type: 'object',
  required: ['id', 'bundle', 'version', 'title', 'status', 'result', 'openedAt', 'closedAt'],
  properties: {
    id: uuidParam,
    bundle: { type: 'string' },
    version: { type: 'integer' },
    title: nullable(localizedTextJson),
    status: { type: 'string' },
    result: nullable({ type: 'string' }),
    openedAt: instant,
    closedAt: nullable(instant),
  },
  additionalProperties: false,
} as const;
