import { pointer } from '../problems.js';
import type { BundleDefinition, JsonSchemaObject } from '../types.js';
import type { CheckContext } from './context.js';
import { checkExpression } from './expression.js';
import { checkFixedSla } from './sla.js';

export function checkBundle(context: CheckContext, bundle: BundleDefinition): void {
  const included = new Map<string, number>();
  bundle.matters.forEach((item, index) => {
    if (included.has(item.matter))
      context.report(pointer('/matters', index, 'matter'), 'bundle-duplicate-matter', {
        matter: item.matter,
      });
    else included.set(item.matter, index);
    context.reference(pointer('/matters', index, 'matter'), 'matter', item.matter);
  });

  const forms = bundleForms(context, bundle);
  bundle.matters.forEach((item, index) => {
    (item.after ?? []).forEach((dependency, position) => {
      if (!included.has(dependency)) {
        context.report(pointer('/matters', index, 'after', position), 'bundle-unknown-dependency', {
          matter: dependency,
        });
      }
    });
    if (item.when !== undefined) {
      checkExpression(context, item.when, pointer('/matters', index, 'when'), {
        roots: new Set(['data']),
        forms,
        extraData: new Set(),
      });
    }
  });

  const cycle = findCycle(bundle);
  if (cycle)
    context.report(pointer('/matters', included.get(cycle[0] as string) ?? 0, 'after'), 'bundle-cycle', {
      cycle: cycle.join(' → '),
    });
  checkFixedSla(context, bundle.timeLimit, '/timeLimit');
}

/** The forms of the bundle's matters, or null when they cannot all be found (no field checks then). */
function bundleForms(context: CheckContext, bundle: BundleDefinition): JsonSchemaObject[] | null {
  const catalog = context.catalog;
  if (catalog === undefined) return null;
  const forms: JsonSchemaObject[] = [];
  for (const item of bundle.matters) {
    const matter = catalog.get('matter', item.matter);
    if (matter === undefined) return null;
    if (matter.form === undefined) continue;
    const form = catalog.get('form', matter.form);
    if (form === undefined) return null;
    forms.push(form.schema);
  }
  return forms;
}

/** A dependency loop among the bundle's matters, as the list of matters around it, if there is one. */
function findCycle(bundle: BundleDefinition): string[] | null {
  const after = new Map(bundle.matters.map((item) => [item.matter, item.after ?? []]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (matter: string): string[] | null => {
    if (state.get(matter) === 'done') return null;
    if (state.get(matter) === 'visiting') return [...stack.slice(stack.indexOf(matter)), matter];
    state.set(matter, 'visiting');
    stack.push(matter);
    for (const dependency of after.get(matter) ?? []) {
      if (!after.has(dependency)) continue;
      const found = visit(dependency);
      if (found) return found;
    }
    stack.pop();
    state.set(matter, 'done');
    return null;
  };
  for (const item of bundle.matters) {
    const found = visit(item.matter);
    if (found) return found;
  }
  return null;
}
