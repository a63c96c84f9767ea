import type { TongbanApiError } from '@tongban/client';
import { phoneProblem } from '../phone/phone-number.js';

/** The phone sign-in form's two fields. */
export type PhoneField = 'phone' | 'code';

/** A problem with what was typed, as a key of the sign-in catalog's `phone.problems` and its values. */
export interface FieldProblem {
  key: string;
  values?: Record<string, number>;
}

/** What is wrong with the typed number (digits only), before asking the server. */
export function phoneFieldProblem(digits: string): FieldProblem | undefined {
  if (digits === '') return { key: 'phone.problems.phoneMissing' };
  const problem = phoneProblem(digits);
  if (problem === 'phone-length')
    return { key: 'phone.problems.phoneLength', values: { count: digits.length } };
  if (problem === 'phone-prefix') return { key: 'phone.problems.phonePrefix' };
  return undefined;
}

/** What is wrong with the typed code, before asking the server. */
export function codeFieldProblem(code: string, sent: boolean): FieldProblem | undefined {
  if (!sent && code === '') return { key: 'phone.problems.codeNotSent' };
  if (code === '') return { key: 'phone.problems.codeMissing' };
  if (!/^[0-9]{6}$/.test(code)) return { key: 'phone.problems.codeFormat' };
  return undefined;
}

/** A typed code as the server takes it: full-width digits (a Chinese input method) made ASCII, the rest dropped. */
export const normalizeCode = (text: string): string => text.normalize('NFKC').replace(/\D/g, '').slice(0, 6);

/**
 * Where the runtime's refusal goes: to the fields its details name (`/body/phone`, `/body/code`), and a
 * refusal that names none (too many codes, too many attempts, no network) to the field of the step that
 * was refused: the number when asking for a code, the code when signing in. Always next to a field.
 */
export function refusalByField(
  error: TongbanApiError,
  step: PhoneField,
): Partial<Record<PhoneField, string>> {
  const named: Partial<Record<PhoneField, string>> = {};
  for (const detail of error.details) {
    const field = detail.path.replace(/^\/body\//, '');
    if (field === 'phone' || field === 'code') named[field] ??= detail.message;
  }
  if (Object.keys(named).length === 0) named[step] = error.message;
  return named;
}

/** Seconds left until `until` (ms since the epoch), never below zero. */
export const secondsUntil = (until: number, now: number): number =>
  Math.max(0, Math.ceil((until - now) / 1000));
