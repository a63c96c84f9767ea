import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { TextInput } from '@mantine/core';
import { useLayoutEffect, useRef, useState, type ChangeEvent } from 'react';
import { useT } from '../../i18n/index.js';
import { fieldProps } from '../controls/field-props.js';
import { phoneNamespace } from './namespace.js';
import { useTypedValue } from './use-typed-value.js';
import {
  caretAfterDigits,
  digitsBefore,
  formatPhoneNumber,
  normalizePhoneNumber,
  phoneProblem,
} from './phone-number.js';

/**
 * A mainland mobile number: a telephone keypad on phones, shown 3-4-4 for reading, stored as digits.
 * The caret stays after the digit just typed although spaces come and go around it.
 */
function PhoneControl(props: ControlProps): React.JSX.Element | null {
  const { data, handleChange, path, visible, errors, description } = props;
  const t = useT(phoneNamespace);
  const [touched, setTouched] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const caretDigits = useRef<number | undefined>(undefined);

  const [digits, setDigits] = useTypedValue(typeof data === 'string' ? data : '', (next) =>
    handleChange(path, next === '' ? undefined : next),
  );
  const formatted = formatPhoneNumber(digits);

  useLayoutEffect(() => {
    const element = input.current;
    if (caretDigits.current === undefined || !element || document.activeElement !== element) return;
    const caret = caretAfterDigits(formatted, caretDigits.current);
    element.setSelectionRange(caret, caret);
    caretDigits.current = undefined;
  });

  if (!visible) return null;

  const problem = digits === '' ? undefined : phoneProblem(digits);
  const localError = problem ? t(problem, { count: digits.length }) : undefined;
  const shownError = localError && (touched || errors) ? localError : errors || undefined;

  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const typed = event.currentTarget.value;
    caretDigits.current = digitsBefore(typed, event.currentTarget.selectionStart ?? typed.length);
    setDigits(normalizePhoneNumber(typed));
  };

  return (
    <TextInput
      ref={input}
      {...fieldProps(props)}
      value={formatted}
      onChange={onChange}
      onBlur={() => setTouched(true)}
      error={shownError}
      description={description ?? t('hint')}
      type="tel"
      inputMode="tel"
      autoComplete="tel-national"
      maxLength={20}
    />
  );
}

export const PhoneRenderer = withJsonFormsControlProps(PhoneControl);
