import { Paper, Stack, Text, Title } from '@mantine/core';
import { useT } from '@tongban/ui';
import { useDates } from '../dates/use-dates.js';

const namespace = 'portalApply';

/** The top of a receipt: it is sent, said in words (a bar in green says "done" too), with what to keep. */
export function ReceiptSent({ lead }: { lead: string }) {
  const t = useT(namespace);
  return (
    // the words in the text colour (a light alert's green title is under 4.5:1); the bar says "done"
    <Paper
      withBorder
      p="md"
      role="status"
      style={{ borderLeft: '0.5rem solid var(--mantine-color-green-8)' }}
    >
      <Title order={1} size="h2" mb="xs">
        {t('receiptTitle')}
      </Title>
      <Text>{lead}</Text>
    </Paper>
  );
}

/** What a resident keeps of an application: its number, the day it was sent, and the promised day if there is one. */
export function ReceiptFacts({
  id,
  openedAt,
  dueAt,
}: {
  id: string;
  openedAt: string;
  dueAt?: string | null;
}) {
  const t = useT(namespace);
  const { day } = useDates();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs" component="dl" m={0}>
        <Text component="dt" fw={700}>
          {t('number')}
        </Text>
        <Text
          component="dd"
          m={0}
          ff="monospace"
          data-testid="application-number"
          style={{ overflowWrap: 'anywhere' }}
        >
          {id}
        </Text>
        <Text component="dt" fw={700}>
          {t('submittedAt')}
        </Text>
        <Text component="dd" m={0}>
          {day(openedAt)}
        </Text>
        {dueAt && (
          <>
            <Text component="dt" fw={700}>
              {t('promised')}
            </Text>
            <Text component="dd" m={0}>
              {day(dueAt)}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
