import type { Category, Categorization, Layout, UISchemaElement } from '@jsonforms/core';

/**
 * A form's layout as the portal's one-step-a-page wizard. A Categorization is one already. A layout of
 * groups becomes one step a group (the form's authors grouped what belongs together); anything else is
 * one step, named by the form. Rules stay on what they were on, so a hidden group is a skipped step;
 * fields after a last group that can be hidden (a bundle's consent after its optional matters) are a
 * step of their own, named `closingLabel`, so that hiding the group never hides them.
 */
export function asWizard(
  uischema: UISchemaElement,
  formLabel: string,
  closingLabel = formLabel,
): Categorization {
  if (uischema.type === 'Categorization') return uischema as Categorization;
  const elements = (uischema as Partial<Layout>).elements ?? [];
  const isLayout = uischema.type === 'VerticalLayout' || uischema.type === 'HorizontalLayout';
  if (!isLayout || uischema.rule || !elements.some((element) => element.type === 'Group'))
    return categorization([category(formLabel, [uischema])]);

  const steps: Category[] = [];
  let loose: UISchemaElement[] = [];
  // fields between groups stay with the step before them, or open the form as its first step
  const flush = () => {
    if (loose.length === 0) return;
    const last = steps.at(-1);
    if (last) last.elements.push(...loose);
    else steps.push(category(formLabel, loose));
    loose = [];
  };
  for (const element of elements) {
    if (element.type !== 'Group') {
      loose.push(element);
      continue;
    }
    flush();
    const group = element as Layout & { label?: string; i18n?: string };
    steps.push({
      ...category(group.label ?? formLabel, [...group.elements]),
      ...(group.i18n ? { i18n: group.i18n } : {}),
      ...(group.rule ? { rule: group.rule } : {}),
    });
  }
  const last = steps.at(-1);
  if (loose.length > 0 && last?.rule) {
    steps.push(category(closingLabel, loose));
    loose = [];
  }
  flush();
  return categorization(steps);
}

function category(label: string, elements: UISchemaElement[]): Category {
  return { type: 'Category', label, elements };
}

function categorization(elements: Category[]): Categorization {
  return { type: 'Categorization', label: '', elements };
}
