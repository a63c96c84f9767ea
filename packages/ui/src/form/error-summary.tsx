import { Anchor, Box, List, Text, Title } from '@mantine/core';
import { useId, type Ref } from 'react';
import { useLanguage, useT } from '../i18n/index.js';
import type { FieldMessage } from './messages.js';
import { formNamespace } from './namespace.js';

export interface ErrorSummaryProps {
  messages: readonly FieldMessage[];
  /** Moves focus to the field a message is about; false when it is not on the page. */
  onSelect(path: string): boolean;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The list at the top of a form of what needs changing (GOV.UK's error summary): focusable, so that
 * the form can move focus to it on submit, each entry a link that takes the person to the field.
 */
export function ErrorSummary({ messages, onSelect, ref }: ErrorSummaryProps) {
  const t = useT(formNamespace);
  const language = useLanguage();
  const titleId = useId();
  if (messages.length === 0) return null;
  return (
    <Box
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      p="md"
      mb="lg"
      style={{
        border: '0.25rem solid var(--mantine-color-error)',
        borderRadius: 'var(--mantine-radius-sm)',
      }}
    >
      <Title order={2} size="h3" id={titleId}>
        {t('summary.title')}
      </Title>
      <Text mb="xs">
        {messages.length === 1 ? t('summary.one') : t('summary.other', { count: messages.length })}
      </Text>
      <List spacing="xs">
        {messages.map((message, index) => (
          <List.Item key={`${message.path}:${index}`}>
            <Anchor
              href={`#${message.path}`}
              c="var(--mantine-color-error)"
              fw={600}
              underline="always"
              onClick={(event) => {
                if (onSelect(message.path)) event.preventDefault();
              }}
            >
              {message.message[language]}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Box>
  );
}
