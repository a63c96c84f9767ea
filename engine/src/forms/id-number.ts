/**
 * Chinese resident identity numbers (GB 11643-1999): 6 digits of region (GB/T 2260), 8 of birth
 * date, 3 of sequence (odd for men, even for women) and a check character (ISO 7064 MOD 11-2,
 * `X` for 10). Pure: the browser shows what it reads as the person types, and the forms' `id-number`
 * format (form-ajv.ts) gives the server the very same verdict.
 */

/** What an identity number says about its holder. */
export interface IdNumberReading {
  /** the 6-digit region code the number was issued under (GB/T 2260; may since have been abolished) */
  readonly regionCode: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
}

/** Why a text is not an identity number, in the order the person would fix it. */
export type IdNumberProblem =
  | 'id-number-length'
  | 'id-number-characters'
  | 'id-number-region'
  | 'id-number-birth-date'
  | 'id-number-check-character';

export type IdNumberCheck =
  | { readonly valid: true; readonly reading: IdNumberReading }
  | {
      readonly valid: false;
      readonly problem: IdNumberProblem;
      /** what could still be read (birth date and sex), when the first 17 characters allow it */
      readonly reading?: IdNumberReading;
    };

const length = 18;
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkCharacters = '10X98765432';

/**
 * The first two digits of GB/T 2260: provinces, autonomous regions and municipalities, and 71, 81, 82
 * and 83 used in residence permits for residents of Taiwan, Hong Kong and Macao.
 */
const provinceCodes = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(
    ' ',
  ),
);

/** The oldest birth year taken: the standard's own example holder was born in 1880. */
const earliestBirthYear = 1850;

/** The check character the first 17 digits call for (ISO 7064 MOD 11-2). */
export function idNumberCheckCharacter(first17Digits: string): string {
  let sum = 0;
  for (let index = 0; index < weights.length; index += 1) {
    sum += Number(first17Digits[index]) * (weights[index] ?? 0);
  }
  return checkCharacters[sum % 11] ?? '';
}

/**
 * Turns full-width characters a Chinese input method types into plain ones (NFKC), upper-cases the
 * check character and drops the spaces and dashes a person types or pastes between groups, so
 * "11010519491231002x", "110105 19491231 002X" and "１１０１０５１９４９１２３１００２Ｘ" are one number.
 */
export function normalizeIdNumber(text: string): string {
  return text.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (daysInMonth[month - 1] ?? 0);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function readFirst17(digits: string): IdNumberReading | undefined {
  const year = Number(digits.slice(6, 10));
  const month = Number(digits.slice(10, 12));
  const day = Number(digits.slice(12, 14));
  if (year < earliestBirthYear || !isRealDate(year, month, day)) return undefined;
  return {
    regionCode: digits.slice(0, 6),
    birthDate: `${digits.slice(6, 10)}-${digits.slice(10, 12)}-${digits.slice(12, 14)}`,
    sex: Number(digits[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * What the characters typed so far already tell, before the number is whole: the birth date once the
 * first 14 are digits forming a real date, the sex once the 17th is typed. For showing as one types.
 */
export function readIdNumberStart(value: string): { birthDate?: string; sex?: 'male' | 'female' } {
  if (!/^[0-9]{14}/.test(value)) return {};
  const reading = readFirst17(`${value.slice(0, 14)}0000`);
  if (!reading) return {};
  const seventeenth = value[16];
  if (seventeenth === undefined || !/[0-9]/.test(seventeenth)) return { birthDate: reading.birthDate };
  return { birthDate: reading.birthDate, sex: Number(seventeenth) % 2 === 1 ? 'male' : 'female' };
}

/**
 * Checks a normalized identity number. `today` (YYYY-MM-DD), when given, also refuses a birth date
 * after it; the engine has no clock, so the forms' format checks the date is real and no older than
 * 1850, and the browser passes today's date.
 */
export function checkIdNumber(value: string, today?: string): IdNumberCheck {
  if (value.length !== length) return { valid: false, problem: 'id-number-length' };
  if (!/^[0-9]{17}[0-9X]$/.test(value)) return { valid: false, problem: 'id-number-characters' };
  if (!provinceCodes.has(value.slice(0, 2))) return { valid: false, problem: 'id-number-region' };
  const reading = readFirst17(value);
  if (!reading || (today !== undefined && reading.birthDate > today)) {
    return { valid: false, problem: 'id-number-birth-date' };
  }
  if (idNumberCheckCharacter(value) !== value[17]) {
    return { valid: false, problem: 'id-number-check-character', reading };
  }
  return { valid: true, reading };
}

/** The forms' `id-number` format: a well-formed number with a real birth date and its check character. */
export function isIdNumber(value: string): boolean {
  return checkIdNumber(value).valid;
}
