import { lazy, Suspense, useState } from 'react';
import { Box, Group, Loader, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { useT } from '@tongban/ui';
import { galleryNamespace } from './locales.js';

const FormPreview = lazy(() => import('./form-preview.js'));

export type PreviewWidth = 'phone' | 'desk' | 'both';

const frameWidths = { phone: 360, desk: 1280 } as const;

export interface PreviewFramesProps {
  schema: JsonSchema;
  uischema?: UISchemaElement;
  initialData: unknown;
  initialWidth?: PreviewWidth;
}

/**
 * The form at a phone's width (360 px), a desk's (1280 px) or both side by side, with the data shared by
 * the frames (what is typed in one shows in the other). The window's own width still decides the
 * renderers' breakpoints: the browser tests open the gallery at 360x740 and at 1280x800.
 */
export function PreviewFrames({ schema, uischema, initialData, initialWidth = 'desk' }: PreviewFramesProps) {
  const t = useT(galleryNamespace);
  const [width, setWidth] = useState<PreviewWidth>(initialWidth);
  const [data, setData] = useState<unknown>(initialData);
  const frames: Array<keyof typeof frameWidths> = width === 'both' ? ['phone', 'desk'] : [width];
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Text component="span" id="gallery-width-label" fw={500}>
          {t('width')}
        </Text>
        <SegmentedControl
          aria-labelledby="gallery-width-label"
          value={width}
          onChange={(value) => setWidth(value as PreviewWidth)}
          data={[
            { value: 'phone', label: t('widthPhone') },
            { value: 'desk', label: t('widthDesk') },
            { value: 'both', label: t('widthBoth') },
          ]}
        />
      </Group>
      <Group align="flex-start" gap="lg" wrap={width === 'both' ? 'nowrap' : 'wrap'}>
        {frames.map((frame) => (
          <Paper
            key={frame}
            component="section"
            aria-label={t(frame === 'phone' ? 'phoneFrame' : 'deskFrame')}
            withBorder
            p="md"
            w="100%"
            maw={frameWidths[frame]}
            style={{ flex: frame === 'phone' ? '0 0 auto' : '1 1 0', minWidth: 0 }}
          >
            <Suspense fallback={<Loader aria-label={t('loading')} />}>
              <Box data-testid="form-preview">
                <FormPreview
                  schema={schema}
                  {...(uischema ? { uischema } : {})}
                  data={data}
                  onChange={setData}
                />
              </Box>
            </Suspense>
          </Paper>
        ))}
      </Group>
    </Stack>
  );
}
