import {
  isControl,
  isObjectArrayControl,
  isObjectControl,
  rankWith,
  type ControlElement,
  type ControlProps,
  type RankedTester,
} from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useLanguage, useT } from '../../i18n/index.js';
import { pathToPointer } from '../../form/paths.js';
import { addressTester } from '../address/address.tester.js';
import { fileUploadTester } from '../file-upload/file-upload.tester.js';
import { formatValue, maskText } from './format-value.js';
import { readonlyNamespace } from './namespace.js';
import { useReadonlySettings } from './readonly-context.js';

/**
 * One answer for reading: its label and its value as words, "Not answered" when empty. A sensitive
 * value the viewer has not revealed is shown masked, with a "show" button that asks the app for it
 * (the runtime records every such read).
 */
function ValueControl(props: ControlProps) {
  const { data, label, schema, uischema, path, visible } = props;
  const t = useT(readonlyNamespace);
  const language = useLanguage();
  const { sensitive, revealed, onReveal } = useReadonlySettings();
  const [asking, setAsking] = useState(false);
  if (!visible) return null;
  const pointer = pathToPointer(path);
  const text = formatValue(data, schema, language, {
    yes: t('yes'),
    no: t('no'),
    separator: t('listSeparator'),
  });
  const hidden = sensitive.has(pointer) && !revealed.has(pointer) && text !== undefined;
  const reveal = async () => {
    if (!onReveal) return;
    setAsking(true);
    try {
      await onReveal(pointer);
    } finally {
      setAsking(false);
    }
  };
  return (
    <Stack gap={2} data-readonly-field={pointer}>
      <Text fw={600} size="sm" c="dimmed" component="div">
        {label || (uischema as ControlElement).scope}
      </Text>
      {text === undefined ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : hidden ? (
        <Group gap="sm" wrap="wrap">
          <Text style={{ fontVariantNumeric: 'tabular-nums', letterSpacing: '0.05em' }}>
            {maskText(text)}
            <VisuallyHidden>{` (${t('masked')})`}</VisuallyHidden>
          </Text>
          {onReveal && (
            <Button
              variant="light"
              size="compact-md"
              loading={asking}
              onClick={() => void reveal()}
              aria-label={t('showField', { label })}
              title={t('recorded')}
            >
              {t('show')}
            </Button>
          )}
        </Group>
      ) : (
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</Text>
      )}
    </Stack>
  );
}

/**
 * Every field with one value to read (above every control of the editing set, the special ones
 * included); objects stay groups and lists of objects stay cards, with their fields read the same way.
 */
export const valueControlTester: RankedTester = (uischema, schema, context) => {
  if (!isControl(uischema)) return -1;
  if (addressTester(uischema, schema, context) > 0 || fileUploadTester(uischema, schema, context) > 0)
    return 100;
  if (isObjectControl(uischema, schema, context) || isObjectArrayControl(uischema, schema, context))
    return -1;
  return rankWith(100, () => true)(uischema, schema, context);
};

export const ValueControlRenderer = withJsonFormsControlProps(ValueControl);
