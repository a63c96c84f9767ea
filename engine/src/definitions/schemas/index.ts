import type { DefinitionKind } from '../types.js';
import { bundleSchema } from './bundle.schema.js';
import { calendarSchema } from './calendar.schema.js';
import { departmentSchema } from './department.schema.js';
import { formSchema } from './form.schema.js';
import { matterSchema } from './matter.schema.js';
import { workflowSchema } from './workflow.schema.js';

export { schemaVersion } from './common.js';

/** The published JSON Schema of every definition kind (draft-07, as JSON Forms uses). */
export const definitionSchemas: Record<DefinitionKind, object> = {
  department: departmentSchema,
  calendar: calendarSchema,
  matter: matterSchema,
  form: formSchema,
  workflow: workflowSchema,
  bundle: bundleSchema,
};
