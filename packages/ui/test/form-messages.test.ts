import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getControlPath } from '@jsonforms/core';
import { createFormAjv, type JsonSchemaObject } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import {
  asFormErrors,
  checkMessages,
  serverMessages,
  visibleMessages,
  type Disclosure,
} from '../src/form/messages.js';
import { pathToPointer, pointerToPath } from '../src/form/paths.js';
import type { FormError } from '../src/form/types.js';

const seniorCard = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../definitions/forms/senior-card.json'), 'utf8'),
) as { schema: JsonSchemaObject };

function errorsOf(data: unknown): FormError[] {
  const validate = createFormAjv().compile(seniorCard.schema);
  return validate(data) ? [] : ((validate.errors ?? []) as FormError[]);
}

const nothing: Disclosure = { touched: new Set(), revealed: [] };

describe('what the person is told about an answer', () => {
  it('should name each missing field by its title, at its own path', () => {
    const messages = checkMessages(errorsOf({}), seniorCard.schema);
    const name = messages.find((message) => message.path === 'applicantName');
    expect(name?.message).toEqual({ 'zh-CN': '请填写“姓名”', en: '"Name" is required' });
    expect(messages.map((message) => message.path)).toEqual(
      expect.arrayContaining(['applicantName', 'idNumber', 'birthDate', 'phone', 'address']),
    );
  });

  it('should show nothing before the person has touched a field', () => {
    const checks = checkMessages(errorsOf({}), seniorCard.schema);
    expect(visibleMessages(checks, [], nothing, {})).toEqual([]);
  });

  it('should show a field’s problem once it was left, and only that field’s', () => {
    const checks = checkMessages(errorsOf({}), seniorCard.schema);
    const shown = visibleMessages(checks, [], { touched: new Set(['phone']), revealed: [] }, {});
    expect(shown.map((message) => message.path)).toEqual(['phone']);
  });

  it('should show every problem of a revealed part (Continue or submit)', () => {
    const checks = checkMessages(errorsOf({}), seniorCard.schema);
    expect(visibleMessages(checks, [], { touched: new Set(), revealed: [''] }, {})).toHaveLength(
      checks.length,
    );
    const step = visibleMessages(checks, [], { touched: new Set(), revealed: ['idNumber', 'phone'] }, {});
    expect(step.map((message) => message.path).sort()).toEqual(['idNumber', 'phone']);
  });

  it('should put the server’s problem on the field it names until that answer changes', () => {
    // given the server refusing an ID number the browser could not know was taken
    const [message] = serverMessages(
      [{ path: '/body/data/idNumber', message: { 'zh-CN': '该身份证号已申请过', en: 'already applied' } }],
      '/body/data',
    );
    expect(message?.path).toBe('idNumber');
    const data = { idNumber: '11010519491231002X' };
    const server = [{ ...message!, answered: data.idNumber }];
    // then it shows, untouched
    expect(visibleMessages([], server, nothing, data)).toHaveLength(1);
    // and goes once the person types another number
    expect(visibleMessages([], server, nothing, { idNumber: '110105194912310021' })).toHaveLength(0);
  });

  it('should leave out server details that are not about the form’s fields', () => {
    expect(serverMessages([{ path: '/query/cursor', message: 'bad cursor' }], '/body/data')).toEqual([]);
    expect(serverMessages([{ path: '/phone', message: 'taken' }])[0]?.message).toEqual({
      'zh-CN': 'taken',
      en: 'taken',
    });
  });

  it('should hand JSON Forms errors that land on the control with the same path', () => {
    const errors = asFormErrors([
      { path: 'children.1.name', message: { 'zh-CN': '请填写', en: 'required' }, source: 'check' },
    ]);
    expect(getControlPath(errors[0]!)).toBe('children.1.name');
  });

  it('should convert between JSON pointers and JSON Forms’ dotted paths', () => {
    expect(pointerToPath('/children/0/name')).toBe('children.0.name');
    expect(pathToPointer('children.0.name')).toBe('/children/0/name');
    expect(pointerToPath('/a~1b')).toBe('a/b');
    expect(pointerToPath('')).toBe('');
  });
});
