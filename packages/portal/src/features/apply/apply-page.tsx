import { useState } from 'react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { AppLink, localize, registerCatalog, useLanguage, useLoaded, useT } from '@tongban/ui';
import { loadService } from '../services/services.api.js';
import { Application } from './application.js';
import { startCase } from './apply.api.js';
import { Receipt } from './receipt.js';
import { applyCatalog } from './locales.js';

const namespace = 'portalApply';
registerCatalog(namespace, applyCatalog);

/** /portal/apply/<matter>: the matter's application form as a wizard, kept as a draft, then sent. */
export function ApplyPage({ matter, draftToken }: { matter: string; draftToken: string | undefined }) {
  const t = useT(namespace);
  const language = useLanguage();
  // "try again" asks anew: the attempt is one of what the service is loaded for
  const [attempt, setAttempt] = useState(0);
  const load = useLoaded(() => loadService(matter), [matter, attempt]);

  if (load.state === 'loading')
    return (
      <Center mih="12rem" role="status" aria-label={t('loading')}>
        <Loader />
      </Center>
    );
  if (load.state === 'failed')
    return (
      <Stack maw="40rem" mx="auto" align="flex-start">
        <Alert color="red" role="alert" title={t('failed')} w="100%">
          {load.error instanceof Error ? load.error.message : String(load.error)}
        </Alert>
        <Button variant="default" onClick={() => setAttempt((before) => before + 1)}>
          {t('retry')}
        </Button>
      </Stack>
    );
  const service = load.value;
  if (!service || !service.form)
    return (
      <Stack maw="40rem" mx="auto" align="flex-start">
        <Alert color="yellow" role="alert" w="100%">
          {service ? t('inPerson') : t('notFound')}
        </Alert>
        <AppLink to="/">{t('backToCatalog')}</AppLink>
      </Stack>
    );
  return (
    <Application
      key={`${service.key}@${service.version}`}
      kind="matter"
      definitionKey={service.key}
      title={localize(service.title, language) ?? service.key}
      form={service.form}
      workingDays={service.timeLimit.workingDays ?? null}
      draftToken={draftToken}
      send={(data) => startCase(service.key, data)}
      receipt={(started) => <Receipt started={started} />}
    />
  );
}
