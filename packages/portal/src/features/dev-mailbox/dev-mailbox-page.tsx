import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { registerCatalog, useLanguage, useLoaded, useT } from '@tongban/ui';
import { codeOf, loadMailbox } from './dev-mailbox.api.js';
import { devMailboxCatalog } from './locales.js';

const namespace = 'portalDevMailbox';
registerCatalog(namespace, devMailboxCatalog);

/** How often the list is read again by itself while the page is open. */
const refreshMs = 3000;

/**
 * /portal/dev/mailbox: the development mailbox (decision 0023), the text messages the embedded runtime's
 * `log` channel "sent", newest first, each sign-in code large enough to read off. Read again every few
 * seconds and on "refresh". A server without the mailbox says so.
 */
export function DevMailboxPage() {
  const t = useT(namespace);
  const language = useLanguage();
  const [round, setRound] = useState(0);
  const loaded = useLoaded(() => loadMailbox(), [round]);
  const [shown, setShown] = useState<typeof loaded | null>(null);

  // keep the last list on screen while the next is read: the page does not jump every few seconds
  useEffect(() => {
    if (loaded.state !== 'loading') setShown(loaded);
  }, [loaded]);
  useEffect(() => {
    const timer = setTimeout(() => setRound((n) => n + 1), refreshMs);
    return () => clearTimeout(timer);
  }, [round]);

  const time = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
  const view = shown ?? loaded;

  return (
    <Stack maw="40rem" mx="auto" gap="md">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('lead')}</Text>
      <Group>
        <Button variant="default" onClick={() => setRound((n) => n + 1)}>
          {t('refresh')}
        </Button>
      </Group>
      {view.state === 'loading' ? (
        <Center mih="8rem" role="status" aria-label={t('loading')}>
          <Loader />
        </Center>
      ) : view.state === 'failed' ? (
        <Alert color="red" role="alert">
          {t('failed')}
        </Alert>
      ) : view.value === null ? (
        <Alert color="gray">{t('off')}</Alert>
      ) : view.value.length === 0 ? (
        <Text>{t('empty')}</Text>
      ) : (
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-live="polite">
          {view.value.map((mail) => {
            const code = codeOf(mail.text);
            return (
              <Paper component="li" withBorder p="md" key={mail.id}>
                <Stack gap={4}>
                  <Text size="sm">{t('sentTo', { to: mail.to, time: time(mail.createdAt) })}</Text>
                  {code ? (
                    <Text fz="1.75rem" fw={700} ff="monospace" lts="0.15em">
                      <VisuallyHidden>{t('code')}: </VisuallyHidden>
                      {code}
                    </Text>
                  ) : null}
                  <Text>{mail.text}</Text>
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
