import { useState } from 'react';
import { Alert, Button, Center, List, Loader, Stack, Text } from '@mantine/core';
import { TongbanApiError } from '@tongban/client';
import { AppLink, localize, registerCatalog, useLanguage, useLoaded, useT } from '@tongban/ui';
import { Application } from '../apply/application.js';
import { applyCatalog } from '../apply/locales.js';
import { applyForBundle, loadBundleForm } from './bundle.api.js';
import { BundleReceipt } from './bundle-receipt.js';

const namespace = 'portalApply';
registerCatalog(namespace, applyCatalog);

/** /portal/bundle/<key>: a life event's matters applied for at once, with one combined form. */
export function BundlePage({ bundle, draftToken }: { bundle: string; draftToken: string | undefined }) {
  const t = useT(namespace);
  const language = useLanguage();
  const [attempt, setAttempt] = useState(0);
  const load = useLoaded(() => loadBundleForm(bundle), [bundle, attempt]);

  if (load.state === 'loading')
    return (
      <Center mih="12rem" role="status" aria-label={t('loading')}>
        <Loader />
      </Center>
    );
  if (load.state === 'failed') {
    const missing = load.error instanceof TongbanApiError && load.error.status === 404;
    return (
      <Stack maw="40rem" mx="auto" align="flex-start">
        <Alert
          color={missing ? 'yellow' : 'red'}
          role="alert"
          title={missing ? undefined : t('failed')}
          w="100%"
        >
          {missing ? t('notFound') : load.error instanceof Error ? load.error.message : String(load.error)}
        </Alert>
        {missing ? (
          <AppLink to="/">{t('backToCatalog')}</AppLink>
        ) : (
          <Button variant="default" onClick={() => setAttempt((before) => before + 1)}>
            {t('retry')}
          </Button>
        )}
      </Stack>
    );
  }
  const form = load.value;
  return (
    <Application
      key={`${form.bundle}@${form.version}`}
      kind="bundle"
      definitionKey={form.bundle}
      title={localize(form.title, language) ?? form.bundle}
      form={form}
      workingDays={null}
      draftToken={draftToken}
      lead={
        <Stack gap={4}>
          <Text>{t('bundleLead')}</Text>
          <List>
            {form.sections.map((section) => (
              <List.Item key={section.matter}>
                {localize(section.title, language)}
                {section.when === null || section.when === undefined ? '' : ` ${t('ifChosen')}`}
              </List.Item>
            ))}
          </List>
        </Stack>
      }
      send={(data) => applyForBundle(form.bundle, data)}
      receipt={(application) => <BundleReceipt application={application} />}
    />
  );
}
