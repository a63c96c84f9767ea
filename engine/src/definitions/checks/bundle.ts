import { pointer } from '../problems.js';
import { combineForms, type CombinedForm } from '../../bundles/combined-form.js';
import { analyzeExpression } from '../../expressions/analyze.js';
import { analyzeFormSchema } from '../../forms/form-cost.js';
import type { Expression } from '../../expressions/types.js';
import type { Catalog } from '../catalog.js';
import type { BundleDefinition } from '../types.js';
import type { CheckContext } from './context.js';
import { checkExpression, schemaHasPath } from './expression.js';
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

  // conditions read the combined form's data: elements by their path, a matter's own fields in its section
  const combined = allFormsKnown(context, bundle) ? combineForms(bundle, context.catalog as Catalog) : null;
  context.problems.push(...(combined?.problems ?? []));
  // the combined form is checked as one form: it too must be checkable within bounds (decision 0015)
  if (combined !== null)
    for (const found of analyzeFormSchema(combined.schema).problems)
      context.report('/matters', found.code, found.params);
  bundle.matters.forEach((item, index) => {
    (item.after ?? []).forEach((dependency, position) => {
      if (!included.has(dependency)) {
        context.report(pointer('/matters', index, 'after', position), 'bundle-unknown-dependency', {
          matter: dependency,
        });
      }
    });
    if (item.when !== undefined) {
      const path = pointer('/matters', index, 'when');
      // fields are checked below against the combined form, with a hint where the field really lives
      checkExpression(context, item.when, path, {
        roots: new Set(['data']),
        forms: null,
        extraData: new Set(),
        sensitive: [],
      });
      if (combined !== null) checkConditionFields(context, combined, item.when, path);
    }
  });

  const cycle = findCycle(bundle);
  if (cycle)
    context.report(pointer('/matters', included.get(cycle[0] as string) ?? 0, 'after'), 'bundle-cycle', {
      cycle: cycle.join(' → '),
    });
  checkFixedSla(context, bundle.timeLimit, '/timeLimit');
}

/**
 * A condition reads the combined form's data. An author used to one form writes `data.idNumber`; the
 * combined form has it as `data.person.idNumber` (its data element) or `data.m_<matter>.<field>` (a
 * matter's own field): the problem names where it is.
 */
function checkConditionFields(
  context: CheckContext,
  combined: CombinedForm,
  condition: Expression,
  path: string,
): void {
  for (const variable of analyzeExpression(condition).variables) {
    const [root, ...rest] = variable.split('.');
    if (root !== 'data' || rest.length === 0 || schemaHasPath(combined.schema, rest)) continue;
    const field = rest[rest.length - 1] as string;
    const candidates = combined.sections.flatMap((section) =>
      section.fields.filter((entry) => entry.field === field).map((entry) => `data.${entry.from.join('.')}`),
    );
    context.report(path, 'bundle-unknown-field', {
      field: variable,
      hint: candidates.length > 0 ? [...new Set(candidates)].join(', ') : '—',
    });
  }
}

/** Whether every matter of the bundle and its form are in the catalog (else no form checks: they are unknown references). */
function allFormsKnown(context: CheckContext, bundle: BundleDefinition): boolean {
  const catalog = context.catalog;
  if (catalog === undefined) return false;
  return bundle.matters.every((item) => {
    const matter = catalog.get('matter', item.matter);
    return matter !== undefined && (matter.form === undefined || catalog.has('form', matter.form));
  });
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
