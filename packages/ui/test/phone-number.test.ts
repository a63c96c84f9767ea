import { describe, expect, it } from 'vitest';
import {
  caretAfterDigits,
  digitsBefore,
  formatPhoneNumber,
  normalizePhoneNumber,
  phoneProblem,
} from '../src/features/phone/phone-number.js';

describe('mainland mobile numbers', () => {
  it('should keep only the digits of what was typed or pasted, full-width ones included', () => {
    expect(normalizePhoneNumber('138 0013 8000')).toBe('13800138000');
    expect(normalizePhoneNumber('138-0013-8000')).toBe('13800138000');
    expect(normalizePhoneNumber('(138) 0013 8000')).toBe('13800138000');
    expect(normalizePhoneNumber('１３８００１３８０００')).toBe('13800138000');
  });

  it('should drop the country code in front of an 11-digit number', () => {
    expect(normalizePhoneNumber('+86 138 0013 8000')).toBe('13800138000');
    expect(normalizePhoneNumber('0086 13800138000')).toBe('13800138000');
    expect(normalizePhoneNumber('8613800138000')).toBe('13800138000');
  });

  it('should stop at 11 digits', () => {
    expect(normalizePhoneNumber('138001380001')).toBe('13800138000');
  });

  it('should show a number 3-4-4 for reading, as far as it has been typed', () => {
    expect(formatPhoneNumber('13800138000')).toBe('138 0013 8000');
    expect(formatPhoneNumber('1380013')).toBe('138 0013');
    expect(formatPhoneNumber('1380')).toBe('138 0');
    expect(formatPhoneNumber('13')).toBe('13');
    expect(formatPhoneNumber('')).toBe('');
  });

  it('should say what is wrong: the length, or a number that does not start 13 to 19', () => {
    expect(phoneProblem('13800138000')).toBeUndefined();
    expect(phoneProblem('19912345678')).toBeUndefined();
    expect(phoneProblem('1380013800')).toBe('phone-length');
    expect(phoneProblem('12800138000')).toBe('phone-prefix');
    expect(phoneProblem('02584321234')).toBe('phone-prefix');
  });

  it('should keep the caret after the digit just typed when spaces are put in', () => {
    // the person typed the 4th digit at the end of "138": the field now reads "138 0"
    expect(digitsBefore('1380', 4)).toBe(4);
    expect(caretAfterDigits('138 0', 4)).toBe(5);
    // a digit typed in the middle of "138 0013 8000", after "138 0"
    expect(digitsBefore('138 05013 8000', 6)).toBe(5);
    expect(caretAfterDigits('138 0501 3800', 5)).toBe(6);
    expect(caretAfterDigits('138 0', 0)).toBe(0);
  });
});
