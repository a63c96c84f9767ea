import { Alert, Stack, Text, Title } from '@mantine/core';
import { useT } from '@tongban/ui';
import { AppLink } from '@tongban/ui';
import { galleryNamespace } from './locales.js';
import { objectRootedExamples } from './examples.js';
import { LoadState } from './load-state.js';
import { PreviewFrames, type PreviewWidth } from './preview-frames.js';
import { useLoaded } from '@tongban/ui';

/** /designer/gallery/examples/<name>: one JSON Forms example with its own data. */
export default function ExamplePage({ name, width }: { name: string; width?: PreviewWidth }) {
  const t = useT(galleryNamespace);
  const loaded = useLoaded(
    async () => (await objectRootedExamples()).find((example) => example.name === name),
    [name],
  );
  return (
    <Stack gap="md">
      <AppLink to="/gallery/examples">{t('backToExamples')}</AppLink>
      <LoadState loaded={loaded}>
        {(example) =>
          example === undefined ? (
            <Alert color="yellow" role="alert">
              {t('exampleNotFound', { name })}
            </Alert>
          ) : (
            <>
              <Title order={1}>{example.label}</Title>
              <Text c="dimmed" size="sm">
                {example.name}
              </Text>
              <PreviewFrames
                key={example.name}
                schema={example.schema}
                {...(example.uischema ? { uischema: example.uischema } : {})}
                initialData={example.data}
                {...(width ? { initialWidth: width } : {})}
              />
            </>
          )
        }
      </LoadState>
    </Stack>
  );
}
