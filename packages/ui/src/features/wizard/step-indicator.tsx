import { Box, Progress, Text, VisuallyHidden } from '@mantine/core';
import { useT } from '../../i18n/index.js';

export interface StepIndicatorProps {
  /** The names of the pages shown, in order, the review page last. */
  names: string[];
  /** Position of the page shown among `names`, from 0. */
  current: number;
}

/**
 * "Step 2 of 4" with a bar, and on wider screens the names of every page with where the person is.
 * Only shown pages count: a hidden step is not a step the person has to take.
 */
export function StepIndicator({ names, current }: StepIndicatorProps) {
  const t = useT('wizard');
  const total = names.length;
  const progress = t('progress', { position: current + 1, total });
  return (
    <Box component="nav" aria-label={t('stepsLabel')} mb="lg">
      <Text fw={600} c="dimmed" mb={6}>
        {progress}
      </Text>
      <Progress value={((current + 1) / total) * 100} size="sm" aria-hidden />
      <Box
        component="ol"
        visibleFrom="sm"
        mt="sm"
        mb={0}
        p={0}
        style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1.25rem' }}
      >
        {names.map((name, position) => {
          const state = position < current ? 'done' : position === current ? 'current' : 'todo';
          return (
            <Text
              component="li"
              key={position}
              size="sm"
              fw={state === 'current' ? 700 : 400}
              c={state === 'todo' ? 'dimmed' : undefined}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              {`${position + 1}. ${name}`}
              <VisuallyHidden>{` (${t(`stepState.${state}`)})`}</VisuallyHidden>
            </Text>
          );
        })}
      </Box>
    </Box>
  );
}
