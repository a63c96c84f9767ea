import { Anchor, Button, Group, Text } from '@mantine/core';
import { useT } from '../../i18n/index.js';
import { LanguageSwitch } from './language-switch.js';
import { LargeTextSwitch } from './large-text.js';
import { shellNamespace } from './namespace.js';
import { useSession } from './session.js';

export type AppName = 'portal' | 'workbench' | 'designer';

export interface AppHeaderProps {
  app: AppName;
  /** Shown to a visitor nobody is signed in as; the app decides where signing in happens. */
  onSignIn?: () => void;
}

/** The product and the app, the language switch, who is signed in and signing out. */
export function AppHeader({ app, onSignIn }: AppHeaderProps) {
  const t = useT(shellNamespace);
  const { user, signOut } = useSession();
  const appTitle = t(`apps.${app}`);
  return (
    <Group h="100%" px={{ base: 'xs', xs: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
      {/* the product's name is never cut: the app's name gives way first (hidden on a phone) */}
      <Anchor href={`/${app}/`} underline="never" c="inherit" style={{ minWidth: 0, flexShrink: 0 }}>
        <Group gap="xs" wrap="nowrap">
          <Text fw={700} size="lg" span style={{ whiteSpace: 'nowrap' }}>
            {t('productName')}
          </Text>
          {/* on a phone the header keeps room for the language switch and the account's button */}
          <Text size="md" span truncate visibleFrom="xs">
            {appTitle}
          </Text>
        </Group>
      </Anchor>
      <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
        <LargeTextSwitch />
        <LanguageSwitch />
        {user ? (
          <>
            <Text size="sm" visibleFrom="sm" span>
              {t('signedInAs', { name: user.displayName })}
            </Text>
            <Button variant="default" px="sm" onClick={() => void signOut()}>
              {t('signOut')}
            </Button>
          </>
        ) : user === null && onSignIn ? (
          <Button px="sm" onClick={onSignIn}>
            {t('signIn')}
          </Button>
        ) : null}
      </Group>
    </Group>
  );
}
