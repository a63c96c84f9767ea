import {
  isDateControl,
  isDateTimeControl,
  isTimeControl,
  or,
  rankWith,
  type ControlProps,
} from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { fieldProps } from './field-props.js';

type Kind = 'date' | 'time' | 'date-time';

function kindOf(props: ControlProps): Kind {
  const format = props.uischema.options?.format ?? props.schema.format;
  return format === 'time' || format === 'date-time' ? format : 'date';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The value a native input shows for a stored one: dates as they are; times to the minute
 * (`13:37:00` -> `13:37`); a date-time with a zone in the person's own time (the input has none).
 */
export function toInputValue(kind: Kind, value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  if (kind === 'date') return value.slice(0, 10);
  if (kind === 'time') return value.slice(0, 5);
  if (/(Z|[+-]\d\d:?\d\d)$/i.test(value)) {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime()))
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  }
  return value.slice(0, 16);
}

/** What is stored for what a native input gives: times with seconds (JSON Schema's `time` needs them). */
export function fromInputValue(kind: Kind, typed: string): string | undefined {
  if (typed === '') return undefined;
  if (kind === 'date') return typed;
  if (kind === 'time') return typed.length === 5 ? `${typed}:00` : typed;
  return typed.length === 16 ? `${typed}:00` : typed;
}

const inputTypes: Record<Kind, string> = { date: 'date', time: 'time', 'date-time': 'datetime-local' };

/**
 * A date, a time or both, in the browser's own pickers: a phone shows its wheel or calendar, a
 * keyboard types the parts, a screen reader announces them, and nothing extra is downloaded.
 */
function DateTimeControl(props: ControlProps) {
  const { data, handleChange, path, visible } = props;
  if (!visible) return null;
  const kind = kindOf(props);
  const onChange = (event: ChangeEvent<HTMLInputElement>) =>
    handleChange(path, fromInputValue(kind, event.currentTarget.value));
  return (
    <TextInput
      {...fieldProps(props)}
      type={inputTypes[kind]}
      value={toInputValue(kind, data)}
      onChange={onChange}
    />
  );
}

export const dateTimeControlTester = rankWith(4, or(isDateControl, isTimeControl, isDateTimeControl));
export const DateTimeControlRenderer = withJsonFormsControlProps(DateTimeControl);
