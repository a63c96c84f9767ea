import type {
  Categorization,
  JsonSchema,
  LayoutProps,
  Translator,
  UISchemaElement,
  VerticalLayout,
} from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms, withJsonFormsLayoutProps } from '@jsonforms/react';
import { Anchor, Box, Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useLanguage, useT } from '../../i18n/index.js';
import { useFormFeedback } from '../../form/feedback.js';
import { wizardNamespace } from './namespace.js';
import { reviewOf, type ReviewWords } from './review.js';
import { ReviewAnswers } from './review-page.js';
import { StepIndicator } from './step-indicator.js';
import {
  nextStep,
  previousStep,
  problemsOnFields,
  reachableStep,
  stepFields,
  stepOfPath,
  visibleStepIndexes,
  wizardSteps,
  type RuleContext,
  type WizardStep,
} from './steps.js';
import { useWizardSettings } from './wizard-settings.js';

/** The wizard's own `t` (its namespace). */
type WizardT = (key: string, values?: Record<string, unknown>) => string;

const passThrough: Translator = ((_id: string, fallback?: string) => fallback) as Translator;

/**
 * A Categorization as a wizard (GOV.UK's one thing per page): one step a page with its title and a
 * step indicator; Continue checks only that step's answers and stays, with the errors at the fields
 * and in the form's summary, when one is wrong; Back; steps a rule hides are skipped both ways; a
 * review page lists every answer with a "change" link back to its step, and offers the app's submit.
 * A link to a field on another step (the summary's, after a submit) opens that step. Read-only forms
 * (staff) show every shown step at once.
 */
function WizardLayout({ uischema, schema, path, renderers, cells, enabled, visible }: LayoutProps) {
  const categorization = uischema as Categorization;
  const context = useJsonForms();
  const feedback = useFormFeedback();
  const settings = useWizardSettings();
  const t: WizardT = useT(wizardNamespace);
  const language = useLanguage();
  const core = context.core;
  const translate = context.i18n?.translate ?? passThrough;

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
  const [seen, setSeen] = useState<ReadonlySet<number>>(
    () => new Set(shown.filter((index) => index < current)),
  );
  const [returnToReview, setReturnToReview] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const focusAfterMove = useRef<string | undefined>(undefined);

  const go = (step: number) => {
    moved.current = true;
    setSeen((before) => new Set(before).add(current));
    setOwnStep(step);
    settings.onStepChange?.(step);
  };

  // a new page: focus the field asked for, else the page's title (screen readers hear where they are)
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    const field = focusAfterMove.current;
    focusAfterMove.current = undefined;
    if (field !== undefined && feedback.focusField(field)) return;
    headingRef.current?.focus();
  }, [current, feedback]);

  // the form's error summary links to `#<path>`; a field on another step opens that step first
  const goRef = useRef<(path: string) => void>(() => undefined);
  goRef.current = (fieldPath: string) => {
    if (!rules) return;
    const step = stepOfPath(steps, shown, fieldPath, rules);
    if (step === undefined || step === current) return;
    if (current === review) setReturnToReview(true);
    focusAfterMove.current = fieldPath;
    go(step);
  };
  useEffect(() => {
    const onHash = () => {
      const hash = window.location.hash.slice(1);
      if (hash === '') return;
      goRef.current(decodeURIComponent(hash));
      // forget the hash, so that the same link works again
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (!visible) return null;

  const shownSteps = steps.filter((step) => shown.includes(step.index));
  if (enabled === false || context.readonly) {
    return (
      <Stack gap="xl">
        {shownSteps.map((step) => (
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

  const names = [...shownSteps.map((step) => stepLabel(step, translate, t)), t('review.title')];
  const position = current === review ? names.length - 1 : shown.indexOf(current);
  const back = current === review ? shown.at(-1) : previousStep(current, shown);
  const unseenAfter = (step: number) => shown.find((index) => index > step && !seen.has(index));
  const fieldsOf = (step: WizardStep) => (rules ? stepFields(step, rules) : []);

  const onContinue = (event: FormEvent) => {
    event.preventDefault();
    const step = steps[current];
    if (!step) return;
    const fields = fieldsOf(step);
    if (problemsOnFields(fields, feedback.messages).length > 0) {
      // the step's problems show at their fields and in the summary, which takes the focus
      feedback.reveal(fields.filter((field) => field.visible).map((field) => field.path));
      return;
    }
    const upcoming = returnToReview
      ? (unseenAfter(current) ?? review)
      : nextStep(current, shown, steps.length);
    if (upcoming === review) setReturnToReview(false);
    go(upcoming);
  };

  const onSubmit = async () => {
    const fields = shownSteps.flatMap(fieldsOf);
    const wholeForm = feedback.messages.filter((message) => message.path === '');
    if (problemsOnFields(fields, feedback.messages).length > 0 || wholeForm.length > 0) {
      // every problem in the summary; its links open the step that asks for the answer
      feedback.reveal(['']);
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
      <Anchor component="button" type="button" size="lg" onClick={() => go(back)} mih="3rem" mb="xs">
        <span aria-hidden="true">‹ </span>
        {t('back')}
      </Anchor>
    );

  if (current === review) {
    const groups = rules
      ? reviewOf({
          ...rules,
          steps,
          visibleSteps: shown,
          schema: schema as JsonSchema,
          rootSchema: (core?.schema ?? schema) as JsonSchema,
          t: translate,
          locale: language,
          words: reviewWords(t),
        })
      : [];
    return (
      <Box>
        {backLink}
        <StepIndicator names={names} current={position} />
        <Title order={2} ref={headingRef} tabIndex={-1} mb="xs">
          {t('review.title')}
        </Title>
        <Text mb="lg">{t('review.lead')}</Text>
        <ReviewAnswers groups={groups} onChange={change} />
        {settings.onSubmit && (
          <Button mt="xl" size="lg" onClick={() => void onSubmit()} loading={submitting}>
            {settings.submitLabel ?? t('review.submit')}
          </Button>
        )}
      </Box>
    );
  }

  const step = steps[current] as WizardStep;
  const backToReview = returnToReview && unseenAfter(current) === undefined;
  return (
    <Box>
      {backLink}
      <StepIndicator names={names} current={position} />
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
          {backToReview ? t('saveAndReview') : t('continue')}
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
