import type { ControlProps } from '@jsonforms/core';
import type { ReactNode } from 'react';

/** What every Mantine input of ours takes from JSON Forms' control props. */
export interface FieldProps {
  id: string;
  label: string;
  description?: ReactNode;
  error?: ReactNode;
  withAsterisk: boolean;
  'aria-required'?: boolean;
  disabled: boolean;
}

/**
 * The label, hint, required mark and error of a control, the same way for every kind of input:
 * the label is always shown (a placeholder is no label), the error in plain words under it. The
 * required mark is Mantine's asterisk plus `aria-required`, not the HTML `required` attribute, so that
 * the browser's own bubbles never speak over ours.
 */
export function fieldProps(props: ControlProps): FieldProps {
  const { id, label, description, errors, required = false, enabled } = props;
  return {
    id: inputId(id),
    label,
    description: description || undefined,
    error: errors ? <span style={{ whiteSpace: 'pre-line' }}>{errors}</span> : undefined,
    withAsterisk: required,
    'aria-required': required || undefined,
    disabled: !enabled,
  };
}

/** The DOM id of a control's input, from JSON Forms' id for the control (unique in the form). */
export const inputId = (controlId: string): string => `${controlId}-input`;
