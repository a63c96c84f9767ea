import { List, Stack, Text, Title } from '@mantine/core';
import { useLanguage, useT } from '@tongban/ui';
import { AppLink } from '@tongban/ui';
import { galleryNamespace } from './locales.js';
import { listPublishedForms, loadForm } from './gallery.api.js';
import { localized } from './localized.js';
import { LoadState } from './load-state.js';
import { useLoaded } from '@tongban/ui';

/** /designer/gallery: every published form (the version in force), and the way to JSON Forms' examples. */
export default function GalleryListPage() {
  const t = useT(galleryNamespace);
  const language = useLanguage();
  const loaded = useLoaded(async () => {
    const forms = await listPublishedForms();
    // the list answer has no titles: each form's body has them
    return Promise.all(forms.map((form) => loadForm(form.key, form.version)));
  }, []);
  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <Title order={2}>{t('forms')}</Title>
      <LoadState loaded={loaded}>
        {(forms) =>
          forms.length === 0 ? (
            <Text>{t('empty')}</Text>
          ) : (
            <>
              <Text c="dimmed">{t('formCount', { count: forms.length })}</Text>
              <List spacing="xs" aria-label={t('forms')}>
                {forms.map((form) => (
                  <List.Item key={form.key}>
                    <AppLink to={`/gallery/${encodeURIComponent(form.key)}`}>
                      {localized(form.title, language)}
                    </AppLink>{' '}
                    <Text component="span" c="dimmed" size="sm">
                      {form.key} · {t('version', { version: form.version })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </>
          )
        }
      </LoadState>
      <Title order={2}>{t('examples')}</Title>
      <Text>
        <AppLink to="/gallery/examples">{t('examplesIntro')}</AppLink>
      </Text>
    </Stack>
  );
}
