import { Alert, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { TongbanApiError } from '@tongban/client';
import { AppLink, localize, useLanguage, useT } from '@tongban/ui';
import { useDates } from '../dates/use-dates.js';

const namespace = 'portalTrack';

/** A tracker while its first answer comes, or when none came: what to do next, in words. */
export function TrackerFallback({ failed }: { failed?: { error: unknown } }) {
  const t = useT(namespace);
  if (!failed)
    return (
      <Center mih="12rem" role="status" aria-label={t('loading')}>
        <Loader />
      </Center>
    );
  const status = failed.error instanceof TongbanApiError ? failed.error.status : undefined;
  return (
    <Stack maw="40rem" mx="auto" align="flex-start">
      <Alert color="yellow" role="alert" w="100%">
        {status === 404 ? t('notFound') : status === 401 ? t('signInToFollow') : t('failed')}
      </Alert>
      <AppLink to="/applications">{t('myApplications')}</AppLink>
    </Stack>
  );
}

interface TimelineEntry {
  seq: number;
  at: string;
  label: { 'zh-CN': string; en: string };
  visibility: 'internal' | 'applicant';
}

/** What has happened, newest first, in plain words: the entries the applicant may see, no internal notes. */
export function ApplicantTimeline({
  entries,
  heading,
}: {
  entries: readonly TimelineEntry[];
  heading: 2 | 3;
}) {
  const t = useT(namespace);
  const language = useLanguage();
  const { moment } = useDates();
  const shown = entries.filter((entry) => entry.visibility === 'applicant');
  if (shown.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={heading} size={heading === 2 ? 'h4' : 'h5'}>
        {t('timeline')}
      </Title>
      <Stack component="ul" gap={4} m={0} pl="md">
        {[...shown].reverse().map((entry) => (
          <Text component="li" size="sm" key={entry.seq}>
            {moment(entry.at)} {localize(entry.label, language)}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}

/** A deadline as the runtime gives it for a case (a bundle's matter or a single application). */
export interface Deadline {
  dueAt: string | null;
  duePausedAt: string | null;
  dueUncertain: boolean;
  dueNote: { 'zh-CN': string; en: string } | null;
}

/** The promised date in plain words: on time, late, or the clock paused while the department waits on me. */
export function DueWords({ deadline }: { deadline: Deadline }) {
  const t = useT(namespace);
  const language = useLanguage();
  const { day } = useDates();
  if (deadline.duePausedAt) return <Text>{t('due.paused')}</Text>;
  if (deadline.dueUncertain || !deadline.dueAt)
    return <Text>{deadline.dueNote ? localize(deadline.dueNote, language) : t('due.unknown')}</Text>;
  const late = new Date(deadline.dueAt).getTime() < Date.now();
  return (
    <Text fw={late ? 700 : undefined}>
      {t(late ? 'due.late' : 'due.onTime', { date: day(deadline.dueAt) })}
    </Text>
  );
}
