import type { AuditKey } from '../audit/audit-key.js';

/**
 * A mainland mobile number: 11 digits starting 13 to 19, as the portal's phone control checks it
 * (packages/ui's `phoneProblem`). The API takes digits only; the browser strips spaces, +86 and
 * full-width digits before sending.
 */
export const mobilePhonePattern = '^1[3-9][0-9]{9}$';

export const mobilePhoneJson = {
  type: 'string',
  pattern: mobilePhonePattern,
  minLength: 11,
  maxLength: 11,
} as const;

/** Separates these hashes from every other use of the installation's key. */
const phonePurpose = 'tongban.phone.v1';

/**
 * The keyed hash a phone number is kept and looked up as (decision 0023): HMAC-SHA256 under the
 * installation's key, so a copy of the database alone cannot tell whose number it is (one could hash
 * every mobile number in an afternoon without the key).
 */
export const phoneKeyOf = (key: AuditKey, phone: string): string => key.mac([phonePurpose, phone]);

/** `13800138000` -> `138****8000`: what logs, the mailbox and a new account's display name show. */
export const maskPhone = (phone: string): string =>
  phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length);
