import { describe, expect, it } from 'vitest';
import { formPatternProblem, formRegExp } from './form-regexp.js';

/** Patterns as forms write them, each with answers that must get V8's verdict from the linear engine. */
const samePatterns: Array<[string, string[]]> = [
  ['^1[0-9]{10}$', ['13800000000', '1380000000', '23800000000', '13800000000\n']],
  ['^[0-9]{17}[0-9X]$', ['11010519491231002X', '11010519491231002x', '110105194912310021']],
  ['^([01][0-9]|2[0-3]):[0-5][0-9]$', ['09:00', '24:00', '23:59']],
  ['^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$', ['91110105MA01ABCD1X', '91110105MA01ABCDIX']],
  ['^[\\u4e00-\\u9fa5]{2,20}$', ['张三', '张', 'Zhang San', '欧阳娜娜']],
  ['^[\u4e00-\u9fa5·]+$', ['买买提·艾力', 'abc']],
  ['^\\p{Script=Han}+$', ['张三', 'ab']],
  ['^\\p{L}+$', ['Zoë', '张三', 'a1']],
  ['^\\p{Lu}', ['Ab', 'ab']],
  ['^\\p{General_Category=Decimal_Number}+$', ['123', '12a']],
  ['\\s', ['a b', 'a\u3000b', 'a\u00a0b', 'a\u2028b', 'ab', 'a\u000bb']],
  ['^\\S+$', ['ab', 'a\u3000b', 'a b']],
  ['^[\\s\\S]*$', ['', 'anything\n at all']],
  ['^[^\\s]+$', ['ab', 'a\u3000b']],
  ['^.$', ['a', '\n', '\r', '\u2028', '😀', '\u0085']],
  ['^.{2}$', ['😀', '😀😀', 'ab']],
  ['^[^]$', ['\n', 'a', 'ab']],
  ['^[]', ['', 'a']],
  ['^\\u{1F600}$', ['😀', 'a']],
  ['^\\uD83D\\uDE00$', ['😀', 'a']],
  ['^[😀-😂]$', ['😁', 'a']],
  ['^\\x41\\u0042\\cJ$', ['AB\n', 'AB']],
  ['^a\\0b$', ['a\u0000b', 'ab']],
  ['\\bword\\b', ['a word here', 'swordfish']],
  ['^[\\b]$', ['\u0008', 'b']],
  ['^[a\\-z]+$', ['a-z', 'b']],
  ['^[[]+$', ['[[', ']']],
  ['^[\\[\\]]+$', ['[]', 'a']],
  ['^(?<year>[0-9]{4})-(?:[0-9]{2})$', ['2026-03', '26-03']],
  ['^a*?b+?c??$', ['aab', 'abc', 'ac']],
  ['^\\/path\\.\\*\\?\\+\\(\\)\\{\\}\\|\\^\\$$', ['/path.*?+(){}|^$']],
  ['^(a+)+$', ['aaaa', 'aaab']],
  ['^\\d+\\.\\d{1,2}$', ['12.34', '12.345', '１２.3']],
  ['^\\w+$', ['abc_1', 'é']],
  ['^\\W$', ['é', 'a']],
  ['^a{2,3}$', ['a', 'aa', 'aaa', 'aaaa']],
  ['^ab|cd$', ['abx', 'xcd', 'xx']],
  ['abc', ['xxabcxx', 'ab']],
];

describe('form patterns on a linear-time engine', () => {
  it.each(samePatterns)('should match %s as V8 does', (pattern, answers) => {
    const v8 = new RegExp(pattern, 'u');
    const linear = formRegExp(pattern, 'u');
    for (const answer of answers) expect(linear.test(answer), JSON.stringify(answer)).toBe(v8.test(answer));
  });

  it('should check ^(a+)+$ on a long answer in linear time', () => {
    const linear = formRegExp('^(a+)+$', 'u');
    expect(linear.test(`${'a'.repeat(32)}!`)).toBe(false);
    expect(linear.test(`${'a'.repeat(1_000_000)}!`)).toBe(false);
    expect(linear.test('a'.repeat(1_000_000))).toBe(true);
  });

  it.each([
    ['^(?=.*[0-9]).+$', 'lookahead'],
    ['^(?!admin).+$', 'lookahead'],
    ['(?<=a)b', 'lookbehind'],
    ['(?<!a)b', 'lookbehind'],
    ['^(a)\\1$', 'backreference'],
    ['^(?<x>a)\\k<x>$', 'backreference'],
    ['^a{1001}$', 'larger than 1000'],
    ['^(a{100}){100}$', 'larger than 1000'],
    ['^\\p{Script_Extensions=Han}$', 'Script_Extensions'],
    ['^\\p{ID_Start}$', 'cannot run'],
    ['a'.repeat(1001), 'longer than 1000'],
    ['^(a$', 'not a valid regular expression'],
    ['^\\-$', 'not a valid regular expression'],
  ])('should refuse %s, saying why', (pattern, why) => {
    expect(formPatternProblem(pattern)?.en).toContain(why);
    expect(() => formRegExp(pattern, 'u')).toThrow(why);
  });

  it('should take every pattern of the library', () => {
    for (const pattern of samePatterns.map(([pattern]) => pattern))
      expect(formPatternProblem(pattern), pattern).toBeUndefined();
  });
});
