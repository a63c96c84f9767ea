import { Stack, Text, Title } from '@mantine/core';
import { useT } from '@tongban/ui';
import { galleryPage } from './features/gallery/index.js';
import { AppLink, useAppLocation } from './features/navigation/index.js';
import { DesignerShell, designerNamespace } from './features/shell/index.js';

/** The designer app: its shell around the page the path names. */
export function App() {
  const { path, search } = useAppLocation();
  return <DesignerShell>{galleryPage(path, search) ?? <Home unknown={path !== '/'} />}</DesignerShell>;
}

function Home({ unknown }: { unknown: boolean }) {
  const t = useT(designerNamespace);
  return (
    <Stack gap="md">
      <Title order={1}>{t('appName')}</Title>
      {unknown && <Text role="alert">{t('notFound')}</Text>}
      <Text>{t('home')}</Text>
      <AppLink to="/gallery">{t('gallery')}</AppLink>
    </Stack>
  );
}
