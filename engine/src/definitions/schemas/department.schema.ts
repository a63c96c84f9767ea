import { departmentLevels, dispatchModes } from '../types.js';
import { definitionKey, envelope } from './common.js';

export const departmentSchema = envelope(
  'department',
  'Tongban department',
  {
    level: { enum: departmentLevels },
    parent: definitionKey,
    calendar: definitionKey,
    dispatch: {
      type: 'object',
      additionalProperties: false,
      required: ['mode'],
      properties: {
        mode: { enum: dispatchModes },
        concurrency: { type: 'integer', minimum: 1, maximum: 1000 },
        perMinute: { type: 'integer', minimum: 1, maximum: 100000 },
      },
    },
  },
  ['level'],
);
