import { Paper, Stack, Text, Title } from '@mantine/core';
import { AppLink, localize, useLanguage, useT } from '@tongban/ui';
import type { StartedCase } from './apply.api.js';

const namespace = 'portalApply';

/** What the resident keeps: the application number, when, by when, and who does what next. */
export function Receipt({ started }: { started: StartedCase }) {
  const t = useT(namespace);
  const language = useLanguage();
  const date = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(iso));
  const open = started.tasks.filter((task) => task.status === 'open' || task.status === 'waiting');
  return (
    <Stack maw="44rem" mx="auto" gap="md">
      {/* the words in the text colour (a light alert's green title is under 4.5:1); the bar says "done" */}
      <Paper
        withBorder
        p="md"
        role="status"
        style={{ borderLeft: '0.5rem solid var(--mantine-color-green-8)' }}
      >
        <Title order={1} size="h2" mb="xs">
          {t('receiptTitle')}
        </Title>
        <Text>{t('receiptLead')}</Text>
      </Paper>
      <Title order={2}>{localize(started.title, language)}</Title>
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
            {started.id}
          </Text>
          <Text component="dt" fw={700}>
            {t('submittedAt')}
          </Text>
          <Text component="dd" m={0}>
            {date(started.openedAt)}
          </Text>
          {started.dueAt && (
            <>
              <Text component="dt" fw={700}>
                {t('promised')}
              </Text>
              <Text component="dd" m={0}>
                {date(started.dueAt)}
              </Text>
            </>
          )}
        </Stack>
      </Paper>
      {open.length > 0 && (
        <Stack gap="xs">
          <Title order={3}>{t('next')}</Title>
          <Stack component="ul" gap="xs" pl="md" m={0}>
            {open.map((task) => (
              <Text component="li" key={task.id}>
                {t('nextStep', {
                  department: localize(task.departmentName, language) ?? task.department,
                  task: localize(task.title, language),
                })}
              </Text>
            ))}
          </Stack>
        </Stack>
      )}
      <AppLink to={`/applications/case/${started.id}`}>{t('followIt')}</AppLink>
      <AppLink to="/">{t('backToCatalog')}</AppLink>
    </Stack>
  );
}
