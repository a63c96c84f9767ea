import { useState, type FormEvent } from 'react';
import { Alert, Button, Center, Loader, Paper, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { AppLink, localize, navigate, registerCatalog, useLanguage, useLoaded, useT } from '@tongban/ui';
import { followReport, type ReportView } from './report.api.js';
import { reportCatalog } from './locales.js';
import { RatingForm } from './rating-form.js';
import { spacedCode } from './report-confirmation.js';

const namespace = 'portalReport';
registerCatalog(namespace, reportCatalog);

/**
 * /portal/report/<code> (or /portal/report/follow to type one): a report as its code shows it: where
 * it stands in words, who has it, the promised date, what has happened, the department's reply, and
 * the rating once it is closed. A wrong code says so plainly beside the box to type it again.
 */
export function FollowPage({ code }: { code?: string | undefined }) {
  const t = useT(namespace);
  const [attempt, setAttempt] = useState(0);
  const load = useLoaded(() => (code ? followReport(code) : Promise.resolve(undefined)), [code, attempt]);
  return (
    <Stack maw="40rem" mx="auto" gap="md">
      <Title order={1}>{t('followTitle')}</Title>
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
      {load.state === 'done' &&
        (load.value ? (
          <Report code={code as string} initial={load.value} />
        ) : (
          <CodeEntry wrong={load.value === null} typed={code ?? ''} />
        ))}
    </Stack>
  );
}

/** The box to type a code in; after a wrong one, the plain message under it. */
function CodeEntry({ wrong, typed }: { wrong: boolean; typed: string }) {
  const t = useT(namespace);
  const [value, setValue] = useState(typed);
  const [tried, setTried] = useState(false);
  const empty = value.replace(/[\s-]/g, '') === '';
  const error = tried && empty ? t('codeRequired') : wrong && value === typed ? t('notFound') : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (empty) return;
    navigate(`/report/${encodeURIComponent(value.replace(/[\s-]/g, '').toUpperCase())}`);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" align="stretch">
        <Text>{t('followLead')}</Text>
        <TextInput
          label={t('codeLabel')}
          description={t('codeHint')}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={error}
          errorProps={{ role: 'alert' }}
          size="xl"
          styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.08em' } }}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
        />
        <Button type="submit" size="xl">
          {t('find')}
        </Button>
        <AppLink to="/report" fz="lg">
          {t('backToReport')}
        </AppLink>
      </Stack>
    </form>
  );
}

function Report({ code, initial }: { code: string; initial: ReportView }) {
  const t = useT(namespace);
  const language = useLanguage();
  const [report, setReport] = useState(initial);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(iso));
  const moment = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const status =
    report.status === 'done'
      ? t('statusDone')
      : report.status === 'cancelled'
        ? t('statusCancelled')
        : report.step
          ? t('statusActiveStep', { step: localize(report.step, language) })
          : t('statusActive');
  return (
    <Stack gap="md">
      <Text ff="monospace" fz="lg" aria-label={`${t('code')} ${code}`}>
        {t('code')}：{spacedCode(code.toUpperCase())}
      </Text>
      <Title order={2} size="h3">
        {localize(report.title, language)}
      </Title>
      <Paper
        withBorder
        p="md"
        style={{
          borderLeft: `0.5rem solid var(--mantine-color-${report.status === 'done' ? 'green' : 'blue'}-8)`,
        }}
      >
        <Stack gap="xs" component="dl" m={0}>
          <Text component="dt" fw={700}>
            {t('status')}
          </Text>
          <Text component="dd" m={0} fz="xl" fw={700} data-testid="report-status">
            {status}
          </Text>
          {report.department && (
            <>
              <Text component="dt" fw={700}>
                {report.status === 'active' ? t('department') : t('handledByDone')}
              </Text>
              <Text component="dd" m={0}>
                {localize(report.department.name, language)}
              </Text>
            </>
          )}
          {report.dueAt && report.status === 'active' && (
            <>
              <Text component="dt" fw={700}>
                {t('promisedDate')}
              </Text>
              <Text component="dd" m={0}>
                {date(report.dueAt)}
              </Text>
            </>
          )}
        </Stack>
      </Paper>

      {report.feedback && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('feedback')}
          </Title>
          <Text data-testid="report-feedback" style={{ whiteSpace: 'pre-wrap' }}>
            {report.feedback.text}
          </Text>
          <Text c="dimmed" fz="sm" mt="xs">
            {t('feedbackBy', {
              department: localize(report.feedback.department, language),
              date: date(report.feedback.at),
            })}
          </Text>
        </Paper>
      )}

      <Paper withBorder p="md">
        <RatingForm code={code} report={report} onRated={setReport} />
      </Paper>

      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('timeline')}
        </Title>
        <Timeline bulletSize={18} lineWidth={2} active={report.timeline.length - 1}>
          {report.timeline.map((entry, index) => (
            <Timeline.Item key={index} title={localize(entry.what, language)}>
              <Text fz="sm">{localize(entry.who, language)}</Text>
              <Text fz="sm" c="dimmed">
                {moment(entry.at)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
      <AppLink to="/report/follow" fz="lg">
        {t('otherCode')}
      </AppLink>
    </Stack>
  );
}
