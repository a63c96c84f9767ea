/**
 * Mainland mobile numbers: 11 digits starting 1[3-9]. Stored as digits only; shown 3-4-4
 * ("138 0013 8000") because that is how people read them out and check them.
 */

export type PhoneProblem = 'phone-length' | 'phone-prefix';

const mobileLength = 11;

/**
 * Digits only, from whatever was typed or pasted: full-width digits (a Chinese input method), spaces,
 * dashes and brackets, and the country code (+86, 0086, 86) in front of an 11-digit number.
 */
export function normalizePhoneNumber(text: string): string {
  let digits = text.normalize('NFKC').replace(/\D/g, '');
  if (digits.length > mobileLength) {
    const withoutCountry = digits.replace(/^(0086|86)/, '');
    if (withoutCountry.length <= mobileLength) digits = withoutCountry;
  }
  return digits.slice(0, mobileLength);
}

/** "13800138000" -> "138 0013 8000"; a shorter number is grouped as far as it goes. */
export function formatPhoneNumber(digits: string): string {
  return [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7, 11)].filter(Boolean).join(' ');
}

/** What is wrong with a number of digits, or undefined when it is a mainland mobile number. */
export function phoneProblem(digits: string): PhoneProblem | undefined {
  if (digits.length !== mobileLength) return 'phone-length';
  if (!/^1[3-9]/.test(digits)) return 'phone-prefix';
  return undefined;
}

/** How many digits stand before a caret position in a typed text. */
export function digitsBefore(text: string, caret: number): number {
  return normalizePhoneNumberLoose(text.slice(0, caret)).length;
}

/** The caret position in a formatted number just after its `count`-th digit. */
export function caretAfterDigits(formatted: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let index = 0; index < formatted.length; index += 1) {
    if (/\d/.test(formatted[index] ?? '')) seen += 1;
    if (seen === count) return index + 1;
  }
  return formatted.length;
}

function normalizePhoneNumberLoose(text: string): string {
  return text.normalize('NFKC').replace(/\D/g, '');
}
