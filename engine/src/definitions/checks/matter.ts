import { pointer } from '../problems.js';
import type { MatterDefinition } from '../types.js';
import type { CheckContext } from './context.js';
import { checkFixedSla } from './sla.js';

export function checkMatter(context: CheckContext, matter: MatterDefinition): void {
  context.reference('/lead', 'department', matter.lead);
  matter.cooperating.forEach((department, index) => {
    context.reference(pointer('/cooperating', index), 'department', department);
    if (department === matter.lead)
      context.report(pointer('/cooperating', index), 'lead-also-cooperating', { department });
  });
  context.reference('/form', 'form', matter.form);
  context.reference('/workflow', 'workflow', matter.workflow);
  checkFixedSla(context, matter.timeLimit, '/timeLimit');
}
