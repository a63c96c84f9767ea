import { Anchor, Box, Flex, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useT } from '../../i18n/index.js';
import type { ReviewEntry, ReviewGroup } from './review.js';

export interface ReviewPageProps {
  groups: ReviewGroup[];
  onChange: (step: number) => void;
}

/**
 * "Check your answers": every shown step with its answers and a "change" link back to it (GOV.UK's
 * check answers pattern, one link a step since a step is the page the person changes).
 */
export function ReviewAnswers({ groups, onChange }: ReviewPageProps) {
  const t = useT('wizard');
  return (
    <Stack gap="xl">
      {groups.map((group) => (
        <Box component="section" key={group.step} aria-labelledby={`wizard-review-${group.step}`}>
          <Flex justify="space-between" align="baseline" gap="md" wrap="wrap" mb="xs">
            <Title order={3} id={`wizard-review-${group.step}`}>
              {group.label}
            </Title>
            <Anchor
              component="button"
              type="button"
              size="lg"
              onClick={() => onChange(group.step)}
              style={{ minHeight: '3rem' }}
            >
              {t('review.change')}
              <VisuallyHidden>{t('review.changeHidden', { step: group.label })}</VisuallyHidden>
            </Anchor>
          </Flex>
          <Entries entries={group.entries} />
        </Box>
      ))}
    </Stack>
  );
}

function Entries({ entries }: { entries: ReviewEntry[] }) {
  const t = useT('wizard');
  return (
    <Box component="dl" m={0}>
      {entries.map((entry) => (
        <Flex
          key={entry.path}
          direction={{ base: 'column', sm: 'row' }}
          gap={{ base: 2, sm: 'md' }}
          py="sm"
          style={{ borderTop: '1px solid var(--mantine-color-gray-4)' }}
        >
          <Box component="dt" fw={600} w={{ sm: '40%' }} style={{ flexShrink: 0 }}>
            {entry.label}
          </Box>
          <Box component="dd" m={0} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
            {entry.entries ? (
              <Entries entries={entry.entries} />
            ) : (
              <Text component="span" c={entry.answered ? undefined : 'dimmed'}>
                {entry.value}
                {entry.masked && <VisuallyHidden>{t('review.masked')}</VisuallyHidden>}
              </Text>
            )}
          </Box>
        </Flex>
      ))}
    </Box>
  );
}
