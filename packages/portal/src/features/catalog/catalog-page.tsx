import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { AppLink, localize, registerCatalog, useLanguage, useLoaded, useT } from '@tongban/ui';
import { loadBundles, type BundleSummary } from '../bundle/bundle.api.js';
import { loadServices } from '../services/services.api.js';
import {
  bundleSearchText,
  byDepartment,
  byLifeEvent,
  catalogEntries,
  matches,
  type CatalogEntry,
  type CatalogGroup,
} from './catalog-entries.js';
import { catalogCatalog } from './locales.js';
import { useDates } from '../dates/use-dates.js';

const namespace = 'portalCatalog';
registerCatalog(namespace, catalogCatalog);

type View = 'lifeEvent' | 'department';

/** The portal's home: find a service by life event, by department or by search, and what each one asks. */
export function CatalogPage() {
  const t = useT(namespace);
  const [attempt, setAttempt] = useState(0);
  const load = useLoaded(async () => {
    const [services, bundles] = await Promise.all([loadServices(), loadBundles()]);
    return { entries: catalogEntries(services), bundles };
  }, [attempt]);
  const [typed, setTyped] = useState('');
  const [view, setView] = useState<View>('lifeEvent');

  return (
    <Stack maw="64rem" mx="auto" gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('title')}</Title>
        <Text>{t('lead')}</Text>
      </Stack>
      <QuickActions />
      <TextInput
        size="md"
        type="search"
        label={t('search')}
        description={t('searchHint')}
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
      />
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
            <Text>{load.error instanceof Error ? load.error.message : String(load.error)}</Text>
            <Button variant="default" onClick={() => setAttempt((before) => before + 1)}>
              {t('retry')}
            </Button>
          </Stack>
        </Alert>
      ) : load.value.entries.length === 0 ? (
        <Text>{t('empty')}</Text>
      ) : typed.trim() !== '' ? (
        <SearchResults entries={load.value.entries} bundles={load.value.bundles} typed={typed} />
      ) : (
        <>
          <Group gap="xs" role="group" aria-label={t('viewBy')}>
            {(['lifeEvent', 'department'] as const).map((one) => (
              <Button
                key={one}
                variant={view === one ? 'filled' : 'default'}
                aria-pressed={view === one}
                onClick={() => setView(one)}
              >
                {t(`view.${one}`)}
              </Button>
            ))}
          </Group>
          {(view === 'lifeEvent'
            ? byLifeEvent(load.value.entries, load.value.bundles)
            : byDepartment(load.value.entries)
          ).map((group) => (
            <GroupSection key={group.key} group={group} />
          ))}
        </>
      )}
    </Stack>
  );
}

/** What a returning resident came for: where my applications stand, answers I saved, a problem to report. */
function QuickActions() {
  const t = useT(namespace);
  const actions = [
    { to: '/applications', label: t('action.mine'), hint: t('action.mineHint') },
    { to: '/resume', label: t('action.resume'), hint: t('action.resumeHint') },
    { to: '/report', label: t('action.report'), hint: t('action.reportHint') },
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {actions.map((action) => (
        <Paper component="li" withBorder p="md" key={action.to}>
          <Text fw={700} size="lg">
            <AppLink to={action.to} inherit>
              {action.label}
            </AppLink>
          </Text>
          <Text size="sm">{action.hint}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function SearchResults({
  entries,
  bundles,
  typed,
}: {
  entries: readonly CatalogEntry[];
  bundles: readonly BundleSummary[];
  typed: string;
}) {
  const t = useT(namespace);
  const found = useMemo(() => entries.filter((entry) => matches(entry.searchText, typed)), [entries, typed]);
  const foundBundles = useMemo(
    () => bundles.filter((bundle) => matches(bundleSearchText(bundle), typed)),
    [bundles, typed],
  );
  return (
    <Stack gap="md" aria-live="polite">
      <Text fw={700}>{t('found', { count: found.length + foundBundles.length })}</Text>
      {foundBundles.map((bundle) => (
        <BundleOffer key={bundle.key} bundle={bundle} />
      ))}
      <EntryList entries={found} />
    </Stack>
  );
}

function GroupSection({ group }: { group: CatalogGroup }) {
  const t = useT(namespace);
  const language = useLanguage();
  const headingId = `group-${group.key}`;
  return (
    <Stack component="section" gap="sm" aria-labelledby={headingId}>
      <Title order={2} id={headingId} lang={language}>
        {group.title ? group.title[language] : t(`group.${group.key}`)}
      </Title>
      {group.description && <Text>{group.description[language]}</Text>}
      {group.bundle && <BundleOffer bundle={group.bundle} />}
      <EntryList entries={group.entries} />
    </Stack>
  );
}

/** A life event applied for at once: one form, one visit, its promise. */
function BundleOffer({ bundle }: { bundle: BundleSummary }) {
  const t = useT(namespace);
  const language = useLanguage();
  const { day: date } = useDates();
  return (
    <Paper withBorder p="md" style={{ borderLeft: '0.5rem solid var(--mantine-color-blue-7)' }}>
      <Stack gap="xs" align="flex-start">
        <Text fw={700}>{t('bundleTitle', { title: bundle.title[language] })}</Text>
        <Text size="sm">{t('bundleLead', { count: bundle.matters.length })}</Text>
        {bundle.workingDays !== null && (
          <Text size="sm">
            {t('timeLimit', { limit: t('workingDays', { count: bundle.workingDays }) })}
            {bundle.promisedBy ? ` ${t('promisedToday', { date: date(bundle.promisedBy) })}` : ''}
          </Text>
        )}
        <Button
          component={AppLink}
          to={`/bundle/${encodeURIComponent(bundle.key)}`}
          size="md"
          // its words wrap on a phone rather than run past the card
          maw="100%"
          styles={{
            root: { height: 'auto', minHeight: '3rem', paddingBlock: '0.5rem' },
            label: { whiteSpace: 'normal', textAlign: 'center' },
          }}
        >
          {t('bundleStart')}
        </Button>
      </Stack>
    </Paper>
  );
}

function EntryList({ entries }: { entries: readonly CatalogEntry[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {entries.map((entry) => (
        <EntryCard key={entry.key} entry={entry} />
      ))}
    </SimpleGrid>
  );
}

/** One service: what it is, who handles it, by when, what to bring, on what legal basis, and how to apply. */
function EntryCard({ entry }: { entry: CatalogEntry }) {
  const t = useT(namespace);
  const language = useLanguage();
  const { day: date } = useDates();
  const to = entry.report ? '/report' : entry.online ? `/apply/${encodeURIComponent(entry.key)}` : undefined;
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap={6}>
        <Title order={3} size="h4" lang={language}>
          {to ? (
            <AppLink to={to} inherit>
              {entry.title[language]}
            </AppLink>
          ) : (
            entry.title[language]
          )}
        </Title>
        {entry.description && <Text size="sm">{entry.description[language]}</Text>}
        <Text size="sm">
          {t('handledBy', {
            departments: [entry.lead, ...entry.cooperating]
              .map((name) => name[language])
              .join(t('listSeparator')),
          })}
        </Text>
        {entry.workingDays !== null && (
          <Text size="sm">
            {t('timeLimit', { limit: t('workingDays', { count: entry.workingDays }) })}
            {entry.promisedBy ? ` ${t('promisedToday', { date: date(entry.promisedBy) })}` : ''}
          </Text>
        )}
        <Text size="sm">{entry.report ? t('howReport') : entry.online ? t('howOnline') : t('inPerson')}</Text>
        {entry.materials.length > 0 && (
          <details>
            <summary>{t('materials', { count: entry.materials.length })}</summary>
            <ul style={{ margin: '0.25rem 0 0', paddingLeft: '1.25rem' }}>
              {entry.materials.map((material) => (
                <li key={material.key}>
                  <Text size="sm" span>
                    {localize(material.title, language)}
                    {material.required ? '' : ` ${t('optional')}`}
                  </Text>
                </li>
              ))}
            </ul>
          </details>
        )}
        {entry.legalBasis.length > 0 && (
          <details>
            <summary>{t('legalBasis')}</summary>
            <ul style={{ margin: '0.25rem 0 0', paddingLeft: '1.25rem' }}>
              {entry.legalBasis.map((basis) => (
                <li key={basis['zh-CN']}>
                  <Text size="sm" span>
                    {basis[language]}
                  </Text>
                </li>
              ))}
            </ul>
          </details>
        )}
      </Stack>
    </Card>
  );
}
