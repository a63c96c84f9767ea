import { useState } from 'react';
import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { registerCatalog, useLoaded, useT } from '@tongban/ui';
import type { TongbanApiError } from '@tongban/client';
import { loadChoices, fileReport, type FiledReport, type ReportChoices } from './report.api.js';
import { reportCatalog } from './locales.js';
import { ReportForm, type ReportAnswers } from './report-form.js';
import { ReportConfirmation } from './report-confirmation.js';

export const reportNamespace = 'portalReport';
registerCatalog(reportNamespace, reportCatalog);

/**
 * /portal/report: report a neighbourhood problem (随手拍) with or without an account; the confirmation
 * shows the follow code. Decision 0024.
 */
export function ReportPage() {
  const t = useT(reportNamespace);
  const [attempt, setAttempt] = useState(0);
  const [filed, setFiled] = useState<FiledReport | null>(null);
  const load = useLoaded(() => loadChoices(), [attempt]);

  if (filed) return <ReportConfirmation filed={filed} onAnother={() => setFiled(null)} />;
  return (
    <Stack maw="40rem" mx="auto" gap="md">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('lead')}</Text>
      {load.state === 'loading' && (
        <Center mih="12rem" role="status" aria-label={t('loading')}>
          <Loader />
        </Center>
      )}
      {load.state === 'failed' && (
        <Stack align="flex-start">
          <Alert color="red" role="alert" title={t('failed')} w="100%">
            {load.error instanceof Error ? load.error.message : String(load.error)}
          </Alert>
          <Button variant="default" size="lg" onClick={() => setAttempt((before) => before + 1)}>
            {t('retry')}
          </Button>
        </Stack>
      )}
      {load.state === 'done' && <Filing choices={load.value} onFiled={setFiled} />}
    </Stack>
  );
}

function Filing({ choices, onFiled }: { choices: ReportChoices; onFiled: (filed: FiledReport) => void }) {
  const [refusal, setRefusal] = useState<TongbanApiError | Error | null>(null);
  const [sending, setSending] = useState(false);
  const send = async (answers: ReportAnswers) => {
    setSending(true);
    setRefusal(null);
    try {
      onFiled(await fileReport(answers));
    } catch (error) {
      setRefusal(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setSending(false);
    }
  };
  return <ReportForm choices={choices} sending={sending} refusal={refusal} onSend={send} />;
}
