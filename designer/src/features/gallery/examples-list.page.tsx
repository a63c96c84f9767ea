import { List, Stack, Text, Title } from '@mantine/core';
import { useT } from '@tongban/ui';
import { AppLink } from '@tongban/ui';
import { galleryNamespace } from './locales.js';
import { objectRootedExamples } from './examples.js';
import { LoadState } from './load-state.js';
import { useLoaded } from '@tongban/ui';

/** /designer/gallery/examples: JSON Forms' object-rooted examples. */
export default function ExamplesListPage() {
  const t = useT(galleryNamespace);
  const loaded = useLoaded(objectRootedExamples, []);
  return (
    <Stack gap="md">
      <AppLink to="/gallery">{t('back')}</AppLink>
      <Title order={1}>{t('examples')}</Title>
      <Text>{t('examplesIntro')}</Text>
      <LoadState loaded={loaded}>
        {(examples) => (
          <>
            <Text c="dimmed">{t('exampleCount', { count: examples.length })}</Text>
            <List spacing="xs" aria-label={t('examples')}>
              {examples.map((example) => (
                <List.Item key={example.name}>
                  <AppLink to={`/gallery/examples/${encodeURIComponent(example.name)}`}>
                    {example.label}
                  </AppLink>{' '}
                  <Text component="span" c="dimmed" size="sm">
                    {example.name}
                  </Text>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </LoadState>
    </Stack>
  );
}
