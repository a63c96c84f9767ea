import { pointer } from '../problems.js';
import type { MatterDefinition } from '../types.js';
import type { CheckContext } from './context.js';
import { checkFixedSla } from './sla.js';
import { buildGraph } from '../../workflow/graph.js';
import { checkMatterEventTypes } from './event-types.js';

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
  checkFieldOwners(context, matter);
  checkMatterEventTypes(context, matter);
}

/**
 * The application form owns its fields: a task form of the matter's workflow that declares one of
 * them could never be submitted (the runtime refuses task data that rewrites the application).
 */
function checkFieldOwners(context: CheckContext, matter: MatterDefinition): void {
  const catalog = context.catalog;
  if (catalog === undefined || matter.form === undefined || matter.workflow === undefined) return;
  const application = catalog.get('form', matter.form);
  const workflow = catalog.get('workflow', matter.workflow);
  if (!application || !workflow || workflow.machine === null || typeof workflow.machine !== 'object') return;
  const owned = Object.keys((application.schema.properties as object | undefined) ?? {});
  const graph = buildGraph(workflow.machine, workflow.machine.id ?? workflow.key);
  for (const node of graph.nodes) {
    const taskForm = node.task?.form === undefined ? undefined : catalog.get('form', node.task.form);
    if (!taskForm) continue;
    const shared = Object.keys((taskForm.schema.properties as object | undefined) ?? {}).filter((name) =>
      owned.includes(name),
    );
    for (const field of shared)
      context.report('/form', 'task-form-owns-application-field', {
        field,
        form: taskForm.key,
        state: node.id,
      });
  }
}
