import { lazy, Suspense, useId, useState } from 'react';
import { Alert, Button, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useLanguage, useT, type FormStatus } from '@tongban/ui';
import { AppLink } from '@tongban/ui';
import { checkDataNamespace } from './check-data.locales.js';
import { loadPublishedForm, type GalleryForm } from './gallery.api.js';
import { localized } from './localized.js';
import { LoadState } from './load-state.js';
import { sampleData } from './sample-data.js';
import { useLoaded } from '@tongban/ui';
import { galleryNamespace } from './locales.js';
import './check-data.locales.js';

const CheckedForm = lazy(() => import('./checked-form.js'));

/** /designer/gallery/<formKey>/check: a set of answers pasted as JSON, judged by the renderer set. */
export default function CheckDataPage({ formKey }: { formKey: string }) {
  const t = useT(checkDataNamespace);
  const gallery = useT(galleryNamespace);
  const language = useLanguage();
  const loaded = useLoaded(() => loadPublishedForm(formKey), [formKey]);
  return (
    <Stack gap="md">
      <AppLink to={`/gallery/${encodeURIComponent(formKey)}`}>{t('backToForm')}</AppLink>
      <LoadState loaded={loaded}>
        {(form) =>
          form === undefined ? (
            <Alert color="yellow" role="alert">
              {gallery('notFound', { key: formKey })}
            </Alert>
          ) : (
            <>
              <Title order={1}>{localized(form.title, language)}</Title>
              <AnswersCheck
                key={`${form.key}@${form.version}`}
                form={form}
                sampleText={gallery('sampleText')}
              />
            </>
          )
        }
      </LoadState>
    </Stack>
  );
}

interface Applied {
  data: unknown;
  /** How many times answers were applied: the verdict shown belongs to this round. */
  round: number;
}

function AnswersCheck({ form, sampleText }: { form: GalleryForm; sampleText: string }) {
  const t = useT(checkDataNamespace);
  const verdictId = useId();
  const [text, setText] = useState(() =>
    JSON.stringify(sampleData(form.schema, { text: sampleText }), null, 2),
  );
  const [applied, setApplied] = useState<Applied>(() => ({ data: JSON.parse(text) as unknown, round: 1 }));
  const [notJson, setNotJson] = useState<string | undefined>();
  const [status, setStatus] = useState<{ round: number; status: FormStatus } | undefined>();
  const check = () => {
    try {
      const data = JSON.parse(text) as unknown;
      setNotJson(undefined);
      setApplied((before) => ({ data, round: before.round + 1 }));
    } catch (error) {
      setNotJson(error instanceof Error ? error.message : String(error));
    }
  };
  const current = status?.round === applied.round ? status.status : undefined;
  return (
    <Stack gap="md">
      <Title order={2}>{t('heading')}</Title>
      <Text>{t('intro')}</Text>
      <Textarea
        label={t('answers')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autosize
        minRows={6}
        maxRows={20}
        styles={{ input: { fontFamily: 'monospace' } }}
        error={notJson === undefined ? undefined : t('notJson', { message: notJson })}
      />
      <div>
        <Button onClick={check} aria-describedby={verdictId}>
          {t('check')}
        </Button>
      </div>
      <Text
        id={verdictId}
        role="status"
        fw={600}
        data-round={current === undefined ? undefined : applied.round}
        data-verdict={current === undefined ? undefined : current.valid ? 'valid' : 'invalid'}
      >
        {current === undefined
          ? ''
          : current.valid
            ? t('valid')
            : t('invalid', { count: current.messages.length })}
      </Text>
      <Paper withBorder p="md">
        <Suspense fallback={<Loader aria-label={t('check')} />}>
          <CheckedForm
            key={applied.round}
            schema={form.schema}
            {...(form.uischema ? { uischema: form.uischema } : {})}
            data={applied.data}
            onStatus={(next) => setStatus({ round: applied.round, status: next })}
          />
        </Suspense>
      </Paper>
    </Stack>
  );
}
