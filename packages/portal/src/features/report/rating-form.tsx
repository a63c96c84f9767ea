import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useT } from '@tongban/ui';
import { TongbanApiError } from '@tongban/client';
import { rateReport, type ReportView, type Score } from './report.api.js';

const namespace = 'portalReport';
const scores: Score[] = ['good', 'average', 'bad'];

/** 好差评: good, average or bad (with a reason), once, after closure; afterwards what was given. */
export function RatingForm({
  code,
  report,
  onRated,
}: {
  code: string;
  report: ReportView;
  onRated: (report: ReportView) => void;
}) {
  const t = useT(namespace);
  const [score, setScore] = useState<Score | ''>('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [thanked, setThanked] = useState(false);

  if (report.rating)
    return (
      <Stack gap="xs" role={thanked ? 'status' : undefined}>
        {thanked && <Text fw={700}>{t('thanks')}</Text>}
        <Text>{t('rated', { grade: t(report.rating.score) })}</Text>
        {report.rating.reason && <Text>{t('ratedReason', { reason: report.rating.reason })}</Text>}
      </Stack>
    );
  if (!report.canRate) return <Text>{t('notYetRateable')}</Text>;

  const scoreError = tried && !score ? t('scoreRequired') : undefined;
  const reasonError = tried && score === 'bad' && !reason.trim() ? t('reasonRequired') : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!score || (score === 'bad' && !reason.trim())) return;
    setSending(true);
    setRefusal(null);
    try {
      onRated(await rateReport(code, score, score === 'bad' || reason.trim() ? reason.trim() : undefined));
      setThanked(true);
    } catch (error) {
      setRefusal(error instanceof TongbanApiError || error instanceof Error ? error.message : String(error));
    } finally {
      setSending(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        {refusal && (
          <Alert color="red" variant="outline" role="alert">
            {refusal}
          </Alert>
        )}
        <Radio.Group
          value={score}
          onChange={(value) => setScore(value as Score)}
          label={t('rateTitle')}
          description={t('rateLead')}
          labelProps={{ fz: 'xl', fw: 700, mb: 4 }}
          error={scoreError}
          size="lg"
        >
          <Stack gap="xs">
            {scores.map((value) => (
              <Radio.Card key={value} value={value} p="md" radius="md">
                <Group wrap="nowrap" gap="sm">
                  <Radio.Indicator size="md" />
                  <Text component="span" fw={700} fz="lg">
                    {t(value)}
                  </Text>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        {score === 'bad' && (
          <Textarea
            label={t('reason')}
            description={t('reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={reasonError}
            required
            minRows={3}
            autosize
            maxLength={2000}
            size="lg"
          />
        )}
        <Button type="submit" size="xl" loading={sending}>
          {t('rate')}
        </Button>
      </Stack>
    </form>
  );
}
