import { Stack, Text, Title } from '@mantine/core';
import { SignInForm, TongbanApp, useT } from '@tongban/ui';
import { galleryPage } from './features/gallery/index.js';
import { AppLink, useAppLocation } from '@tongban/ui';
import { designerNamespace } from './features/shell/locales.js';

/** The designer app: administrators only (signed out: the sign-in form), the page the path names. */
export function App() {
  const { path, search } = useAppLocation();
  return (
    <TongbanApp app="designer" signedOut={<SignInForm />}>
      {galleryPage(path, search) ?? <Home unknown={path !== '/'} />}
    </TongbanApp>
  );
}

function Home({ unknown }: { unknown: boolean }) {
  const t = useT(designerNamespace);
  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      {unknown && <Text role="alert">{t('notFound')}</Text>}
      <Text>{t('home')}</Text>
      <AppLink to="/gallery">{t('gallery')}</AppLink>
    </Stack>
  );
}
