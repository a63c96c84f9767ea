import { departmentLevels } from '../types.js';
import { definitionKey, envelope } from './common.js';

export const departmentSchema = envelope(
  'department',
  'Tongban department',
  {
    level: { enum: departmentLevels },
    parent: definitionKey,
    calendar: definitionKey,
  },
  ['level'],
);
