import { isIntegerControl, isNumberControl, or, rankWith, type ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { TextInput } from '@mantine/core';
import { useEffect, useState, type ChangeEvent } from 'react';
import { fieldProps } from './field-props.js';

const show = (value: unknown): string =>
  typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';

/** A number as typed: full-width digits and a comma for a decimal point read too. */
export function readNumber(text: string): number | undefined {
  const normalized = text.normalize('NFKC').trim().replace(/,/g, '.').replace(/\s+/g, '');
  if (normalized === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalized)) return undefined;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A number or a whole number, typed in a text field with the phone's number keyboard (no spinner to
 * slip on, no value changed by the mouse wheel). What is typed stays as typed while it is not yet a
 * number ("1."), and is written as text then, so the person is told it must be a number, as the
 * server would say.
 */
function NumberControl(props: ControlProps) {
  const { data, handleChange, path, visible, schema } = props;
  const [text, setText] = useState(show(data));
  // follow the data when it changes from outside (a draft restored, a value filled in)
  useEffect(() => {
    setText((typed) => (readNumber(typed) === data || typed === data ? typed : show(data)));
  }, [data]);
  if (!visible) return null;
  const integer = schema.type === 'integer';
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const typed = event.currentTarget.value;
    setText(typed);
    const value = readNumber(typed);
    handleChange(path, typed.trim() === '' ? undefined : (value ?? typed));
  };
  return (
    <TextInput
      {...fieldProps(props)}
      value={text}
      onChange={onChange}
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
    />
  );
}

export const numberControlTester = rankWith(2, or(isNumberControl, isIntegerControl));
export const NumberControlRenderer = withJsonFormsControlProps(NumberControl);
