import { envelope, localizedText } from './common.js';

export const formSchema = envelope(
  'form',
  'Tongban form (JSON Schema + JSON Forms UI schema)',
  {
    schema: {
      type: 'object',
      required: ['type', 'properties'],
      properties: { type: { const: 'object' }, properties: { type: 'object' } },
    },
    uischema: { type: 'object', required: ['type'], properties: { type: { type: 'string' } } },
    notice: localizedText,
  },
  ['schema'],
);
