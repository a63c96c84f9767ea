import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { AppLink, localize, useLanguage, useLoaded, useT } from '@tongban/ui';
import { loadLeadDepartments } from '../services/services.api.js';
import type { BundleApplication } from './bundle.api.js';

const namespace = 'portalApply';

/** The receipt of a whole life event: the application number, and each department with what it does next and by when. */
export function BundleReceipt({ application }: { application: BundleApplication }) {
  const t = useT(namespace);
  const language = useLanguage();
  const date = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(iso));
  const items = application.items.filter((item) => item.status !== 'skipped');
  // a matter that starts after another has no department working on it yet: its lead says who will
  const leads = useLoaded(() => loadLeadDepartments(), []);
  const leadOf = (matter: string) => {
    const name = leads.state === 'done' ? leads.value.get(matter) : undefined;
    return name ? [localize(name, language) ?? matter] : [];
  };
  return (
    <Stack maw="60rem" mx="auto" gap="md">
      <Paper
        withBorder
        p="md"
        role="status"
        style={{ borderLeft: '0.5rem solid var(--mantine-color-green-8)' }}
      >
        <Title order={1} size="h2" mb="xs">
          {t('receiptTitle')}
        </Title>
        <Text>{t('bundleReceiptLead', { count: items.length })}</Text>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs" component="dl" m={0}>
          <Text component="dt" fw={700}>
            {t('number')}
          </Text>
          <Text
            component="dd"
            m={0}
            ff="monospace"
            data-testid="application-number"
            style={{ overflowWrap: 'anywhere' }}
          >
            {application.id}
          </Text>
          <Text component="dt" fw={700}>
            {t('submittedAt')}
          </Text>
          <Text component="dd" m={0}>
            {date(application.openedAt)}
          </Text>
        </Stack>
      </Paper>
      <Title order={2}>{t('next')}</Title>
      <SimpleGrid
        cols={{ base: 1, sm: Math.min(items.length, 3) }}
        component="ul"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
      >
        {items.map((item) => {
          const working = item.workingOn.map((on) => localize(on.name, language) ?? on.department);
          const departments = working.length > 0 ? working : leadOf(item.matter);
          return (
            <Paper component="li" withBorder p="md" key={item.matter} data-testid="receipt-department">
              <Stack gap={6}>
                <Title order={3} size="h4">
                  {departments.length > 0 ? departments.join('、') : t('waitingTurn')}
                </Title>
                <Text>{localize(item.title, language) ?? item.matter}</Text>
                <Text size="sm">
                  {item.caseId === null
                    ? t('startsAfterOthers')
                    : item.workingOn.length > 0
                      ? t('nowChecking')
                      : t('received')}
                </Text>
                {item.dueAt && <Text size="sm">{t('promisedBy', { date: date(item.dueAt) })}</Text>}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      <AppLink to={`/applications/${application.id}`}>{t('followIt')}</AppLink>
      <AppLink to="/">{t('backToCatalog')}</AppLink>
    </Stack>
  );
}
