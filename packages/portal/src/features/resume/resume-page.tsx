import { useState, type FormEvent } from 'react';
import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { TongbanApiError, unwrap } from '@tongban/client';
import { navigate, registerCatalog, tongbanApi, useT } from '@tongban/ui';
import { resumePath } from '../apply/application.js';
import { applyCatalog } from '../apply/locales.js';
import { parseResumeCode } from '../apply/resume-code.js';

const namespace = 'portalApply';
registerCatalog(namespace, applyCatalog);

/** /portal/resume: the resume code typed on another device opens the saved answers where they were left. */
export function ResumePage() {
  const t = useT(namespace);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string>();
  const [opening, setOpening] = useState(false);

  const open = async (event: FormEvent) => {
    event.preventDefault();
    const code = parseResumeCode(typed);
    if (!code) {
      setProblem(t('resumeBadCode'));
      return;
    }
    setProblem(undefined);
    setOpening(true);
    try {
      const draft = await unwrap(
        tongbanApi().GET('/api/drafts/{token}', { params: { path: { token: code } } }),
      );
      navigate(resumePath(draft.kind, draft.key, code));
    } catch (error) {
      setProblem(
        error instanceof TongbanApiError && error.status === 404
          ? t('resumeNotFound')
          : error instanceof Error
            ? error.message
            : String(error),
      );
      setOpening(false);
    }
  };

  return (
    <Stack maw="32rem" mx="auto" gap="md">
      <Title order={1}>{t('resumeTitle')}</Title>
      <Text>{t('resumeLead')}</Text>
      <Paper withBorder p="md" component="form" onSubmit={(event: FormEvent) => void open(event)} noValidate>
        <Stack gap="md">
          <TextInput
            size="md"
            label={t('resumeCode')}
            description={t('resumeCodeHint')}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            error={problem}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            styles={{ input: { fontFamily: 'monospace', fontSize: '1.25rem', letterSpacing: '0.1em' } }}
          />
          <Button type="submit" size="md" loading={opening}>
            {t('resumeOpen')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
