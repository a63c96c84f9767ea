import { RE2JS } from 're2js';
import type { LocalizedText } from '../i18n/text.js';

/**
 * Form patterns (`pattern`, `patternProperties`) run on RE2 (re2js, pure JavaScript): time linear in
 * the answer, whatever the pattern. `^(a+)+$` on 32 characters held V8's backtracking engine for 14 s
 * (decision 0015). Patterns are written in JSON Schema's dialect (ECMA-262 with the `u` flag) and
 * translated to RE2's syntax with the same meaning; what RE2 cannot run in linear time (lookaround,
 * backreferences) or cannot express is refused by the definition checker, naming the pattern.
 */

/** What ajv needs of a regular expression (its `code.regExp` option). */
export interface FormRegExp {
  test(text: string): boolean;
  toString(): string;
}

/** A pattern that is not valid or cannot be checked in linear time, and why (in zh-CN and en). */
export class FormPatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: LocalizedText,
  ) {
    super(`pattern "${pattern}" cannot be checked: ${reason.en}`);
  }
}

const why = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** Longest pattern taken: a form's pattern checks a phone number or an id, not a document. */
export const maxPatternLength = 1000;

const cache = new Map<string, FormRegExp>();
const cacheSize = 2000;

/**
 * The regular expression of a form pattern, for ajv's `code.regExp` option (`flags` is ajv's, "u").
 * Throws FormPatternError for a pattern it cannot run. Compiled patterns are kept (a pure cache).
 */
export function formRegExp(pattern: string, flags = 'u'): FormRegExp {
  const key = `${flags}/${pattern}`;
  const known = cache.get(key);
  if (known) return known;
  const compiled = compile(pattern);
  if (cache.size >= cacheSize) cache.clear();
  cache.set(key, compiled);
  return compiled;
}
// ajv writes `regExp.code` into standalone code; the engine never generates standalone code
formRegExp.code = 'formRegExp';

/** Why a pattern cannot be a form's, or undefined when it can. */
export function formPatternProblem(pattern: string): LocalizedText | undefined {
  try {
    formRegExp(pattern);
    return undefined;
  } catch (error) {
    if (error instanceof FormPatternError) return error.reason;
    throw error;
  }
}

function compile(pattern: string): FormRegExp {
  if (pattern.length > maxPatternLength)
    throw new FormPatternError(
      pattern.slice(0, 40),
      why(`超过 ${maxPatternLength} 个字符`, `it is longer than ${maxPatternLength} characters`),
    );
  try {
    // JSON Schema's dialect first: what the browser's form would refuse is refused here too
    void new RegExp(pattern, 'u');
  } catch (error) {
    const message = (error as Error).message;
    throw new FormPatternError(
      pattern,
      why(`不是有效的正则表达式（${message}）`, `it is not a valid regular expression (${message})`),
    );
  }
  const translated = translate(pattern);
  try {
    const re = RE2JS.compile(translated);
    // ajv keys the patterns of a schema by their text: two patterns must never share one
    const text = `/${pattern}/u`;
    return { test: (answer: string) => re.test(answer), toString: () => text };
  } catch (error) {
    throw new FormPatternError(pattern, rephrase((error as Error).message));
  }
}

function rephrase(message: string): LocalizedText {
  if (message.includes('repeat count'))
    return why(
      '重复次数超过 1000（嵌套的重复次数相乘计算）',
      'a repetition count is larger than 1000 (nested counts multiply)',
    );
  if (message.includes('too large')) return why('表达式太大，无法检查', 'it is too large to be checked');
  return why(
    `线性时间的正则引擎无法执行它（${message}）`,
    `the linear-time engine cannot run it (${message})`,
  );
}

// ECMA-262's white space and line terminators: what `\s` means in a pattern (RE2's `\s` is ASCII only)
const spaceRanges: Array<[number, number]> = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const maxCodePoint = 0x10ffff;
const hex = (code: number) => `\\x{${code.toString(16)}}`;
const range = ([from, to]: [number, number]) => (from === to ? hex(from) : `${hex(from)}-${hex(to)}`);
const complement = (ranges: Array<[number, number]>): Array<[number, number]> => {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [from, to] of ranges) {
    if (from > next) out.push([next, from - 1]);
    next = to + 1;
  }
  if (next <= maxCodePoint) out.push([next, maxCodePoint]);
  return out;
};
const spaceClass = spaceRanges.map(range).join('');
const nonSpaceClass = complement(spaceRanges).map(range).join('');
// `.` without the `s` flag: anything but a line terminator
const dotClass = `[^${[0x0a, 0x0d, 0x2028, 0x2029].map(hex).join('')}]`;
const anyClass = `${hex(0)}-${hex(maxCodePoint)}`;

/** Long names of general categories that RE2 knows by their short name. */
const categoryNames: Record<string, string> = {
  Letter: 'L',
  Cased_Letter: 'LC',
  Uppercase_Letter: 'Lu',
  Lowercase_Letter: 'Ll',
  Titlecase_Letter: 'Lt',
  Modifier_Letter: 'Lm',
  Other_Letter: 'Lo',
  Mark: 'M',
  Number: 'N',
  Decimal_Number: 'Nd',
  digit: 'Nd',
  Letter_Number: 'Nl',
  Other_Number: 'No',
  Punctuation: 'P',
  punct: 'P',
  Symbol: 'S',
  Separator: 'Z',
  Space_Separator: 'Zs',
  Other: 'C',
  Control: 'Cc',
  cntrl: 'Cc',
};

/**
 * ECMA-262 (`u` flag) to RE2, one token at a time. The pattern already parsed as ECMA-262, so only
 * valid syntax arrives here. Captures become non-capturing groups: a form only asks whether a value
 * matches.
 */
function translate(pattern: string): string {
  let out = '';
  let i = 0;
  let inClass = false;
  const unsupported = (zh: string, en: string): never => {
    throw new FormPatternError(
      pattern,
      why(`线性时间的正则引擎不支持${zh}`, `the linear-time engine cannot run ${en}`),
    );
  };
  const readHex = (from: number, length: number): number =>
    Number.parseInt(pattern.slice(from, from + length), 16);

  /** Reads the escape at `i` (just after the backslash); returns RE2 text, inside or outside a class. */
  const escape = (): string => {
    const c = pattern[i] as string;
    i += 1;
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 't':
      case 'n':
      case 'r':
      case 'v':
      case 'f':
        return `\\${c}`;
      case 'b':
        return inClass ? hex(8) : '\\b';
      case 'B':
        return '\\B';
      case 's':
        return inClass ? spaceClass : `[${spaceClass}]`;
      case 'S':
        return inClass ? nonSpaceClass : `[${nonSpaceClass}]`;
      case 'c':
        i += 1;
        return hex((pattern.charCodeAt(i - 1) as number) % 32);
      case '0':
        return hex(0);
      case 'x':
        i += 2;
        return hex(readHex(i - 2, 2));
      case 'u': {
        if (pattern[i] === '{') {
          const end = pattern.indexOf('}', i);
          const code = Number.parseInt(pattern.slice(i + 1, end), 16);
          i = end + 1;
          return hex(code);
        }
        const unit = readHex(i, 4);
        i += 4;
        if (unit >= 0xd800 && unit <= 0xdbff && pattern.startsWith('\\u', i)) {
          const low = readHex(i + 2, 4);
          if (low >= 0xdc00 && low <= 0xdfff) {
            i += 6;
            return hex((unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
          }
        }
        if (unit >= 0xd800 && unit <= 0xdfff)
          return unsupported(
            `单独的代理项（\\u${unit.toString(16)}）`,
            `a lone surrogate (\\u${unit.toString(16)})`,
          );
        return hex(unit);
      }
      case 'p':
      case 'P': {
        const end = pattern.indexOf('}', i);
        const body = pattern.slice(i + 1, end);
        i = end + 1;
        // Script=Han and General_Category=Letter are RE2's Han and L; Script_Extensions has no equivalent
        const [name, value] = body.includes('=') ? (body.split('=') as [string, string]) : ['', body];
        if (name === 'Script_Extensions' || name === 'scx')
          return unsupported(`属性 \\${c}{${body}}`, `the property \\${c}{${body}}`);
        return `\\${c}{${categoryNames[value] ?? value}}`;
      }
      case 'k':
        return unsupported('反向引用（\\k<...>）', 'a backreference (\\k<...>)');
      default:
        if (c >= '1' && c <= '9') return unsupported(`反向引用（\\${c}）`, `a backreference (\\${c})`);
        // an escaped syntax character (or `-` inside a class) stands for itself
        return `\\${c}`;
    }
  };

  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (inClass) {
      if (c === ']') {
        inClass = false;
        out += ']';
        i += 1;
      } else if (c === '\\') {
        i += 1;
        out += escape();
      } else if (c === '[') {
        out += '\\[';
        i += 1;
      } else {
        out += c;
        i += 1;
      }
      continue;
    }
    switch (c) {
      case '\\':
        i += 1;
        out += escape();
        break;
      case '[':
        if (pattern.startsWith('[^]', i)) {
          out += `[${anyClass}]`;
          i += 3;
        } else if (pattern.startsWith('[]', i)) {
          out += `[^${anyClass}]`;
          i += 2;
        } else {
          inClass = true;
          out += '[';
          i += 1;
          if (pattern[i] === '^') {
            out += '^';
            i += 1;
          }
        }
        break;
      case '.':
        out += dotClass;
        i += 1;
        break;
      case '(':
        if (pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i))
          return unsupported('前瞻断言（(?= 或 (?!）', 'a lookahead ((?= or (?!)');
        if (pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i))
          return unsupported('后顾断言（(?<= 或 (?<!）', 'a lookbehind ((?<= or (?<!)');
        if (pattern.startsWith('(?<', i)) {
          i = pattern.indexOf('>', i) + 1;
          out += '(?:';
        } else if (pattern.startsWith('(?:', i)) {
          out += '(?:';
          i += 3;
        } else {
          out += '(?:';
          i += 1;
        }
        break;
      default:
        out += c;
        i += 1;
    }
  }
  return out;
}
