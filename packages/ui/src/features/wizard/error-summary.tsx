import { Anchor, Box, List, Text, Title } from '@mantine/core';
import type { Ref } from 'react';
import { useT } from '../../i18n/index.js';
import { wizardNamespace } from './namespace.js';
import type { Problem } from './problems.js';

export interface WizardErrorSummaryProps {
  problems: Problem[];
  /** What the person is asked to do; "fix these" by default. */
  lead?: string;
  /** Each line links to its field on the page (on a step) or calls `onSelect` (on the review page). */
  linkToFields?: boolean;
  onSelect: (problem: Problem) => void;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The summary at the top of a step or the review page (GOV.UK's error summary): focused when it
 * appears, each line a link to the answer to fix.
 */
export function WizardErrorSummary({ problems, lead, linkToFields, onSelect, ref }: WizardErrorSummaryProps) {
  const t = useT(wizardNamespace);
  return (
    <Box
      ref={ref}
      tabIndex={-1}
      aria-labelledby="wizard-error-summary-title"
      mb="lg"
      p="md"
      style={{ border: '4px solid var(--mantine-color-error)', borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <Title order={2} size="h3" id="wizard-error-summary-title" mb="xs">
        {t('summary.title')}
      </Title>
      <Text mb="xs">{lead ?? t('summary.lead')}</Text>
      <List spacing={4}>
        {problems.map((problem) => (
          <List.Item key={`${problem.step}:${problem.path}`}>
            <Anchor
              href={linkToFields ? `#${fieldIdOf(problem.path)}` : '#'}
              c="var(--mantine-color-error)"
              fw={600}
              td="underline"
              onClick={(event) => {
                event.preventDefault();
                if (linkToFields) focusField(problem.path);
                else onSelect(problem);
              }}
            >
              {t('summary.line', { label: problem.label, message: problem.message })}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Box>
  );
}

/** JSON Forms names a control after its scope (`#/properties/a/properties/b`); inputs add `-input`. */
function fieldIdOf(path: string): string {
  return `#/properties/${path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('/properties/')}`;
}

function focusField(path: string): void {
  const id = fieldIdOf(path);
  const target = document.getElementById(`${id}-input`) ?? document.getElementById(id);
  const input = target?.matches('input, select, textarea, button')
    ? target
    : target?.querySelector<HTMLElement>('input, select, textarea, button');
  input?.focus();
  input?.scrollIntoView({ block: 'center' });
}
