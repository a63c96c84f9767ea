import { definitionKey, envelope, expression, fixedSla } from './common.js';

export const bundleSchema = envelope(
  'bundle',
  'Tongban one-thing bundle',
  {
    matters: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: {
        type: 'object',
        required: ['matter'],
        properties: {
          matter: definitionKey,
          when: expression,
          after: { type: 'array', items: definitionKey, uniqueItems: true },
        },
        additionalProperties: false,
      },
    },
    timeLimit: fixedSla,
  },
  ['matters', 'timeLimit'],
);
