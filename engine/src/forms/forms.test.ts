import { describe, expect, it } from 'vitest';
import {
  formDataShapeProblems,
  maskPointers,
  readsSensitive,
  sensitivePointers,
  sensitiveValues,
} from './index.js';

const household = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    idNumber: { type: 'string', 'x-sensitive': true },
    applicant: {
      type: 'object',
      properties: { name: { type: 'string' }, idNumber: { type: 'string', 'x-sensitive': true } },
    },
    children: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, idNumber: { $ref: '#/definitions/idNumber' } },
      },
    },
    health: { type: 'object', 'x-sensitive': true, properties: { diagnosis: { type: 'string' } } },
  },
  definitions: { idNumber: { type: 'string', 'x-sensitive': true } },
};

describe('sensitive fields at every depth', () => {
  it('should name sensitive places at the top, inside objects, inside array items and behind a $ref', () => {
    expect(sensitivePointers(household).sort()).toEqual(
      ['/applicant/idNumber', '/children/*/idNumber', '/health', '/idNumber'].sort(),
    );
  });

  it('should find sensitive places declared in a conditional branch (a bundle section)', () => {
    const combined = {
      type: 'object',
      properties: { wants: { type: 'boolean' } },
      allOf: [
        {
          if: { properties: { wants: { const: true } } },
          then: { properties: { card: { type: 'object', properties: { pin: { 'x-sensitive': true } } } } },
        },
      ],
    };
    expect(sensitivePointers(combined)).toEqual(['/card/pin']);
  });

  it('should stop on a recursive $ref instead of looping', () => {
    const recursive = {
      type: 'object',
      properties: { secret: { 'x-sensitive': true }, child: { $ref: '#' } },
    };
    expect(sensitivePointers(recursive)).toContain('/secret');
  });

  it('should mask every concrete place and leave the original data untouched', () => {
    // given
    const data = {
      name: '张三',
      idNumber: '110101199003071234',
      applicant: { name: '李四', idNumber: '110101198001011234' },
      children: [{ name: 'a', idNumber: '110101201501011234' }, { name: 'b' }],
      health: { diagnosis: 'diabetes' },
    };
    // when
    const places = sensitiveValues(data, sensitivePointers(household));
    const masked = maskPointers(
      data,
      places.map((place) => place.pointer),
      () => '***',
    );
    // then
    expect(masked.masked.sort()).toEqual(
      ['/applicant/idNumber', '/children/0/idNumber', '/health', '/idNumber'].sort(),
    );
    expect(masked.data).toEqual({
      name: '张三',
      idNumber: '***',
      applicant: { name: '李四', idNumber: '***' },
      children: [{ name: 'a', idNumber: '***' }, { name: 'b' }],
      health: '***',
    });
    expect(data.applicant.idNumber).toBe('110101198001011234');
  });

  it('should say whether reading a variable can carry sensitive data out', () => {
    const patterns = sensitivePointers(household);
    expect(readsSensitive(patterns, ['name'])).toBeUndefined();
    expect(readsSensitive(patterns, ['applicant', 'name'])).toBeUndefined();
    expect(readsSensitive(patterns, ['applicant', 'idNumber'])).toBe('/applicant/idNumber');
    expect(readsSensitive(patterns, ['applicant'])).toBe('/applicant/idNumber');
    expect(readsSensitive(patterns, ['children', '0', 'idNumber'])).toBe('/children/*/idNumber');
    expect(readsSensitive(patterns, ['health', 'diagnosis'])).toBe('/health');
    expect(readsSensitive(patterns, [])).toBeDefined();
  });
});

describe('data a form did not ask for', () => {
  it('should name properties the form never declared, at every depth', () => {
    const problems = formDataShapeProblems(household, {
      name: 'x',
      padding: 'x'.repeat(10),
      applicant: { name: 'y', extra: 1 },
      children: [{ name: 'a', nickname: 'b' }],
    });
    expect(problems.undeclared).toEqual(['/padding', '/applicant/extra', '/children/0/nickname']);
    expect(problems.nonFinite).toEqual([]);
  });

  it('should accept what a conditional branch declares and what additionalProperties opens', () => {
    const schema = {
      type: 'object',
      properties: { wants: { type: 'boolean' }, tags: { type: 'object', additionalProperties: true } },
      allOf: [{ if: { properties: { wants: { const: true } } }, then: { properties: { card: {} } } }],
    };
    expect(formDataShapeProblems(schema, { wants: true, card: 'x', tags: { any: 1 } }).undeclared).toEqual(
      [],
    );
  });

  it('should name numbers that do not survive storage', () => {
    const schema = { type: 'object', properties: { amount: { type: 'number' }, list: { type: 'array' } } };
    const problems = formDataShapeProblems(schema, { amount: Infinity, list: [1, -Infinity] });
    expect(problems.nonFinite).toEqual(['/amount', '/list/1']);
  });
});
