import { Button, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { AppLink, localize, useLanguage, useT } from '@tongban/ui';
import type { FiledReport } from './report.api.js';

const namespace = 'portalReport';

/** The code as it is easiest to read aloud: two groups of five. */
export const spacedCode = (code: string) => `${code.slice(0, 5)} ${code.slice(5)}`;

/** After sending: the follow code, large, with a copy button and a link to follow it; who has it, by when. */
export function ReportConfirmation({ filed, onAnother }: { filed: FiledReport; onAnother: () => void }) {
  const t = useT(namespace);
  const language = useLanguage();
  const date = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(iso));
  return (
    <Stack maw="40rem" mx="auto" gap="md">
      {/* the words in the text colour; the green bar says "done" beside them */}
      <Paper
        withBorder
        p="md"
        role="status"
        style={{ borderLeft: '0.5rem solid var(--mantine-color-green-8)' }}
      >
        <Title order={1} size="h2" mb="xs">
          {t('doneTitle')}
        </Title>
        <Text>{t('doneLead')}</Text>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm" align="flex-start">
          <Text fw={700} id="follow-code-label">
            {t('code')}
          </Text>
          <Text
            aria-labelledby="follow-code-label"
            data-testid="follow-code"
            ff="monospace"
            fz="2rem"
            fw={700}
            lts="0.08em"
            style={{ overflowWrap: 'anywhere' }}
          >
            {spacedCode(filed.code)}
          </Text>
          <Group gap="sm">
            <CopyButton value={filed.code}>
              {({ copied, copy }) => (
                <Button size="lg" onClick={copy} aria-live="polite">
                  {copied ? t('copied') : t('copy')}
                </Button>
              )}
            </CopyButton>
            <AppLink to={`/report/${filed.code}`} fz="lg" fw={600} py="sm">
              {t('followLink')}
            </AppLink>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs" component="dl" m={0}>
          {filed.department && (
            <>
              <Text component="dt" fw={700}>
                {t('handledBy')}
              </Text>
              <Text component="dd" m={0}>
                {localize(filed.department.name, language)}
              </Text>
            </>
          )}
          {filed.dueAt && (
            <>
              <Text component="dt" fw={700}>
                {t('promised')}
              </Text>
              <Text component="dd" m={0}>
                {date(filed.dueAt)}
              </Text>
            </>
          )}
        </Stack>
      </Paper>
      <Button variant="default" size="lg" onClick={onAnother} style={{ alignSelf: 'flex-start' }}>
        {t('another')}
      </Button>
    </Stack>
  );
}
