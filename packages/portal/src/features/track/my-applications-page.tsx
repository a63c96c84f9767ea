import { Alert, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { AppLink, localize, registerCatalog, useLanguage, useSession, useT } from '@tongban/ui';
import { trackCatalog } from './locales.js';
import { loadMyApplications, type MyApplications } from './track.api.js';
import { usePolled } from './use-polled.js';
import { useDates } from '../dates/use-dates.js';

const namespace = 'portalTrack';
registerCatalog(namespace, trackCatalog);

/** /portal/applications: everything I applied for, newest first, each leading to where it stands. */
export function MyApplicationsPage({ onSignIn }: { onSignIn(): void }) {
  const t = useT(namespace);
  const { user } = useSession();
  if (user === undefined)
    return (
      <Center mih="12rem" role="status" aria-label={t('loading')}>
        <Loader />
      </Center>
    );
  if (user === null)
    return (
      <Stack maw="40rem" mx="auto" align="flex-start">
        <Title order={1}>{t('myApplications')}</Title>
        <Text>{t('signInToFollow')}</Text>
        <Button size="md" onClick={onSignIn}>
          {t('signIn')}
        </Button>
      </Stack>
    );
  return <MyApplicationsList />;
}

function MyApplicationsList() {
  const t = useT(namespace);
  const language = useLanguage();
  const polled = usePolled(() => loadMyApplications(), 15_000, []);
  const { day: date } = useDates();
  if (polled.state === 'loading')
    return (
      <Center mih="12rem" role="status" aria-label={t('loading')}>
        <Loader />
      </Center>
    );
  if (polled.state === 'failed')
    return (
      <Alert color="red" role="alert" maw="40rem" mx="auto">
        {t('failed')}
      </Alert>
    );
  const { bundles, cases, messages }: MyApplications = polled.value;
  return (
    <Stack maw="48rem" mx="auto" gap="md">
      <Title order={1}>{t('myApplications')}</Title>
      {bundles.length === 0 && cases.length === 0 && <Text>{t('none')}</Text>}
      {messages.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="my-messages">
          <Title order={2} size="h4" id="my-messages" mb="xs">
            {t('messages')}
          </Title>
          <Stack component="ul" gap="xs" m={0} pl="md">
            {messages.map((message) => (
              <Text component="li" key={message.id} fw={message.readAt ? undefined : 700}>
                {t('messageLine', { date: date(message.createdAt), text: message.text })}
              </Text>
            ))}
          </Stack>
        </Paper>
      )}
      <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
        {bundles.map((bundle) => (
          <Paper component="li" withBorder p="md" key={bundle.id}>
            <Stack gap={4}>
              <Title order={2} size="h4">
                <AppLink to={`/applications/${bundle.id}`} inherit>
                  {bundle.title ? localize(bundle.title, language) : bundle.bundle}
                </AppLink>
              </Title>
              <Text size="sm">{t('sentOn', { date: date(bundle.openedAt) })}</Text>
              <Text size="sm" fw={700}>
                {bundle.status === 'done'
                  ? t(`closed.${bundle.result ?? 'other'}`, { defaultValue: t('closed.other') })
                  : t('inProgress')}
              </Text>
            </Stack>
          </Paper>
        ))}
        {cases.map((kase) => (
          <Paper component="li" withBorder p="md" key={kase.id}>
            <Stack gap={4}>
              <Title order={2} size="h4">
                <AppLink to={`/applications/case/${kase.id}`} inherit>
                  {localize(kase.title, language)}
                </AppLink>
              </Title>
              <Text size="sm">{t('sentOn', { date: date(kase.openedAt) })}</Text>
              <Text size="sm" fw={700}>
                {kase.status === 'done'
                  ? t(`closed.${kase.result ?? 'other'}`, { defaultValue: t('closed.other') })
                  : kase.status === 'cancelled'
                    ? t('step.cancelled')
                    : kase.duePausedAt
                      ? t('waitingForYou')
                      : kase.dueAt
                        ? t('due.onTime', { date: date(kase.dueAt) })
                        : t('inProgress')}
              </Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
