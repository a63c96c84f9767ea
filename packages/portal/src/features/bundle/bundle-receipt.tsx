import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { AppLink, localize, useLanguage, useLoaded, useT } from '@tongban/ui';
import { loadLeadDepartments } from '../services/services.api.js';
import type { BundleApplication } from './bundle.api.js';
import { useDates } from '../dates/use-dates.js';
import { ReceiptFacts, ReceiptSent } from '../apply/receipt-parts.js';

const namespace = 'portalApply';

/** The receipt of a whole life event: the application number, and each department with what it does next and by when. */
export function BundleReceipt({ application }: { application: BundleApplication }) {
  const t = useT(namespace);
  const language = useLanguage();
  const { day: date } = useDates();
  const items = application.items.filter((item) => item.status !== 'skipped');
  // a matter that starts after another has no department working on it yet: its lead says who will
  const leads = useLoaded(() => loadLeadDepartments(), []);
  const leadOf = (matter: string) => {
    const name = leads.state === 'done' ? leads.value.get(matter) : undefined;
    return name ? [localize(name, language) ?? matter] : [];
  };
  return (
    <Stack maw="60rem" mx="auto" gap="md">
      <ReceiptSent lead={t('bundleReceiptLead', { count: items.length })} />
      <ReceiptFacts id={application.id} openedAt={application.openedAt} />
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
