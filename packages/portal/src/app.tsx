import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { ResidentSignIn, TongbanApp, useAppLocation } from '@tongban/ui';
import { CatalogPage } from './features/catalog/catalog-page.js';
import { reportPath } from './features/report/report-path.js';

// the form renderer set is its own chunk: the catalog opens without it
const ApplyPage = lazy(async () => ({ default: (await import('./features/apply/apply-page.js')).ApplyPage }));
const BundlePage = lazy(async () => ({
  default: (await import('./features/bundle/bundle-page.js')).BundlePage,
}));
const TrackerPage = lazy(async () => ({
  default: (await import('./features/track/tracker-page.js')).TrackerPage,
}));
const CaseTrackerPage = lazy(async () => ({
  default: (await import('./features/track/case-tracker-page.js')).CaseTrackerPage,
}));
const MyApplicationsPage = lazy(async () => ({
  default: (await import('./features/track/my-applications-page.js')).MyApplicationsPage,
}));
const ReportRoutes = lazy(() => import('./features/report/report-routes.js'));
const DevMailboxPage = lazy(async () => ({
  default: (await import('./features/dev-mailbox/dev-mailbox-page.js')).DevMailboxPage,
}));
const ResumePage = lazy(async () => ({
  default: (await import('./features/resume/resume-page.js')).ResumePage,
}));

/** The residents' app: the catalog and the applications are open to all; sending one needs a sign-in. */
export function App() {
  const [signingIn, setSigningIn] = useState(false);
  return (
    <TongbanApp
      app="portal"
      baseFontSize={18}
      largeTextSwitch
      onSignIn={signingIn ? undefined : () => setSigningIn(true)}
    >
      {signingIn ? (
        <ResidentSignIn onSignedIn={() => setSigningIn(false)} onCancel={() => setSigningIn(false)} />
      ) : (
        <Page onSignIn={() => setSigningIn(true)} />
      )}
    </TongbanApp>
  );
}

const segment = (path: string, pattern: RegExp) => {
  const found = pattern.exec(path)?.[1];
  return found === undefined ? undefined : decodeURIComponent(found);
};

function Page({ onSignIn }: { onSignIn(): void }) {
  const { path, search } = useAppLocation();
  const draftToken = search.get('draft') ?? undefined;
  const matter = segment(path, /^\/apply\/([^/]+)\/?$/);
  if (matter)
    return (
      <Lazy>
        <ApplyPage matter={matter} draftToken={draftToken} />
      </Lazy>
    );
  const bundle = segment(path, /^\/bundle\/([^/]+)\/?$/);
  if (bundle)
    return (
      <Lazy>
        <BundlePage bundle={bundle} draftToken={draftToken} />
      </Lazy>
    );
  const kase = segment(path, /^\/applications\/case\/([^/]+)\/?$/);
  if (kase)
    return (
      <Lazy>
        <CaseTrackerPage id={kase} />
      </Lazy>
    );
  const application = segment(path, /^\/applications\/([^/]+)\/?$/);
  if (application)
    return (
      <Lazy>
        <TrackerPage id={application} />
      </Lazy>
    );
  if (/^\/applications\/?$/.test(path))
    return (
      <Lazy>
        <MyApplicationsPage onSignIn={onSignIn} />
      </Lazy>
    );
  if (reportPath.test(path))
    return (
      <Lazy>
        <ReportRoutes path={path} />
      </Lazy>
    );
  if (/^\/dev\/mailbox\/?$/.test(path))
    return (
      <Lazy>
        <DevMailboxPage />
      </Lazy>
    );
  if (/^\/resume\/?$/.test(path))
    return (
      <Lazy>
        <ResumePage />
      </Lazy>
    );
  return <CatalogPage />;
}

function Lazy({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center mih="12rem">
          <Loader />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}
