import { describe, expect, it } from 'vitest';
import { createFormAjv } from './form-ajv.js';
import { describeAjvErrors, titleText } from './form-errors.js';

describe('the words for a form’s problems, shared by the server and the browser', () => {
  it('should read titles written "中文 / English", as localized objects, or in one language', () => {
    expect(titleText('姓名 / Name')).toEqual({ 'zh-CN': '姓名', en: 'Name' });
    expect(titleText({ 'zh-CN': '住址', en: 'Address' })).toEqual({ 'zh-CN': '住址', en: 'Address' });
    expect(titleText('Name')).toEqual({ 'zh-CN': 'Name', en: 'Name' });
    expect(titleText(undefined)).toBeUndefined();
  });

  it('should name the field by its title in both languages', () => {
    const schema = {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', title: '姓名 / Name' } },
    };
    const validate = createFormAjv().compile(schema);
    validate({});
    expect(describeAjvErrors(validate.errors ?? [], { schema })).toEqual([
      { path: '/name', message: { 'zh-CN': '请填写“姓名”', en: '"Name" is required' } },
    ]);
  });

  it('should use the caller’s Chinese for a keyword it does not word, and a plain sentence without one', () => {
    const schema = {
      type: 'object',
      properties: { list: { type: 'array', title: '列表 / List', contains: { const: 'x' } } },
    };
    const validate = createFormAjv().compile(schema);
    validate({ list: ['y'] });
    const errors = (validate.errors ?? []).filter((error) => error.keyword === 'contains');
    expect(describeAjvErrors(errors, {})[0]?.message['zh-CN']).toBe('“列表”的值不符合要求');
    expect(describeAjvErrors(errors, { chineseMessage: () => '应当包含一项' })[0]?.message['zh-CN']).toBe(
      '“列表”：应当包含一项',
    );
  });
});
