import { Stack, Text, Title } from '@mantine/core';
import { AppLink, localize, useLanguage, useT } from '@tongban/ui';
import type { StartedCase } from './apply.api.js';
import { ReceiptFacts, ReceiptSent } from './receipt-parts.js';

const namespace = 'portalApply';

/** What the resident keeps: the application number, when, by when, and who does what next. */
export function Receipt({ started }: { started: StartedCase }) {
  const t = useT(namespace);
  const language = useLanguage();
  const open = started.tasks.filter((task) => task.status === 'open' || task.status === 'waiting');
  return (
    <Stack maw="44rem" mx="auto" gap="md">
      <ReceiptSent lead={t('receiptLead')} />
      <Title order={2}>{localize(started.title, language)}</Title>
      <ReceiptFacts id={started.id} openedAt={started.openedAt} dueAt={started.dueAt} />
      {open.length > 0 && (
        <Stack gap="xs">
          <Title order={3}>{t('next')}</Title>
          <Stack component="ul" gap="xs" pl="md" m={0}>
            {open.map((task) => (
              <Text component="li" key={task.id}>
                {t('nextStep', {
                  department: localize(task.departmentName, language) ?? task.department,
                  task: localize(task.title, language),
                })}
              </Text>
            ))}
          </Stack>
        </Stack>
      )}
      <AppLink to={`/applications/case/${started.id}`}>{t('followIt')}</AppLink>
      <AppLink to="/">{t('backToCatalog')}</AppLink>
    </Stack>
  );
}
