import { useMemo, useRef, useState } from 'react';
import { Alert, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Generate, type JsonSchema } from '@jsonforms/core';
import { TongbanApiError, type ApiErrorDetail } from '@tongban/client';
import { TongbanForm, localize, useLanguage, useLoaded, useT, type TongbanFormHandle } from '@tongban/ui';
import { loadService } from '../services/services.api.js';
import { answerSupplement, loadCase } from './track.api.js';
import { missingPart } from './missing-part.js';

const namespace = 'portalTrack';

/**
 * A department asked for more (补正): the clerk's note, then only what is missing: the fields it names
 * as a form with the answers given so far, and the materials it names as a list. Sent, the case goes
 * back to the department and its clock starts again.
 */
export function SupplementPanel({
  caseId,
  matter,
  onAnswered,
}: {
  caseId: string;
  matter: string;
  onAnswered(): void;
}) {
  const t = useT(namespace);
  const language = useLanguage();
  const load = useLoaded(async () => {
    const [kase, service] = await Promise.all([loadCase(caseId), loadService(matter)]);
    return { kase, service };
  }, [caseId, matter]);
  const [answers, setAnswers] = useState<Record<string, unknown>>();
  const [serverErrors, setServerErrors] = useState<readonly ApiErrorDetail[]>([]);
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const form = useRef<TongbanFormHandle>(null);

  const missing = useMemo(() => {
    if (load.state !== 'done' || !load.value.kase.supplement) return undefined;
    const schema = (load.value.service?.form?.schema ?? {}) as Record<string, unknown>;
    return missingPart(
      schema,
      load.value.kase.supplement.items,
      load.value.kase.data,
      load.value.kase.masked,
    );
  }, [load]);

  if (load.state === 'loading') return <Text role="status">{t('loading')}</Text>;
  if (load.state === 'failed' || !load.value.kase.supplement || !missing)
    return (
      <Alert color="yellow" role="alert">
        {t('supplementUnavailable')}
      </Alert>
    );
  const { supplement } = load.value.kase;
  const data = answers ?? missing.data;

  const send = async () => {
    if (missing.schema && form.current && !form.current.revealAll()) return;
    setSending(true);
    setProblem(undefined);
    try {
      await answerSupplement(caseId, missing.schema ? data : {});
      onAnswered();
    } catch (error) {
      if (error instanceof TongbanApiError && error.details.length > 0) {
        setServerErrors(error.details);
        setProblem(t('supplementRefused'));
      } else setProblem(error instanceof Error ? error.message : String(error));
      setSending(false);
    }
  };

  return (
    <Paper
      withBorder
      p="md"
      style={{ borderLeft: '0.5rem solid var(--mantine-color-orange-7)' }}
      data-testid="supplement"
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('supplementTitle')}
        </Title>
        <Text>{t('supplementNote', { note: supplement.reason })}</Text>
        {missing.materials.length > 0 && (
          <Stack gap={4}>
            <Text fw={700}>{t('supplementMaterials')}</Text>
            <List>
              {missing.materials.map((material) => (
                <List.Item key={material}>{localize(material, language) ?? material}</List.Item>
              ))}
            </List>
          </Stack>
        )}
        {missing.schema && (
          <TongbanForm
            handle={form}
            schema={missing.schema as JsonSchema}
            uischema={Generate.uiSchema(missing.schema as JsonSchema)}
            data={data}
            onChange={(next) => setAnswers((next ?? {}) as Record<string, unknown>)}
            serverErrors={serverErrors}
            serverErrorPrefix="/data"
          />
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Button size="md" onClick={() => void send()} loading={sending}>
          {t('supplementSend')}
        </Button>
      </Stack>
    </Paper>
  );
}
