import { pointer } from '../problems.js';
import type { FormDefinition, MatterDefinition } from '../types.js';
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
  checkOneOpenCasePer(context, matter);
}

/**
 * The runtime finds the person's value under a top-level field of the application form (the field a
 * bundle's combined form maps by element too): without such a field it could never enforce the rule.
 */
function checkOneOpenCasePer(context: CheckContext, matter: MatterDefinition): void {
  const element = matter.oneOpenCasePer;
  if (element === undefined) return;
  if (matter.form === undefined) {
    context.report('/oneOpenCasePer', 'one-open-case-element-missing', {
      element,
      form: { 'zh-CN': '（本事项没有申请表）', en: '(none: the matter names no form)' },
    });
    return;
  }
  const form = context.catalog?.get('form', matter.form);
  // without the form (no catalog, or an unknown reference reported at /form) there is nothing to check
  if (form === undefined) return;
  if (oneOpenCaseField(form, element) === undefined)
    context.report('/oneOpenCasePer', 'one-open-case-element-missing', {
      element,
      form: { 'zh-CN': `“${form.key}”`, en: `"${form.key}"` },
    });
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

/** The top-level field of `form` marked with the data element `element`, if there is one. */
export function oneOpenCaseField(form: FormDefinition, element: string): string | undefined {
  const properties = form.schema.properties;
  if (properties === null || typeof properties !== 'object') return undefined;
  for (const [field, schema] of Object.entries(properties as Record<string, unknown>))
    if (
      schema !== null &&
      typeof schema === 'object' &&
      (schema as { 'x-element'?: unknown })['x-element'] === element
    )
      return field;
  return undefined;
}
