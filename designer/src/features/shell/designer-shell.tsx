import { Suspense, type ReactNode } from 'react';
import { AppShell, Group, Loader, Text } from '@mantine/core';
import { useT } from '@tongban/ui';
import { AppLink } from '../navigation/index.js';
import { LanguageSwitch } from './language-switch.js';
import { designerNamespace } from './locales.js';

/** The designer's frame: its name and main links, the language switch, and the page. */
export function DesignerShell({ children }: { children: ReactNode }) {
  const t = useT(designerNamespace);
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <Group
          component="nav"
          aria-label={t('appName')}
          h="100%"
          px="md"
          justify="space-between"
          wrap="nowrap"
        >
          <Group gap="lg" wrap="nowrap">
            <Text fw={700} component="span" style={{ whiteSpace: 'nowrap' }}>
              {t('appName')}
            </Text>
            {/* on a phone the pages link back to the gallery themselves */}
            <AppLink to="/gallery" visibleFrom="xs" style={{ whiteSpace: 'nowrap' }}>
              {t('gallery')}
            </AppLink>
          </Group>
          <LanguageSwitch />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Suspense fallback={<Loader />}>{children}</Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
