import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { Button, FileButton, Group, Input, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useLanguage, useT } from '../../i18n/index.js';
import { isAttachmentReference, type AttachmentReference } from './attachment-reference.js';
import { FileRow, type UploadEntry } from './file-row.js';
import {
  acceptAttribute,
  acceptedNames,
  fileProblem,
  fileRulesOf,
  formatFileSize,
  typeOfFile,
} from './file-rules.js';
import { fileUploadNamespace } from './namespace.js';
import { UploadError, useUploader } from './uploader.js';

function refusalKey(error: unknown): string {
  if (error instanceof UploadError && error.status === 415) return 'upload-refused-type';
  if (error instanceof UploadError && error.status === 413) return 'upload-refused-size';
  return 'upload-failed';
}

let nextKey = 0;

/**
 * Several files, each checked for type and size before a byte is sent, then uploaded with its
 * progress shown, an image previewed, and a way to cancel, retry or remove it. The field's value is
 * the list of references to what the runtime stored.
 */
function FileUploadControl(props: ControlProps): React.JSX.Element | null {
  const {
    data,
    handleChange,
    path,
    id,
    label,
    required,
    enabled,
    visible,
    errors,
    schema,
    uischema,
    description,
  } = props;
  const t = useT(fileUploadNamespace);
  const language = useLanguage();
  const uploader = useUploader();
  const rules = fileRulesOf(schema, uischema);
  const stored: AttachmentReference[] = Array.isArray(data) ? data.filter(isAttachmentReference) : [];
  // the newest list, for uploads that finish between two renders
  const latest = useRef(stored);
  latest.current = stored;
  const [pending, setPending] = useState<UploadEntry[]>([]);
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [refusals, setRefusals] = useState<string[]>([]);
  const previewUrls = useRef<string[]>([]);

  useEffect(
    () => () => {
      for (const url of previewUrls.current) URL.revokeObjectURL(url);
    },
    [],
  );

  if (!visible) return null;

  const write = (next: AttachmentReference[]): void => {
    latest.current = next;
    handleChange(path, next.length > 0 ? next : undefined);
  };

  const preview = (file: File): string | undefined => {
    if (!typeOfFile(file).startsWith('image/')) return undefined;
    const url = URL.createObjectURL(file);
    previewUrls.current.push(url);
    return url;
  };

  const start = (entry: UploadEntry): void => {
    const controller = new AbortController();
    const running: UploadEntry = { ...entry, progress: 0, failure: undefined, controller };
    setPending((list) => [...list.filter((item) => item.key !== entry.key), running]);
    uploader
      .send(
        entry.file,
        (progress) =>
          setPending((list) => list.map((item) => (item.key === entry.key ? { ...item, progress } : item))),
        controller.signal,
      )
      .then(
        (reference) => {
          setPending((list) => list.filter((item) => item.key !== entry.key));
          if (entry.previewUrl)
            setPreviews((known) => ({ ...known, [reference.id]: entry.previewUrl ?? '' }));
          write([...latest.current, reference]);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setPending((list) =>
            list.map((item) =>
              item.key === entry.key
                ? { ...item, controller: undefined, failure: t(refusalKey(error)) }
                : item,
            ),
          );
        },
      );
  };

  const choose = (files: File[]): void => {
    const said: string[] = [];
    let room = rules.maxFiles === undefined ? Infinity : rules.maxFiles - stored.length - pending.length;
    const types = acceptedNames(rules, t('separator'));
    for (const file of files) {
      const problem = fileProblem(file, rules);
      if (problem) {
        said.push(
          t(problem, {
            name: file.name,
            types,
            size: formatFileSize(file.size, language),
            max: formatFileSize(rules.maxSize, language),
          }),
        );
      } else if (room <= 0) {
        said.push(t('too-many', { name: file.name, count: rules.maxFiles }));
      } else {
        room -= 1;
        nextKey += 1;
        start({ key: `upload-${nextKey}`, file, progress: 0, previewUrl: preview(file) });
      }
    }
    setRefusals(said);
  };

  const cancel = (entry: UploadEntry): void => {
    entry.controller?.abort();
    setPending((list) => list.filter((item) => item.key !== entry.key));
  };

  const hint =
    rules.maxFiles === undefined
      ? t('hint', {
          types: acceptedNames(rules, t('separator')),
          size: formatFileSize(rules.maxSize, language),
        })
      : t('hintMax', {
          types: acceptedNames(rules, t('separator')),
          size: formatFileSize(rules.maxSize, language),
          count: rules.maxFiles,
        });
  const full = rules.maxFiles !== undefined && stored.length + pending.length >= rules.maxFiles;
  // the form decides when its problems show (the field left, or Continue pressed)
  const shownError = pending.length === 0 ? errors || undefined : undefined;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  return (
    <Input.Wrapper
      id={id}
      label={label}
      required={required}
      description={description ? `${description} ${hint}` : hint}
      error={shownError}
      labelElement="div"
      labelProps={{ id: `${id}-label` }}
      descriptionProps={{ id: hintId }}
      errorProps={{ id: errorId }}
    >
      <Stack gap="sm" mt="xs" role="group" aria-labelledby={`${id}-label`}>
        {stored.length + pending.length > 0 && (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {stored.map((reference) => (
              <FileRow
                key={reference.id}
                name={reference.name}
                type={reference.type}
                size={formatFileSize(reference.size, language)}
                previewUrl={previews[reference.id]}
                enabled={enabled}
                onRemove={() => {
                  write(latest.current.filter((item) => item.id !== reference.id));
                  uploader.discard?.(reference);
                }}
              />
            ))}
            {pending.map((entry) => (
              <FileRow
                key={entry.key}
                name={entry.file.name}
                type={typeOfFile(entry.file)}
                size={formatFileSize(entry.file.size, language)}
                previewUrl={entry.previewUrl}
                enabled={enabled}
                entry={entry}
                onRemove={() => cancel(entry)}
                onRetry={() => start(entry)}
              />
            ))}
          </Stack>
        )}
        {refusals.length > 0 && (
          <Stack gap={4} aria-live="polite">
            {refusals.map((refusal) => (
              <Text key={refusal} c="var(--mantine-color-error)" size="sm">
                {refusal}
              </Text>
            ))}
          </Stack>
        )}
        {!full && (
          <Group>
            <FileButton onChange={choose} accept={acceptAttribute(rules)} multiple disabled={!enabled}>
              {(buttonProps) => (
                <Button
                  {...buttonProps}
                  variant="default"
                  aria-describedby={shownError ? `${hintId} ${errorId}` : hintId}
                >
                  {stored.length + pending.length > 0 ? t('chooseMore') : t('choose')}
                </Button>
              )}
            </FileButton>
          </Group>
        )}
      </Stack>
    </Input.Wrapper>
  );
}

export const FileUploadRenderer = withJsonFormsControlProps(FileUploadControl);
