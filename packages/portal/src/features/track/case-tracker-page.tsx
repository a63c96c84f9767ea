import { Alert, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { TongbanApiError } from '@tongban/client';
import { AppLink, localize, registerCatalog, useLanguage, useT } from '@tongban/ui';
import { RatingPanel } from './rating-panel.js';
import { SupplementPanel } from './supplement-panel.js';
import { trackCatalog } from './locales.js';
import { loadCase, loadCaseRating, rateCase } from './track.api.js';
import { usePolled } from './use-polled.js';

const namespace = 'portalTrack';
registerCatalog(namespace, trackCatalog);

/**
 * /portal/applications/case/<id>: an application for one matter as its applicant follows it: which
 * department has it, the promised date (on time, late or paused), the timeline in plain words, what a
 * department asks for, and the rating once it is closed; it follows the departments without a reload.
 */
export function CaseTrackerPage({ id }: { id: string }) {
  const t = useT(namespace);
  const language = useLanguage();
  const polled = usePolled(
    async () => {
      const [kase, rating] = await Promise.all([loadCase(id), loadCaseRating(id).catch(() => null)]);
      return { kase, rating };
    },
    4000,
    [id],
  );
  if (polled.state === 'loading')
    return (
      <Center mih="12rem" role="status" aria-label={t('loading')}>
        <Loader />
      </Center>
    );
  if (polled.state === 'failed')
    return (
      <Stack maw="40rem" mx="auto" align="flex-start">
        <Alert color="yellow" role="alert" w="100%">
          {polled.error instanceof TongbanApiError && polled.error.status === 404
            ? t('notFound')
            : polled.error instanceof TongbanApiError && polled.error.status === 401
              ? t('signInToFollow')
              : t('failed')}
        </Alert>
        <AppLink to="/applications">{t('myApplications')}</AppLink>
      </Stack>
    );
  const { kase, rating } = polled.value;
  const date = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(iso));
  const open = kase.tasks.filter((task) => task.status === 'open' || task.status === 'waiting');
  const departments = [
    ...new Set(
      open.map((task) => (task.departmentName ? localize(task.departmentName, language) : task.department)),
    ),
  ];
  const timeline = kase.timeline.filter((entry) => entry.visibility === 'applicant');
  const late = kase.dueAt !== null && new Date(kase.dueAt).getTime() < Date.now();
  return (
    <Stack maw="48rem" mx="auto" gap="md">
      <AppLink to="/applications">{t('myApplications')}</AppLink>
      <Title order={1}>{localize(kase.title, language)}</Title>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text>
            {t('number')}{' '}
            <Text span ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {kase.id}
            </Text>
          </Text>
          <Text>{t('sentOn', { date: date(kase.openedAt) })}</Text>
          {departments.length > 0 && <Text>{t('handledBy', { departments: departments.join('、') })}</Text>}
          <Text fw={700} data-testid="application-status">
            {kase.status === 'done'
              ? t(`step.done.${kase.result ?? 'other'}`, { defaultValue: t('step.done.other') })
              : kase.status === 'cancelled'
                ? t('step.cancelled')
                : kase.supplement
                  ? t('waitingForYou')
                  : t('inProgress')}
          </Text>
          {kase.status === 'active' && (
            <Text fw={late ? 700 : undefined}>
              {kase.duePausedAt
                ? t('due.paused')
                : kase.dueAt
                  ? t(late ? 'due.late' : 'due.onTime', { date: date(kase.dueAt) })
                  : kase.dueNote
                    ? localize(kase.dueNote, language)
                    : t('due.unknown')}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('live')}
          </Text>
        </Stack>
      </Paper>
      {kase.status === 'active' && kase.supplement && kase.matter && (
        <SupplementPanel caseId={kase.id} matter={kase.matter} onAnswered={polled.refresh} />
      )}
      {timeline.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('timeline')}
          </Title>
          <Stack component="ul" gap={4} m={0} pl="md">
            {[...timeline].reverse().map((entry) => (
              <Text component="li" size="sm" key={entry.seq}>
                {new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
                  new Date(entry.at),
                )}{' '}
                {localize(entry.label, language)}
              </Text>
            ))}
          </Stack>
        </Paper>
      )}
      {kase.status === 'done' && (
        <RatingPanel
          rated={rating}
          rate={async (score, reason) => {
            await rateCase(kase.id, score, reason);
            polled.refresh();
          }}
        />
      )}
    </Stack>
  );
}
