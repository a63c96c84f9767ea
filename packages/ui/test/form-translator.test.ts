import { describe, expect, it } from 'vitest';
import { createErrorTranslator, createFormTranslator, localize } from '../src/form/translator.js';
import { asFormErrors } from '../src/form/messages.js';
import { createFormAjv } from '@tongban/engine';
import type { FormError } from '../src/form/types.js';

describe('the JSON Forms translator', () => {
  it('should take each language’s half of a "中文 / English" title', () => {
    expect(localize('姓名 / Name', 'zh-CN')).toBe('姓名');
    expect(localize('姓名 / Name', 'en')).toBe('Name');
  });

  it('should read localized objects, also when JSON Forms hands a layout label over as JSON text', () => {
    const label = { 'zh-CN': '申请人', en: 'Applicant' };
    expect(localize(label, 'en')).toBe('Applicant');
    expect(localize(JSON.stringify(label), 'zh-CN')).toBe('申请人');
  });

  it('should keep a title without a second language as it is, in both', () => {
    expect(localize('Name', 'zh-CN')).toBe('Name');
    expect(localize('', 'en')).toBeUndefined();
  });

  it('should give no translation for a key JSON Forms asks about without a default', () => {
    const t = createFormTranslator('en');
    expect(t('name.error.custom')).toBeUndefined();
    expect(t('name.label', '姓名 / Name')).toBe('Name');
  });

  it('should word the errors the form shows in the person’s language', () => {
    // given a message the form decided to show
    const [error] = asFormErrors([
      { path: 'name', message: { 'zh-CN': '请填写“姓名”', en: '"Name" is required' }, source: 'check' },
    ]);
    // then each language reads its own sentence
    expect(createErrorTranslator('zh-CN')(error as FormError, createFormTranslator('zh-CN'))).toBe(
      '请填写“姓名”',
    );
    expect(createErrorTranslator('en')(error as FormError, createFormTranslator('en'))).toBe(
      '"Name" is required',
    );
  });

  it('should word a plain ajv error as the server words it', () => {
    // given JSON Forms' own validation (outside TongbanForm) reporting a too-short name
    const schema = {
      type: 'object',
      properties: { name: { type: 'string', title: '姓名 / Name', minLength: 2 } },
    };
    const validate = createFormAjv().compile(schema);
    validate({ name: 'a' });
    const [error] = (validate.errors ?? []) as FormError[];
    // then the sentence is the engine's
    expect(createErrorTranslator('zh-CN')(error as FormError, createFormTranslator('zh-CN'))).toBe(
      '“姓名”至少需要 2 个字符',
    );
  });
});
