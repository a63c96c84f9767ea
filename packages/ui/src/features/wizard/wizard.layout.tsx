import {
  type Categorization,
  type JsonSchema,
  type LayoutProps,
  type Translator,
  type UISchemaElement,
  type VerticalLayout,
} from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms, withJsonFormsLayoutProps } from '@jsonforms/react';
import { Anchor, Box, Button, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useLanguage, useT } from '../../i18n/index.js';
import { problemsOf, type Problem } from './problems.js';
import { reviewOf, type ReviewWords } from './review.js';
import { ReviewAnswers } from './review-page.js';
import { StepIndicator } from './step-indicator.js';
import {
  nextStep,
  previousStep,
  reachableStep,
  stepErrors,
  stepFields,
  visibleStepIndexes,
  wizardSteps,
  type FormError,
  type RuleContext,
  type WizardStep,
} from './steps.js';
import { WizardErrorSummary } from './error-summary.js';
import { useWizardSettings } from './wizard-settings.js';
import { wizardNamespace } from './namespace.js';

/** The wizard's own `t` (its namespace). */
type WizardT = (key: string, values?: Record<string, unknown>) => string;

const passThrough: Translator = ((_id: string, fallback?: string) => fallback) as Translator;

/**
 * A Categorization as a wizard (GOV.UK's one thing per page): one step a page with its title and a
 * step indicator; Continue checks only that step's answers and stays, with the errors at the fields
 * and in a summary, when one is wrong; Back; steps a rule hides are skipped both ways; a review page
 * lists every answer with a "change" link back to its step, and offers the app's submit action.
 * Read-only forms (staff) show every shown step at once.
 */
function WizardLayout({ uischema, schema, path, renderers, cells, enabled, visible }: LayoutProps) {
  const categorization = uischema as Categorization;
  const context = useJsonForms();
  const settings = useWizardSettings();
  const t = useT(wizardNamespace);
  const language = useLanguage();
  const core = context.core;
  const translate = context.i18n?.translate ?? passThrough;
  const translateError = context.i18n?.translateError;

  const steps = useMemo(() => wizardSteps(categorization), [categorization]);
  const rules: RuleContext | undefined = core?.ajv
    ? { data: core.data, path, ajv: core.ajv, config: context.config }
    : undefined;
  const shown = rules ? visibleStepIndexes(steps, rules) : steps.map((step) => step.index);
  const review = steps.length;

  const [ownStep, setOwnStep] = useState(() => settings.initialStep ?? 0);
  const current = reachableStep(settings.step ?? ownStep, shown, steps.length);
  // pages seen in this visit, so that Continue after "change" returns to the review unless the change
  // revealed a step the person has not answered yet
  const [seen, setSeen] = useState<Set<number>>(() => new Set(shown.filter((index) => index < current)));
  const [returnToReview, setReturnToReview] = useState(false);
  const [problems, setProblems] = useState<Problem[] | undefined>(undefined);
  const [submitting, setSubmitting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  const go = useCallback(
    (step: number) => {
      moved.current = true;
      setProblems(undefined);
      setSeen((before) => new Set(before).add(current));
      setOwnStep(step);
      settings.onStepChange?.(step);
    },
    [current, settings],
  );

  // a new page: focus its title (screen readers hear where they are; the page scrolls to it)
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    headingRef.current?.focus();
  }, [current]);
  // errors found: focus the summary, which lists and links them
  useEffect(() => {
    if (problems && problems.length > 0) summaryRef.current?.focus();
  }, [problems]);

  const errors: FormError[] = [...(core?.errors ?? []), ...(core?.additionalErrors ?? [])];
  const problemInput = {
    schema: schema as JsonSchema,
    rootSchema: (core?.schema ?? schema) as JsonSchema,
    t: translate,
    translateError: translateError ?? ((error: FormError) => error.message ?? ''),
  };
  const problemsOfStep = (step: WizardStep): Problem[] =>
    rules ? problemsOf(step.index, stepErrors(stepFields(step, rules), errors), problemInput) : [];

  if (!visible) return null;

  if (enabled === false || context.readonly) {
    return (
      <Stack gap="xl">
        {steps
          .filter((step) => shown.includes(step.index))
          .map((step) => (
            <Box component="section" key={step.index}>
              <Title order={2} mb="sm">
                {stepLabel(step, translate, t)}
              </Title>
              <StepContent
                step={step}
                schema={schema}
                path={path}
                renderers={renderers}
                cells={cells}
                enabled={false}
              />
            </Box>
          ))}
      </Stack>
    );
  }

  const names = [
    ...steps.filter((step) => shown.includes(step.index)).map((step) => stepLabel(step, translate, t)),
    t('review.title'),
  ];
  const position = current === review ? names.length - 1 : shown.indexOf(current);
  const back = current === review ? shown.at(-1) : previousStep(current, shown);

  const onContinue = (event: FormEvent) => {
    event.preventDefault();
    const step = steps[current];
    if (!step) return;
    const found = problemsOfStep(step);
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    const upcoming = returnToReview
      ? (shown.find((index) => index > current && !seen.has(index)) ?? review)
      : nextStep(current, shown, steps.length);
    if (upcoming === review) setReturnToReview(false);
    go(upcoming);
  };

  const onSubmit = async () => {
    const found = steps.filter((step) => shown.includes(step.index)).flatMap(problemsOfStep);
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    if (!settings.onSubmit) return;
    setSubmitting(true);
    try {
      await settings.onSubmit(core?.data);
    } finally {
      setSubmitting(false);
    }
  };

  const change = (step: number) => {
    setReturnToReview(true);
    go(step);
  };

  const backLink =
    back === undefined ? null : (
      <Anchor
        component="button"
        type="button"
        size="lg"
        onClick={() => go(back)}
        style={{ minHeight: '3rem' }}
      >
        {`‹ ${t('back')}`}
      </Anchor>
    );

  if (current === review) {
    const groups = rules
      ? reviewOf({
          ...rules,
          steps,
          visibleSteps: shown,
          schema: schema as JsonSchema,
          rootSchema: problemInput.rootSchema,
          t: translate,
          locale: language,
          words: reviewWords(t),
        })
      : [];
    return (
      <Box>
        {backLink}
        <StepIndicator names={names} current={position} />
        {problems && problems.length > 0 && (
          <WizardErrorSummary
            ref={summaryRef}
            lead={t('review.problems')}
            problems={problems.map((problem) => ({
              ...problem,
              label: t('review.problemIn', {
                step: names[shown.indexOf(problem.step)] ?? '',
                label: problem.label,
              }),
            }))}
            onSelect={(problem) => change(problem.step)}
          />
        )}
        <Title order={2} ref={headingRef} tabIndex={-1} mb="xs">
          {t('review.title')}
        </Title>
        <Text mb="lg">{t('review.lead')}</Text>
        <ReviewAnswers groups={groups} onChange={change} />
        {settings.onSubmit && (
          <Button mt="xl" size="lg" onClick={() => void onSubmit()} loading={submitting} fullWidth={false}>
            {settings.submitLabel ?? t('review.submit')}
          </Button>
        )}
      </Box>
    );
  }

  const step = steps[current] as WizardStep;
  return (
    <Box>
      {backLink}
      <StepIndicator names={names} current={position} />
      {problems && problems.length > 0 && (
        <WizardErrorSummary ref={summaryRef} problems={problems} onSelect={() => undefined} linkToFields />
      )}
      <form noValidate onSubmit={onContinue}>
        <Title order={2} ref={headingRef} tabIndex={-1} mb="md">
          {stepLabel(step, translate, t)}
        </Title>
        <StepContent
          step={step}
          schema={schema}
          path={path}
          renderers={renderers}
          cells={cells}
          enabled={enabled}
        />
        <Button type="submit" mt="xl" size="lg">
          {returnToReview && !shown.some((index) => index > current && !seen.has(index))
            ? t('saveAndReview')
            : t('continue')}
        </Button>
      </form>
    </Box>
  );
}

function stepLabel(step: WizardStep, translate: Translator, t: WizardT): string {
  const label = step.category.label;
  const text = typeof label === 'string' ? label : undefined;
  const i18nKey = step.category.i18n ? `${step.category.i18n}.label` : text;
  return (i18nKey ? translate(i18nKey, text ?? '') : '') || t('step', { position: step.index + 1 });
}

function reviewWords(t: WizardT): ReviewWords {
  return {
    notAnswered: t('review.notAnswered'),
    yes: t('review.yes'),
    no: t('review.no'),
    hidden: t('review.hidden'),
    item: (position) => t('review.item', { position }),
    step: (position) => t('step', { position }),
    listSeparator: t('review.listSeparator'),
  };
}

interface StepContentProps {
  step: WizardStep;
  schema: LayoutProps['schema'];
  path: string;
  renderers: LayoutProps['renderers'];
  cells: LayoutProps['cells'];
  enabled: boolean;
}

/** A step's questions, laid out by whatever vertical layout the renderer set has. */
function StepContent({ step, schema, path, renderers, cells, enabled }: StepContentProps) {
  const layout = useMemo<VerticalLayout>(
    () => ({ type: 'VerticalLayout', elements: step.category.elements as UISchemaElement[] }),
    [step],
  );
  return (
    <JsonFormsDispatch
      uischema={layout}
      schema={schema}
      path={path}
      enabled={enabled}
      {...(renderers ? { renderers } : {})}
      {...(cells ? { cells } : {})}
    />
  );
}

export const WizardRenderer = withJsonFormsLayoutProps(WizardLayout);
