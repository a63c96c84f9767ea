import { envelope, localizedText } from './common.js';

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const clockTime = { type: 'string', pattern: '^([01]\\d|2[0-4]):[0-5]\\d$' } as const;

export const calendarSchema = envelope(
  'calendar',
  'Tongban business calendar',
  {
    timeZone: { type: 'string', minLength: 1 },
    weekendDays: {
      type: 'array',
      items: { type: 'integer', minimum: 1, maximum: 7 },
      uniqueItems: true,
      maxItems: 7,
    },
    workingHours: {
      type: 'array',
      minItems: 1,
      maxItems: 12,
      items: {
        type: 'object',
        required: ['from', 'to'],
        properties: { from: clockTime, to: clockTime },
        additionalProperties: false,
      },
    },
    holidays: {
      type: 'array',
      maxItems: 2000,
      items: {
        type: 'object',
        required: ['from'],
        properties: { from: date, to: date, name: localizedText },
        additionalProperties: false,
      },
    },
    // the years whose holidays and make-up workdays are listed (inclusive); a deadline counted past
    // them is marked uncertain, and the validator warns when they run out
    years: {
      type: 'object',
      required: ['from', 'to'],
      properties: {
        from: { type: 'integer', minimum: 1900, maximum: 9999 },
        to: { type: 'integer', minimum: 1900, maximum: 9999 },
      },
      additionalProperties: false,
    },
    workdays: {
      type: 'array',
      maxItems: 2000,
      items: {
        type: 'object',
        required: ['date'],
        properties: { date, name: localizedText },
        additionalProperties: false,
      },
    },
  },
  ['timeZone', 'weekendDays', 'workingHours', 'holidays', 'workdays'],
);
