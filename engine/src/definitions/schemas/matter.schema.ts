import { attachmentMediaTypes, matterCategories } from '../types.js';
import { definitionKey, envelope, fixedSla, localizedText } from './common.js';

export const matterSchema = envelope(
  'matter',
  'Tongban responsibility-list item (matter)',
  {
    category: { enum: matterCategories },
    lead: definitionKey,
    cooperating: { type: 'array', items: definitionKey, uniqueItems: true, maxItems: 50 },
    timeLimit: fixedSla,
    legalBasis: { type: 'array', items: localizedText, maxItems: 50 },
    materials: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['key', 'title', 'required'],
        properties: {
          key: definitionKey,
          title: localizedText,
          required: { type: 'boolean' },
          accept: {
            type: 'array',
            items: { enum: attachmentMediaTypes },
            minItems: 1,
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    },
    form: definitionKey,
    workflow: definitionKey,
    eventTypes: { type: 'array', items: definitionKey, uniqueItems: true, maxItems: 100 },
    // a data element (`x-element`) of the application form, e.g. person.idNumber; the checks say
    // whether the form has it
    oneOpenCasePer: { type: 'string', minLength: 1, maxLength: 100 },
  },
  ['category', 'lead', 'cooperating', 'timeLimit', 'legalBasis', 'materials', 'workflow'],
);
