import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Group, Skeleton, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { AppLink, registerCatalog, useLanguage, useT } from '@tongban/ui';
import { loadServices } from '../services/services.api.js';
import { catalogEntries, type CatalogEntry } from './catalog-entries.js';
import { catalogCatalog } from './locales.js';

const namespace = 'portalCatalog';
registerCatalog(namespace, catalogCatalog);

type Load =
  { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; entries: CatalogEntry[] };

/** The portal's home: the services a resident can apply for (issue 14 builds the real portal on it). */
export function CatalogPage() {
  const t = useT(namespace);
  const language = useLanguage();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const fetchCatalog = useCallback(async () => {
    setLoad({ state: 'loading' });
    try {
      setLoad({
        state: 'ready',
        entries: catalogEntries(await loadServices()),
      });
    } catch (error) {
      setLoad({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);
  useEffect(() => {
    void fetchCatalog();
  }, [fetchCatalog]);

  return (
    <Stack maw="60rem" mx="auto" gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('title')}</Title>
        <Text>{t('lead')}</Text>
      </Stack>
      {load.state === 'loading' ? (
        // the cards' places kept while loading: nothing shifts when they arrive
        <SimpleGrid cols={{ base: 1, sm: 2 }} role="status" aria-label={t('loading')}>
          {[0, 1, 2, 3].map((index) => (
            <Skeleton key={index} h="7rem" />
          ))}
        </SimpleGrid>
      ) : load.state === 'failed' ? (
        <Alert color="red" role="alert" title={t('failed')}>
          <Stack gap="sm" align="flex-start">
            <Text>{load.message}</Text>
            <Button variant="default" onClick={() => void fetchCatalog()}>
              {t('retry')}
            </Button>
          </Stack>
        </Alert>
      ) : load.entries.length === 0 ? (
        <Text>{t('empty')}</Text>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2 }}
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {load.entries.map((entry) => (
            <Card key={entry.key} component="li" withBorder padding="md">
              <Stack gap="xs">
                <Title order={2} size="h3" lang={language}>
                  {entry.online ? (
                    <AppLink to={`/apply/${encodeURIComponent(entry.key)}`} inherit>
                      {entry.title[language]}
                    </AppLink>
                  ) : (
                    entry.title[language]
                  )}
                </Title>
                <Group gap="md" style={{ rowGap: 0 }}>
                  {entry.workingDays === null ? null : (
                    <Text size="sm">
                      {t('timeLimit', { limit: t('workingDays', { count: entry.workingDays }) })}
                    </Text>
                  )}
                  {entry.materials > 0 ? (
                    <Text size="sm">{t('materials', { count: entry.materials })}</Text>
                  ) : null}
                </Group>
                {entry.online ? null : <Text size="sm">{t('inPerson')}</Text>}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
