import { Button, Group, Image, Paper, Progress, Text, ThemeIcon } from '@mantine/core';
import { useT } from '../../i18n/index.js';
import { typeExtensions } from './file-rules.js';
import { fileUploadNamespace } from './namespace.js';

/** A file chosen and not yet stored: uploading (with its progress) or failed (with why). */
export interface UploadEntry {
  readonly key: string;
  readonly file: File;
  /** 0 to 1 */
  readonly progress: number;
  readonly previewUrl?: string;
  readonly failure?: string;
  readonly controller?: AbortController;
}

interface FileRowProps {
  name: string;
  type: string;
  size: string;
  previewUrl: string | undefined;
  enabled: boolean;
  /** absent for a stored file */
  entry?: UploadEntry;
  onRemove(): void;
  onRetry?(): void;
}

const previewSize = 56;

/** One file in the list: its preview or type, name and size, progress or failure, and its buttons. */
export function FileRow({ name, type, size, previewUrl, enabled, entry, onRemove, onRetry }: FileRowProps) {
  const t = useT(fileUploadNamespace);
  const uploading = entry !== undefined && entry.failure === undefined;
  const percent = Math.round((entry?.progress ?? 0) * 100);
  return (
    <Paper component="li" withBorder p="xs" radius="sm">
      <Group gap="sm" wrap="nowrap" align="center">
        {previewUrl ? (
          <Image
            src={previewUrl}
            alt={t('preview', { name })}
            w={previewSize}
            h={previewSize}
            fit="cover"
            radius="xs"
          />
        ) : (
          <ThemeIcon variant="light" size={previewSize} radius="xs" aria-hidden="true">
            <Text fw={700} size="xs">
              {(typeExtensions[type]?.[0] ?? '').toUpperCase() || '?'}
            </Text>
          </ThemeIcon>
        )}
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Text>
          <Text size="sm" c="dimmed">
            {size}
            {' · '}
            {entry?.failure ?? (uploading ? t('uploading', { percent }) : t('uploaded'))}
          </Text>
          {uploading && <Progress value={percent} mt={4} aria-label={t('progress', { name })} />}
        </div>
        <Group gap="xs" wrap="nowrap">
          {entry?.failure !== undefined && onRetry && (
            <Button
              variant="default"
              onClick={onRetry}
              aria-label={t('retryNamed', { name })}
              disabled={!enabled}
            >
              {t('retry')}
            </Button>
          )}
          <Button
            variant="subtle"
            color="red"
            onClick={onRemove}
            disabled={!enabled}
            aria-label={t(uploading ? 'cancelNamed' : 'removeNamed', { name })}
          >
            {t(uploading ? 'cancel' : 'remove')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
