import type { ReactNode } from 'react';
import { Alert, AppShell, Button, Center, Loader, Stack } from '@mantine/core';
import { TongbanProvider } from '../../theme/index.js';
import { useT } from '../../i18n/index.js';
import { AppHeader, type AppName } from './app-header.js';
import { LargeTextContext, useLargeTextChoice } from './large-text.js';
import { shellNamespace } from './namespace.js';
import { SessionProvider, useSession } from './session.js';

export interface TongbanAppProps {
  app: AppName;
  /** The base text size in px: 18 for residents, 16 for staff. */
  baseFontSize?: number;
  /** What a visitor nobody is signed in as sees instead of the app (the sign-in form), or undefined. */
  signedOut?: ReactNode;
  /** Offered in the header to a visitor of an app that does not require signing in. */
  onSignIn?: () => void;
  /** Offers the larger-text switch in the header (the residents' portal). */
  largeTextSwitch?: boolean;
  children: ReactNode;
}

/**
 * An app of Tongban: theme, i18n, the shared session and the header; the page below it is the app's.
 * With `signedOut`, the page shows only to someone signed in.
 */
export function TongbanApp({
  app,
  baseFontSize,
  signedOut,
  onSignIn,
  largeTextSwitch = false,
  children,
}: TongbanAppProps) {
  const largeText = useLargeTextChoice();
  return (
    <TongbanProvider
      {...(baseFontSize === undefined ? {} : { baseFontSize })}
      largeText={largeTextSwitch && largeText.on}
    >
      <LargeTextContext.Provider value={largeTextSwitch ? largeText : null}>
        <SessionProvider>
          <AppShell header={{ height: '4rem' }} padding="md">
            <AppShell.Header>
              <AppHeader app={app} {...(onSignIn ? { onSignIn } : {})} />
            </AppShell.Header>
            <AppShell.Main>
              <Gate signedOut={signedOut}>{children}</Gate>
            </AppShell.Main>
          </AppShell>
        </SessionProvider>
      </LargeTextContext.Provider>
    </TongbanProvider>
  );
}

function Gate({ signedOut, children }: { signedOut: ReactNode; children: ReactNode }) {
  const t = useT(shellNamespace);
  const { user, failure, refresh } = useSession();
  if (failure)
    return (
      <Stack maw="40rem" mx="auto">
        <Alert color="red" role="alert" title={t('loadFailed')}>
          {failure.message}
        </Alert>
        <Button variant="default" onClick={() => void refresh()} w="fit-content">
          {t('retry')}
        </Button>
      </Stack>
    );
  if (signedOut === undefined) return children;
  if (user === undefined)
    return (
      <Center mih="12rem" role="status" aria-label={t('loading')}>
        <Loader />
      </Center>
    );
  return user ? children : signedOut;
}
