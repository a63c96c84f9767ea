import { useState, type FormEvent } from 'react';
import { Alert, Button, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { TongbanApiError } from '@tongban/client';
import { useT } from '@tongban/ui';
import type { Score } from './track.api.js';

const namespace = 'portalTrack';
const scores: readonly Score[] = ['good', 'average', 'bad'];

/** 好差评: good, average or bad (with a reason for bad), once, after the application is closed. */
export function RatingPanel({
  rated,
  rate,
}: {
  rated: { score: Score; reason: string | null } | null;
  rate(score: Score, reason: string | undefined): Promise<void>;
}) {
  const t = useT(namespace);
  const [score, setScore] = useState<Score>();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ at: 'score' | 'reason' | 'form'; text: string }>();
  const [sending, setSending] = useState(false);

  if (rated)
    return (
      <Paper withBorder p="md" role="status" data-testid="rating">
        <Text fw={700}>{t('rated', { score: t(`score.${rated.score}`) })}</Text>
        {rated.reason && <Text>{rated.reason}</Text>}
      </Paper>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!score) return setProblem({ at: 'score', text: t('chooseScore') });
    if (score === 'bad' && reason.trim() === '') return setProblem({ at: 'reason', text: t('reasonNeeded') });
    setProblem(undefined);
    setSending(true);
    try {
      await rate(score, reason.trim() || undefined);
    } catch (error) {
      setProblem({
        at: 'form',
        text:
          error instanceof TongbanApiError
            ? error.message
            : error instanceof Error
              ? error.message
              : String(error),
      });
    } finally {
      setSending(false);
    }
  };

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(event: FormEvent) => void submit(event)}
      noValidate
      data-testid="rating"
    >
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('rateTitle')}
        </Title>
        <Radio.Group
          label={t('rateQuestion')}
          value={score ?? null}
          onChange={(value) => setScore(value as Score)}
          error={problem?.at === 'score' ? problem.text : undefined}
          size="md"
        >
          <Stack gap="xs" mt="xs">
            {scores.map((one) => (
              <Radio key={one} value={one} label={t(`score.${one}`)} size="md" />
            ))}
          </Stack>
        </Radio.Group>
        {score === 'bad' || reason !== '' ? (
          <Textarea
            size="md"
            label={score === 'bad' ? t('reasonBad') : t('reasonOptional')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={problem?.at === 'reason' ? problem.text : undefined}
            required={score === 'bad'}
            maxLength={500}
            autosize
            minRows={3}
          />
        ) : null}
        {problem?.at === 'form' && (
          <Alert color="red" role="alert">
            {problem.text}
          </Alert>
        )}
        <Button type="submit" size="md" loading={sending} style={{ alignSelf: 'flex-start' }}>
          {t('rateSend')}
        </Button>
      </Stack>
    </Paper>
  );
}
