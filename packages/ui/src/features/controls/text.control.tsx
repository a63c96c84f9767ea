import { isStringControl, rankWith, type ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { Textarea, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { fieldProps } from './field-props.js';
import { autoCompleteOf } from './autocomplete.js';

/** Text, one line or several (`options.multi`); an emptied field is no answer, so "required" holds. */
function TextControl(props: ControlProps) {
  const { data, handleChange, path, visible, schema, uischema } = props;
  if (!visible) return null;
  const value = typeof data === 'string' ? data : data === undefined || data === null ? '' : String(data);
  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const text = event.currentTarget.value;
    handleChange(path, text === '' ? undefined : text);
  };
  const common = {
    ...fieldProps(props),
    value,
    onChange,
    maxLength: typeof schema.maxLength === 'number' ? schema.maxLength : undefined,
  };
  if (uischema.options?.multi === true) return <Textarea autosize minRows={3} maxRows={12} {...common} />;
  return <TextInput {...common} autoComplete={autoCompleteOf(schema)} />;
}

export const textControlTester = rankWith(1, isStringControl);
export const TextControlRenderer = withJsonFormsControlProps(TextControl);
