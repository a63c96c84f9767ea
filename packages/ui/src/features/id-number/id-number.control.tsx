import { checkIdNumber, normalizeIdNumber, readIdNumberStart, type IdNumberCheck } from '@tongban/engine';
import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { TextInput } from '@mantine/core';
import { useState, type ChangeEvent } from 'react';
import { useLanguage, useT } from '../../i18n/index.js';
import { fieldProps } from '../controls/field-props.js';
import { useTypedValue } from '../phone/use-typed-value.js';
import { idNumberNamespace } from './namespace.js';

/** The longest text kept while typing: 18 characters and the spaces a person may put between groups. */
const maxTypedLength = 21;

function localToday(): string {
  const now = new Date();
  const pad = (part: number): string => String(part).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A Chinese resident ID number: typed as the person likes (spaces, lower-case x, full-width digits),
 * stored normalized; the birth date and sex it carries are shown as soon as it is long enough, and
 * what is wrong is said in plain words once the person has left the field.
 */
function IdNumberControl(props: ControlProps): React.JSX.Element | null {
  const { data, handleChange, path, visible, errors, description } = props;
  const t = useT(idNumberNamespace);
  const language = useLanguage();
  const [touched, setTouched] = useState(false);
  const [value, setValue] = useTypedValue(typeof data === 'string' ? data : '', (next) =>
    handleChange(path, next === '' ? undefined : next),
  );
  if (!visible) return null;

  const check: IdNumberCheck | undefined = value === '' ? undefined : checkIdNumber(value, localToday());
  // what the number tells, whole or as far as it is typed (the birth date at 14, the sex at 17)
  const reading = check?.reading ?? readIdNumberStart(value);
  const localError = check && !check.valid ? t(check.problem, { count: value.length }) : undefined;
  // the form shows its problems once the field is left or Continue is pressed; the plain words of what
  // is wrong with the number (which a pattern-only form does not refuse) show from the field's leaving
  const shownError = localError && (touched || errors) ? localError : errors || undefined;

  const birthDate = reading.birthDate
    ? new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${reading.birthDate}T00:00:00Z`),
      )
    : undefined;
  const told = birthDate
    ? reading.sex
      ? t('reading', { birthDate, sex: t(reading.sex) })
      : t('readingDate', { birthDate })
    : undefined;

  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const normalized = normalizeIdNumber(event.currentTarget.value).slice(0, 18);
    setValue(normalized);
  };

  return (
    <TextInput
      {...fieldProps(props)}
      value={value}
      onChange={onChange}
      onBlur={() => setTouched(true)}
      error={shownError}
      description={<span aria-live="polite">{told ?? description ?? t('hint')}</span>}
      inputMode="text"
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      maxLength={maxTypedLength}
    />
  );
}

export const IdNumberRenderer = withJsonFormsControlProps(IdNumberControl);
