import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { AppLink, localize, registerCatalog, useLanguage, useLoaded, useT } from '@tongban/ui';
import { loadBundles, type BundleApplication } from '../bundle/bundle.api.js';
import { useDates } from '../dates/use-dates.js';
import { loadLeadDepartments } from '../services/services.api.js';
import { RatingPanel } from './rating-panel.js';
import { SupplementPanel } from './supplement-panel.js';
import { ApplicantTimeline, DueWords, TrackerFallback } from './track-parts.js';
import { loadApplication, rateApplication } from './track.api.js';
import { trackCatalog } from './locales.js';
import { usePolled } from './use-polled.js';

const namespace = 'portalTrack';
registerCatalog(namespace, trackCatalog);

/** How often the tracker asks again while it is in view. */
const pollMs = 4000;

type Item = BundleApplication['items'][number];

/**
 * /portal/applications/<id>: one application for a life event, its matters side by side: which
 * department has each, what step, the promised date, on time or late, whether it waits on me; the
 * timeline in plain words; answering a request for supplements; rating it once it is closed. It follows
 * what departments do without a reload.
 */
export function TrackerPage({ id }: { id: string }) {
  const t = useT(namespace);
  const language = useLanguage();
  const polled = usePolled(() => loadApplication(id), pollMs, [id]);
  const bundles = useLoaded(() => loadBundles(), []);
  const { day } = useDates();

  if (polled.state !== 'done')
    return <TrackerFallback {...(polled.state === 'failed' ? { failed: polled } : {})} />;
  const application = polled.value;
  const bundle =
    bundles.state === 'done' ? bundles.value.find((one) => one.key === application.bundle) : undefined;
  const items = application.items.filter((item) => item.status !== 'skipped' || item.caseId !== null);
  return (
    <Stack maw="72rem" mx="auto" gap="md">
      <AppLink to="/applications">{t('myApplications')}</AppLink>
      <Title order={1}>{bundle ? localize(bundle.title, language) : t('application')}</Title>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text>
            {t('number')}{' '}
            <Text span ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {application.id}
            </Text>
          </Text>
          <Text>{t('sentOn', { date: day(application.openedAt) })}</Text>
          <Text fw={700} data-testid="application-status">
            {application.status === 'done'
              ? t(`closed.${application.result ?? 'other'}`, { defaultValue: t('closed.other') })
              : items.some((item) => item.waitingForApplicant)
                ? t('waitingForYou')
                : t('inProgress')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('live')}
          </Text>
        </Stack>
      </Paper>
      <SimpleGrid
        cols={{ base: 1, md: Math.min(Math.max(items.length, 1), 3) }}
        component="ul"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
      >
        {items.map((item) => (
          <ItemCard key={item.matter} item={item} onChanged={polled.refresh} />
        ))}
      </SimpleGrid>
      {application.status === 'done' && (
        <RatingPanel
          rated={application.rating}
          rate={async (score, reason) => {
            await rateApplication(application.id, score, reason);
            polled.refresh();
          }}
        />
      )}
    </Stack>
  );
}

function ItemCard({ item, onChanged }: { item: Item; onChanged(): void }) {
  const t = useT(namespace);
  const language = useLanguage();
  const leads = useLoaded(() => loadLeadDepartments(), []);
  const working = item.workingOn.map((on) => localize(on.name, language) ?? on.department);
  const lead = leads.state === 'done' ? leads.value.get(item.matter) : undefined;
  const departments = working.length > 0 ? working : lead ? [localize(lead, language) ?? item.matter] : [];
  return (
    <Paper component="li" withBorder p="md" data-testid="tracker-item" data-matter={item.matter}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h3">
            {localize(item.title, language) ?? item.matter}
          </Title>
          {departments.length > 0 && <Text>{t('handledBy', { departments: departments.join('、') })}</Text>}
        </Stack>
        <Group gap="xs">
          <Badge
            size="lg"
            variant="filled"
            // a dark fill under white words: readable whatever the colour says
            color={item.waitingForApplicant ? 'red.9' : 'gray.8'}
            // a step said in full, over two lines on a phone if it must
            styles={{
              root: { textTransform: 'none', height: 'auto', maxWidth: '100%', paddingBlock: '0.25rem' },
              label: { whiteSpace: 'normal', overflow: 'visible' },
            }}
          >
            {stepWords(item, t)}
          </Badge>
        </Group>
        {item.status === 'started' && item.caseStatus === 'active' && <DueWords deadline={item} />}
        {item.waitingForApplicant && item.caseId && (
          <SupplementPanel caseId={item.caseId} matter={item.matter} onAnswered={onChanged} />
        )}
        <ApplicantTimeline entries={item.timeline} heading={3} />
      </Stack>
    </Paper>
  );
}

function stepWords(item: Item, t: ReturnType<typeof useT>): string {
  if (item.status === 'waiting') return t('step.waiting');
  if (item.status === 'skipped') return t('step.skipped');
  if (item.status === 'done' || item.caseStatus === 'done')
    return t(`step.done.${item.result ?? 'other'}`, { defaultValue: t('step.done.other') });
  if (item.caseStatus === 'cancelled') return t('step.cancelled');
  if (item.waitingForApplicant) return t('step.waitingForYou');
  return t('step.working');
}
