import { Alert, Stack, Text, Title } from '@mantine/core';
import { useLanguage, useT } from '@tongban/ui';
import { AppLink } from '@tongban/ui';
import { galleryNamespace } from './locales.js';
import { checkDataNamespace } from './check-data.locales.js';
import { loadPublishedForm } from './gallery.api.js';
import { localized } from './localized.js';
import { LoadState } from './load-state.js';
import { PreviewFrames, type PreviewWidth } from './preview-frames.js';
import { sampleData } from './sample-data.js';
import { useLoaded } from '@tongban/ui';

/** /designer/gallery/<formKey>: one published form with sample data, at phone and desk widths. */
export default function GalleryFormPage({ formKey, width }: { formKey: string; width?: PreviewWidth }) {
  const t = useT(galleryNamespace);
  const check = useT(checkDataNamespace);
  const language = useLanguage();
  const loaded = useLoaded(() => loadPublishedForm(formKey), [formKey]);
  return (
    <Stack gap="md">
      <AppLink to="/gallery">{t('back')}</AppLink>
      <LoadState loaded={loaded}>
        {(form) =>
          form === undefined ? (
            <Alert color="yellow" role="alert">
              {t('notFound', { key: formKey })}
            </Alert>
          ) : (
            <>
              <Title order={1}>{localized(form.title, language)}</Title>
              <Text c="dimmed" size="sm">
                {form.key} · {t('version', { version: form.version })}
              </Text>
              <AppLink to={`/gallery/${encodeURIComponent(form.key)}/check`}>{check('checkLink')}</AppLink>
              <PreviewFrames
                key={`${form.key}@${form.version}`}
                schema={form.schema}
                {...(form.uischema ? { uischema: form.uischema } : {})}
                initialData={sampleData(form.schema, { text: t('sampleText') })}
                {...(width ? { initialWidth: width } : {})}
              />
            </>
          )
        }
      </LoadState>
    </Stack>
  );
}
