import { createContext, useContext } from 'react';
import type { FieldMessage } from './messages.js';

/**
 * What a form knows about its problems, for the parts inside it (controls, the wizard): every
 * problem found now, the ones the person is shown, and the means to show more.
 */
export interface FormFeedback {
  /** Every problem now, shown or not (the wizard's Continue asks whether its step has any). */
  messages: readonly FieldMessage[];
  /** The problems the person sees now (touched or revealed fields, and the server's). */
  shown: readonly FieldMessage[];
  /** The person has left or changed the field at `path`: its problems may show from now on. */
  touch(path: string): void;
  /** Forgets what was touched inside `path` (a list whose items moved: the touches no longer fit). */
  forget(path: string): void;
  /** Show the problems of these fields and everything inside them ('' is the whole form). */
  reveal(paths: readonly string[]): void;
  /** Moves focus to the field at `path` (from the error summary); false when it is not on the page. */
  focusField(path: string): boolean;
}

const noFeedback: FormFeedback = {
  messages: [],
  shown: [],
  touch: () => undefined,
  forget: () => undefined,
  reveal: () => undefined,
  focusField: () => false,
};

export const FormFeedbackContext = createContext<FormFeedback>(noFeedback);

/**
 * Only `touch`, which never changes: every field's frame needs it, and reading it from here keeps
 * the frames from re-rendering each time the problems change.
 */
export const FieldTouchContext = createContext<(path: string) => void>(() => undefined);

/** A field's note, by its data path (`person.name`): said under the field, in the person's language. */
export type FieldNotes = Readonly<Record<string, string>>;
export const FieldNotesContext = createContext<FieldNotes>({});

/** The feedback of the TongbanForm around the caller. */
export function useFormFeedback(): FormFeedback {
  return useContext(FormFeedbackContext);
}

/** The attribute that marks a field's element with its data path, for focus and touch. */
export const fieldPathAttribute = 'data-field-path';

/** The first element a person can type in or press inside a field's element. */
export function focusableIn(element: Element): HTMLElement | undefined {
  const target = element.querySelector<HTMLElement>(
    'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])',
  );
  return target ?? undefined;
}
