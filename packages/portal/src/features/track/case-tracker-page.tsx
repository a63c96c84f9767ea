import { Paper, Stack, Text, Title } from '@mantine/core';
import { AppLink, localize, registerCatalog, useLanguage, useT } from '@tongban/ui';
import { useDates } from '../dates/use-dates.js';
import { RatingPanel } from './rating-panel.js';
import { SupplementPanel } from './supplement-panel.js';
import { ApplicantTimeline, DueWords, TrackerFallback } from './track-parts.js';
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
  const { day } = useDates();
  if (polled.state !== 'done')
    return <TrackerFallback {...(polled.state === 'failed' ? { failed: polled } : {})} />;
  const { kase, rating } = polled.value;
  const open = kase.tasks.filter((task) => task.status === 'open' || task.status === 'waiting');
  const departments = [
    ...new Set(
      open.map((task) => (task.departmentName ? localize(task.departmentName, language) : task.department)),
    ),
  ];
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
          <Text>{t('sentOn', { date: day(kase.openedAt) })}</Text>
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
          {kase.status === 'active' && <DueWords deadline={kase} />}
          <Text size="sm" c="dimmed">
            {t('live')}
          </Text>
        </Stack>
      </Paper>
      {kase.status === 'active' && kase.supplement && kase.matter && (
        <SupplementPanel caseId={kase.id} matter={kase.matter} onAnswered={polled.refresh} />
      )}
      {kase.timeline.some((entry) => entry.visibility === 'applicant') && (
        <Paper withBorder p="md">
          <ApplicantTimeline entries={kase.timeline} heading={2} />
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
