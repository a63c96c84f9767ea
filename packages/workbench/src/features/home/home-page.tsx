import { Stack, Text, Title } from '@mantine/core';
import { registerCatalog, useSession, useT } from '@tongban/ui';
import { homeCatalog } from './locales.js';

const namespace = 'workbenchHome';
registerCatalog(namespace, homeCatalog);

/** The workbench's first page once signed in (the inbox comes with the workbench issue). */
export function HomePage() {
  const t = useT(namespace);
  const { user } = useSession();
  if (!user) return null;
  const roles = user.roles.map((role) => t(`role.${role}`, { defaultValue: role })).join(t('listSeparator'));
  return (
    <Stack maw="60rem" mx="auto" gap="sm">
      <Title order={1}>{t('greeting', { name: user.displayName })}</Title>
      <Text>{t('lead')}</Text>
      {roles ? <Text>{t('roles', { roles })}</Text> : null}
    </Stack>
  );
}
