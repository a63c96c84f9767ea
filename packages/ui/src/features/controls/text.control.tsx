import { isStringControl, rankWith, type ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { Textarea, TextInput } from '@mantine/core';
import type { ChangeEvent, CSSProperties, FormEvent } from 'react';
import { fieldProps } from './field-props.js';
import { autoCompleteOf } from './autocomplete.js';

const minRows = 3;
const maxRows = 12;

/**
 * Whether the browser sizes a textarea to its text itself (CSS `field-sizing: content`: Chromium,
 * Safari 26). Mantine's `autosize` measures every textarea in a layout effect instead (a hidden
 * copy, `getComputedStyle`, a forced layout each): a third of the time a 100-field form took to show.
 */
const sizesItself = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

/** 3 to 12 lines tall, growing with the text; `lh` is the textarea's own line height. */
const multiLineStyle = {
  fieldSizing: 'content',
  minHeight: `calc(${minRows}lh + var(--input-padding-y, 0px) * 2 + 2px)`,
  maxHeight: `calc(${maxRows}lh + var(--input-padding-y, 0px) * 2 + 2px)`,
} as CSSProperties;
const multiLineStyles = { input: multiLineStyle };

/**
 * Where the browser cannot size it (older Firefox and Safari), the textarea grows as the person
 * types, measured then and only then: never while the form renders.
 */
function growAsTyped(event: FormEvent<HTMLTextAreaElement>) {
  const area = event.currentTarget;
  area.style.height = 'auto';
  const limit = parseFloat(getComputedStyle(area).maxHeight);
  const wanted = area.scrollHeight + area.offsetHeight - area.clientHeight;
  area.style.height = `${Number.isFinite(limit) ? Math.min(wanted, limit) : wanted}px`;
}

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
  if (uischema.options?.multi === true)
    return (
      <Textarea
        {...common}
        rows={minRows}
        styles={multiLineStyles}
        {...(sizesItself ? {} : { onInput: growAsTyped })}
      />
    );
  return <TextInput {...common} autoComplete={autoCompleteOf(schema)} />;
}

export const textControlTester = rankWith(1, isStringControl);
export const TextControlRenderer = withJsonFormsControlProps(TextControl);
