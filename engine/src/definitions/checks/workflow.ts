import { buildGraph, type GraphNode } from '../../workflow/graph.js';
import { engineOutcomes, outcomeKey } from '../../workflow/outcomes.js';
import { pointer } from '../problems.js';
import type { ActionSpec, JsonSchemaObject, StateNodeSpec, WorkflowDefinition } from '../types.js';
import type { CheckContext } from './context.js';
import { caseRoots, checkExpression, type FieldScope } from './expression.js';
import { checkEscalation, checkSla } from './sla.js';
import { checkQueueExpression } from './queue.js';
import { analyzeExpression } from '../../expressions/analyze.js';
import { readsSensitive, sensitivePointersOf } from '../../forms/sensitive.js';

const reservedEventPrefixes = ['tb.', 'xstate.'];

export function checkWorkflow(context: CheckContext, workflow: WorkflowDefinition): void {
  const graph = buildGraph(workflow.machine, workflow.machine.id ?? workflow.key);
  context.reference('/form', 'form', workflow.form);
  context.reference('/calendar', 'calendar', workflow.calendar);

  for (const node of graph.duplicateIds)
    context.report(pointer(node.pointer, 'id'), 'duplicate-id', { id: node.id });
  for (const { transition, target } of graph.unresolved) {
    context.report(targetPath(transition.path, transition.spec.target, target), 'unknown-target', { target });
  }

  const fields = fieldScope(context, workflow, graph.nodes);
  for (const node of graph.nodes) {
    checkStructure(context, node);
    if (!graph.reachable.has(node)) context.report(node.pointer, 'unreachable-state', { state: node.id });
    for (const event of Object.keys(node.spec.on ?? {})) {
      if (reservedEventPrefixes.some((prefix) => event.startsWith(prefix)))
        context.report(pointer(node.pointer, 'on', event), 'event-reserved', { event });
    }
    for (const transition of node.transitions) {
      if (transition.spec.guard !== undefined)
        checkExpression(
          context,
          transition.spec.guard.when,
          pointer(transition.path, 'guard', 'when'),
          fields,
        );
      checkActions(context, transition.spec.actions, pointer(transition.path, 'actions'), fields);
    }
    checkActions(context, node.spec.entry, pointer(node.pointer, 'entry'), fields);
    checkActions(context, node.spec.exit, pointer(node.pointer, 'exit'), fields);
    const child = node.spec.meta?.childCase;
    if (child !== undefined) {
      const at = pointer(node.pointer, 'meta', 'childCase');
      context.reference(pointer(at, 'workflow'), 'workflow', child.workflow);
      for (const [name, expression] of Object.entries(child.data ?? {})) {
        checkExpression(context, expression, pointer(at, 'data', name), fields);
        checkStaysInCase(context, expression, pointer(at, 'data', name), fields);
      }
    }
    if (node.task !== undefined) checkTask(context, node, fields);
  }
}

function checkStructure(context: CheckContext, node: GraphNode): void {
  const spec = node.spec;
  if (node.type === 'final' && (node.children.length > 0 || node.transitions.length > 0)) {
    context.report(node.pointer, 'final-with-children', { state: node.id });
  }
  if ((node.type === 'compound' || node.type === 'parallel') && node.children.length === 0) {
    context.report(node.pointer, 'no-children', { state: node.id, type: node.type });
  }
  if (node.type === 'compound' && node.children.length > 0) {
    if (spec.initial === undefined) context.report(node.pointer, 'missing-initial', { state: node.id });
    else if (!node.children.some((child) => child.key === spec.initial)) {
      context.report(pointer(node.pointer, 'initial'), 'unknown-initial', {
        initial: spec.initial,
        state: node.id,
      });
    }
  }
}

function checkTask(context: CheckContext, node: GraphNode, fields: FieldScope): void {
  const task = node.task;
  if (task === undefined) return;
  const at = pointer(node.pointer, 'meta', 'task');
  if (node.children.length > 0) context.report(node.pointer, 'task-not-atomic', { state: node.id });

  const queue = task.queue as Record<string, unknown> | undefined;
  if (queue !== undefined && typeof queue === 'object') {
    if (Object.keys(queue).length !== 1) context.report(pointer(at, 'queue'), 'queue-one-kind');
    if (typeof queue.department === 'string')
      context.reference(pointer(at, 'queue', 'department'), 'department', queue.department);
    if ('expr' in queue) {
      checkExpression(context, queue.expr, pointer(at, 'queue', 'expr'), fields);
      checkStaysInCase(context, queue.expr, pointer(at, 'queue', 'expr'), fields);
      checkQueueExpression(context, queue.expr, pointer(at, 'queue', 'expr'), fields);
    }
  }
  context.reference(pointer(at, 'form'), 'form', task.form);
  checkSla(context, task.sla, pointer(at, 'sla'), fields);
  checkEscalation(context, task.escalation, pointer(at, 'escalation'));

  const on = node.spec.on ?? {};
  const seen = new Set<string>();
  let leaves = false;
  (task.outcomes ?? []).forEach((outcome, index) => {
    const key = outcomeKey(outcome);
    if (typeof key !== 'string') return;
    const path = pointer(at, 'outcomes', index);
    if (seen.has(key)) context.report(path, 'outcome-duplicate', { outcome: key });
    seen.add(key);
    if (engineOutcomes.has(key)) {
      if (Object.hasOwn(on, key))
        context.report(pointer(node.pointer, 'on', key), 'outcome-reserved', { outcome: key });
      return;
    }
    const transitions = node.transitions.filter((transition) => transition.event === key);
    if (transitions.length === 0) context.report(path, 'outcome-without-transition', { outcome: key });
    if (transitions.some((transition) => transition.targets.length > 0)) leaves = true;
  });
  if (!leaves && (task.outcomes ?? []).length > 0)
    context.report(pointer(at, 'outcomes'), 'task-no-way-out', { state: node.id });
}

function checkActions(
  context: CheckContext,
  actions: ActionSpec | ActionSpec[] | undefined,
  path: string,
  fields: FieldScope,
): void {
  if (actions === undefined) return;
  const list = Array.isArray(actions) ? actions : [actions];
  list.forEach((action, index) => {
    const at = Array.isArray(actions) ? pointer(path, index) : path;
    if (action === null || typeof action !== 'object') return;
    if ('set' in action && action.set !== null && typeof action.set === 'object') {
      for (const [target, expression] of Object.entries(action.set)) {
        if (target.startsWith('context.'))
          context.report(pointer(at, 'set', target), 'xstate.context-variable', {
            name: target,
            instead: `data.${target.slice('context.'.length)}`,
          });
        else if (!target.startsWith('data.'))
          context.report(pointer(at, 'set', target), 'unknown-variable', { name: target });
        checkExpression(context, expression, pointer(at, 'set', target), fields);
      }
    }
    if ('notify' in action && action.notify !== null && typeof action.notify === 'object') {
      for (const [name, expression] of Object.entries(action.notify.data ?? {})) {
        checkExpression(context, expression, pointer(at, 'notify', 'data', name), fields);
        checkStaysInCase(context, expression, pointer(at, 'notify', 'data', name), fields);
      }
    }
  });
}

/** The fields expressions of this workflow may read: its forms' fields and whatever `set` writes. */
function fieldScope(context: CheckContext, workflow: WorkflowDefinition, nodes: GraphNode[]): FieldScope {
  const extraData = new Set<string>();
  const formKeys = new Set<string>();
  if (workflow.form !== undefined) formKeys.add(workflow.form);
  const collectSets = (actions: StateNodeSpec['entry']): void => {
    for (const action of actions === undefined ? [] : Array.isArray(actions) ? actions : [actions]) {
      if (
        action !== null &&
        typeof action === 'object' &&
        'set' in action &&
        action.set &&
        typeof action.set === 'object'
      ) {
        for (const target of Object.keys(action.set)) {
          const [root, field] = target.split('.');
          if (root === 'data' && field !== undefined) extraData.add(field);
        }
      }
    }
  };
  for (const node of nodes) {
    if (node.task?.form !== undefined) formKeys.add(node.task.form);
    collectSets(node.spec.entry);
    collectSets(node.spec.exit);
    for (const transition of node.transitions) collectSets(transition.spec.actions);
  }
  // the application forms of the matters that run on this workflow fill its data as its own form does
  for (const matter of context.catalog?.all('matter') ?? [])
    if (
      matter.workflow === workflow.key &&
      matter.form !== undefined &&
      context.catalog?.has('form', matter.form)
    )
      formKeys.add(matter.form);
  let forms: JsonSchemaObject[] | null = null;
  const formsByKey = new Map<string, JsonSchemaObject>();
  if (context.catalog !== undefined && formKeys.size > 0) {
    const found = [...formKeys].map((key) => context.catalog?.get('form', key));
    if (found.every((form) => form !== undefined)) forms = found.map((form) => form.schema);
    for (const form of found) if (form !== undefined) formsByKey.set(form.key, form.schema);
  }
  // what is sensitive: in the workflow's own forms, and in the forms of the matters that run on it
  const sensitiveForms = new Set(formKeys);
  for (const matter of context.catalog?.all('matter') ?? [])
    if (matter.workflow === workflow.key && matter.form !== undefined) sensitiveForms.add(matter.form);
  const schemas = [...sensitiveForms].flatMap((key) => {
    const form = context.catalog?.get('form', key);
    return form ? [form.schema] : [];
  });
  return { roots: caseRoots, forms, extraData, sensitive: sensitivePointersOf(schemas), formsByKey };
}

/**
 * Notifications, queues and other cases keep what an expression gives them outside the case, where
 * nothing is masked and no read is audited: an expression there must not read a sensitive field.
 */
function checkStaysInCase(
  context: CheckContext,
  expression: unknown,
  path: string,
  fields: FieldScope,
): void {
  for (const variable of analyzeExpression(expression).variables) {
    const [root, ...rest] = variable.split('.');
    if (root !== 'data') continue;
    if (readsSensitive(fields.sensitive, rest) !== undefined)
      context.report(path, 'sensitive-leaves-case', { field: variable });
  }
}

function targetPath(transitionPath: string, target: unknown, name: string): string {
  if (typeof target === 'string') return pointer(transitionPath, 'target');
  if (Array.isArray(target)) return pointer(transitionPath, 'target', target.indexOf(name));
  return transitionPath;
}
