import {
  composeWithUi,
  isControlElement,
  isLayout,
  isVisible,
  type Categorization,
  type Category,
  type ControlElement,
  type JsonFormsCore,
  type UISchemaElement,
} from '@jsonforms/core';

// ajv as JSON Forms hands it over (ajv is its dependency, not ours)
type FormAjv = NonNullable<JsonFormsCore['ajv']>;

/**
 * One page of the wizard: a Category of the Categorization, flattened out of any nested
 * Categorizations (a wizard walks them in order, one page each).
 */
export interface WizardStep {
  /** Position among all the steps, hidden or not: what a draft keeps, so it means the same page later. */
  index: number;
  category: Category;
  /** The elements whose SHOW/HIDE rules decide this step: the enclosing Categorizations, then the Category. */
  ruledBy: UISchemaElement[];
}

/** What a rule is evaluated with: the form's data, the path of the wizard within it, ajv and config. */
export interface RuleContext {
  data: unknown;
  /** Data path of the element holding the Categorization ('' at the root). */
  path: string;
  ajv: FormAjv;
  config?: unknown;
}

/** One field the person answers on a step. */
export interface StepField {
  control: ControlElement;
  /** Data path in JSON Forms' dotted form (`applicant.idNumber`). */
  path: string;
  /** False when a rule hides it (or the layout around it) for the data as it is now. */
  visible: boolean;
}

const isCategorization = (element: UISchemaElement): element is Categorization =>
  element.type === 'Categorization';

/** The steps of a Categorization in reading order, nested Categorizations flattened. */
export function wizardSteps(categorization: Categorization): WizardStep[] {
  const steps: WizardStep[] = [];
  const walk = (node: Categorization, rules: UISchemaElement[]): void => {
    for (const element of node.elements) {
      if (isCategorization(element)) walk(element, [...rules, element]);
      else steps.push({ index: steps.length, category: element, ruledBy: [...rules, element] });
    }
  };
  walk(categorization, [categorization]);
  return steps;
}

const passes = (element: UISchemaElement, context: RuleContext): boolean =>
  // isVisible is JSON Forms' own rule evaluation: a step is shown exactly when its layout would be
  isVisible(element, context.data, context.path, context.ajv, context.config);

export function isStepVisible(step: WizardStep, context: RuleContext): boolean {
  return step.ruledBy.every((element) => passes(element, context));
}

/** Indexes of the steps shown for the data as it is now, in order. */
export function visibleStepIndexes(steps: WizardStep[], context: RuleContext): number[] {
  return steps.filter((step) => isStepVisible(step, context)).map((step) => step.index);
}

/** Every Control on a step, at any depth of its layouts, with whether the person can see it now. */
export function stepFields(step: WizardStep, context: RuleContext): StepField[] {
  const fields: StepField[] = [];
  const walk = (element: UISchemaElement, shown: boolean): void => {
    const visible = shown && passes(element, context);
    if (isControlElement(element)) {
      fields.push({ control: element, path: composeWithUi(element, context.path), visible });
    } else if (isLayout(element)) {
      for (const child of element.elements) walk(child, visible);
    }
  };
  for (const element of step.category.elements) walk(element, true);
  return fields;
}

/** Whether an error at `errorPath` is about the field at `fieldPath` (itself or something inside it). */
export function isWithin(errorPath: string, fieldPath: string): boolean {
  if (fieldPath === '') return true;
  return errorPath === fieldPath || errorPath.startsWith(`${fieldPath}.`);
}

/**
 * The problems that stop a person leaving a step: those about its visible fields (or inside them), in
 * the order they come. A field hidden by a rule cannot be answered, so it cannot hold the person back.
 */
export function problemsOnFields<T extends { path: string }>(
  fields: StepField[],
  problems: readonly T[],
): T[] {
  const shown = fields.filter((field) => field.visible);
  return problems.filter((problem) => shown.some((field) => isWithin(problem.path, field.path)));
}

/** The visible step (of `visible`) that asks for the answer at `path`, if one does. */
export function stepOfPath(
  steps: WizardStep[],
  visible: readonly number[],
  path: string,
  context: RuleContext,
): number | undefined {
  for (const step of steps) {
    if (!visible.includes(step.index)) continue;
    const fields = stepFields(step, context).filter((field) => field.visible);
    if (fields.some((field) => isWithin(path, field.path))) return step.index;
  }
  return undefined;
}

/** The page after `current` among the visible ones; `steps.length` is the review page. */
export function nextStep(current: number, visible: readonly number[], stepCount: number): number {
  return visible.find((index) => index > current) ?? stepCount;
}

/** The page before `current` among the visible ones, or undefined on the first page. */
export function previousStep(current: number, visible: readonly number[]): number | undefined {
  return [...visible].reverse().find((index) => index < current);
}

/**
 * The page to show for a step kept in a draft: itself when it is shown, else the next shown page
 * (what the person would have reached by pressing Continue), the review page past the end.
 */
export function reachableStep(step: number, visible: readonly number[], stepCount: number): number {
  if (!Number.isInteger(step) || step < 0) return visible[0] ?? stepCount;
  if (step >= stepCount) return stepCount;
  if (visible.includes(step)) return step;
  return nextStep(step, visible, stepCount);
}
