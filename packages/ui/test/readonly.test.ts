import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import {
  formatValue,
  i18n,
  maskText,
  setLanguage,
  TongbanProvider,
  TongbanReadonlyForm,
} from '../src/index.js';

const seniorCard = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../definitions/forms/senior-card.json'), 'utf8'),
) as { schema: JsonSchema; uischema: UISchemaElement };

const answers = {
  applicantName: '王秀英',
  idNumber: '11010519491231002X',
  birthDate: '1949-12-31',
  phone: '13800138000',
  wantsBusCard: true,
};

function render(props: { revealed?: string[]; onReveal?: (pointer: string) => void }): string {
  return renderToString(
    createElement(
      TongbanProvider,
      null,
      createElement(TongbanReadonlyForm, {
        schema: seniorCard.schema,
        uischema: seniorCard.uischema,
        data: answers,
        ...props,
      }),
    ),
  );
}

afterAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('the read-only rendering for staff', () => {
  it('should show answers as words, not inputs', async () => {
    await setLanguage('zh-CN');
    const html = render({});
    expect(html).not.toContain('<input');
    expect(html).toContain('王秀英');
    expect(html).toContain('1949年12月31日');
    expect(html).toContain('>是<');
    expect(html).toContain('未填写');
  });

  it('should mask a sensitive answer and offer to show it', async () => {
    await setLanguage('en');
    const html = render({ onReveal: () => undefined });
    expect(html).not.toContain('11010519491231002X');
    expect(html).toContain('110***********002X');
    expect(html).toContain('aria-label="Show ID number"');
  });

  it('should show a revealed answer in full', async () => {
    await setLanguage('en');
    const html = render({ revealed: ['/idNumber'], onReveal: () => undefined });
    expect(html).toContain('11010519491231002X');
    expect(html).not.toContain('Show ID number');
  });
});

describe('values as words', () => {
  const words = { yes: 'Yes', no: 'No', separator: ', ' };
  it('should name a choice by its title and join a list', () => {
    const schema: JsonSchema = { oneOf: [{ const: 'a', title: '甲 / A' }] };
    expect(formatValue('a', schema, 'en', words)).toBe('A');
    expect(formatValue(['x', 'y'], { type: 'array', items: { type: 'string' } }, 'en', words)).toBe('x, y');
    expect(formatValue([], undefined, 'en', words)).toBeUndefined();
    expect(formatValue(undefined, { type: 'boolean' }, 'en', words)).toBe('No');
  });

  it('should mask as Chinese services print numbers', () => {
    expect(maskText('13800138000')).toBe('138****8000');
    expect(maskText('abc')).toBe('***');
  });
});
