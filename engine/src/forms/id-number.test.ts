import { describe, expect, it } from 'vitest';
import { createFormAjv } from './form-ajv.js';
import {
  checkIdNumber,
  idNumberCheckCharacter,
  isIdNumber,
  normalizeIdNumber,
  readIdNumberStart,
} from './index.js';

// The two examples printed in GB 11643-1999 itself, and numbers of the same shape made with its
// check character: a woman born in Beijing's Chaoyang district, a man born in Shantou.
const standardWoman = '11010519491231002X';
const standardMan = '440524188001010014';

describe('Chinese resident ID numbers (GB 11643-1999)', () => {
  it('should compute the check character of the standard examples, X standing for 10', () => {
    expect(idNumberCheckCharacter(standardWoman.slice(0, 17))).toBe('X');
    expect(idNumberCheckCharacter(standardMan.slice(0, 17))).toBe('4');
  });

  it('should read the birth date and the sex a valid number carries', () => {
    expect(checkIdNumber(standardWoman)).toEqual({
      valid: true,
      reading: { regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
    expect(checkIdNumber(standardMan)).toEqual({
      valid: true,
      reading: { regionCode: '440524', birthDate: '1880-01-01', sex: 'male' },
    });
  });

  it('should say the last character is wrong, and still read the rest, when only the check fails', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({
      valid: false,
      problem: 'id-number-check-character',
      reading: { regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('should name the first thing wrong: length, characters, region, birth date', () => {
    expect(checkIdNumber('11010519491231002')).toMatchObject({ problem: 'id-number-length' });
    expect(checkIdNumber('1101051949123100XX')).toMatchObject({ problem: 'id-number-characters' });
    expect(checkIdNumber('99010519491231002X')).toMatchObject({ problem: 'id-number-region' });
    // 30 February, and a birth year before 1850
    expect(checkIdNumber(`11010520010230002${idNumberCheckCharacter('11010520010230002')}`)).toMatchObject({
      problem: 'id-number-birth-date',
    });
    expect(checkIdNumber(`11010518491231002${idNumberCheckCharacter('11010518491231002')}`)).toMatchObject({
      problem: 'id-number-birth-date',
    });
  });

  it('should take 29 February only in a leap year, and refuse a birth date after today when told today', () => {
    const leap = `11010520000229001${idNumberCheckCharacter('11010520000229001')}`;
    const notLeap = `11010519000229001${idNumberCheckCharacter('11010519000229001')}`;
    expect(checkIdNumber(leap).valid).toBe(true);
    expect(checkIdNumber(notLeap)).toMatchObject({ problem: 'id-number-birth-date' });
    expect(checkIdNumber(leap, '2000-02-28')).toMatchObject({ problem: 'id-number-birth-date' });
    expect(checkIdNumber(leap, '2026-12-02').valid).toBe(true);
  });

  it('should tell the birth date from 14 characters typed and the sex from 17, before the number is whole', () => {
    expect(readIdNumberStart('1101051949123')).toEqual({});
    expect(readIdNumberStart('11010519491231')).toEqual({ birthDate: '1949-12-31' });
    expect(readIdNumberStart('1101051949123100')).toEqual({ birthDate: '1949-12-31' });
    expect(readIdNumberStart('11010519491231002')).toEqual({ birthDate: '1949-12-31', sex: 'female' });
    expect(readIdNumberStart('11010519491331')).toEqual({});
  });

  it('should take a number typed with spaces, a lower-case x or full-width digits once normalized', () => {
    expect(normalizeIdNumber(' 110105 19491231 002x ')).toBe(standardWoman);
    expect(isIdNumber(normalizeIdNumber('110105-19491231-002x'))).toBe(true);
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe(standardWoman);
  });

  it('should give forms a format "id-number" that checks the check character on the server too', () => {
    const validate = createFormAjv().compile({
      type: 'object',
      properties: { idNumber: { type: 'string', format: 'id-number' } },
    });
    expect(validate({ idNumber: standardWoman })).toBe(true);
    expect(validate({ idNumber: '110105194912310021' })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ keyword: 'format', params: { format: 'id-number' } });
  });
});
