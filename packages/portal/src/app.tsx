import { lazy, Suspense, useState } from 'react';
import { Center, Loader } from '@mantine/core';
import { SignInForm, TongbanApp, useAppLocation } from '@tongban/ui';
import { CatalogPage } from './features/catalog/catalog-page.js';

// the form renderer set is its own chunk: the catalog opens without it
const ApplyPage = lazy(async () => ({ default: (await import('./features/apply/apply-page.js')).ApplyPage }));

/** The residents' app: the catalog and the applications are open to all; sending one needs a sign-in. */
export function App() {
  const [signingIn, setSigningIn] = useState(false);
  return (
    <TongbanApp app="portal" baseFontSize={18} onSignIn={signingIn ? undefined : () => setSigningIn(true)}>
      {signingIn ? (
        <SignInForm onSignedIn={() => setSigningIn(false)} onCancel={() => setSigningIn(false)} />
      ) : (
        <Page />
      )}
    </TongbanApp>
  );
}

function Page() {
  const { path, search } = useAppLocation();
  const apply = /^\/apply\/([^/]+)\/?$/.exec(path);
  if (apply?.[1])
    return (
      <Suspense
        fallback={
          <Center mih="12rem">
            <Loader />
          </Center>
        }
      >
        <ApplyPage matter={decodeURIComponent(apply[1])} draftToken={search.get('draft') ?? undefined} />
      </Suspense>
    );
  return <CatalogPage />;
}
