import { Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useT } from '@tongban/ui';
import { AppLink } from '@tongban/ui';
import { galleryNamespace } from './locales.js';
import { generatedForm } from './generated-form.js';
import { PreviewFrames, type PreviewWidth } from './preview-frames.js';

/** /designer/gallery/generated/<count>: a generated form of that many fields (at most 1,000), empty. */
export default function GeneratedFormPage({ count, width }: { count: number; width?: PreviewWidth }) {
  const t = useT(galleryNamespace);
  const form = useMemo(() => generatedForm(count), [count]);
  return (
    <Stack gap="md">
      <AppLink to="/gallery">{t('back')}</AppLink>
      <Title order={1}>{t('generatedTitle', { count })}</Title>
      <Text c="dimmed" size="sm">
        {t('generatedIntro')}
      </Text>
      <PreviewFrames
        key={count}
        schema={form.schema}
        uischema={form.uischema}
        initialData={{}}
        {...(width ? { initialWidth: width } : {})}
      />
    </Stack>
  );
}
