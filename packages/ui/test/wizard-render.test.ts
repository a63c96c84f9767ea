import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import seniorBusCard from '../../../definitions/forms/senior-bus-card.json' with { type: 'json' };
import {
  i18n,
  TongbanForm,
  TongbanProvider,
  WizardSettingsProvider,
  type WizardSettings,
} from '../src/index.js';

const schema = seniorBusCard.schema as JsonSchema;
const uischema = seniorBusCard.uischema as UISchemaElement;

function render(data: Record<string, unknown>, settings: WizardSettings = {}, readonly = false): string {
  return renderToString(
    createElement(
      TongbanProvider,
      null,
      createElement(WizardSettingsProvider, {
        ...settings,
        children: createElement(TongbanForm, { schema, uischema, data, readonly }),
      }),
    ),
  );
}

/** The page's level-2 headings, in order. */
const headings = (html: string): string[] =>
  [...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((match) => match[1] as string);

beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('the senior bus card form as a wizard', () => {
  it('opens at the first step, with only its questions and the step indicator', () => {
    const html = render({});
    expect(headings(html)).toEqual(['您的信息']);
    expect(html).toContain('第 1 步，共 4 步');
    expect(html).toContain('data-field-path="applicantName"');
    expect(html).not.toContain('data-field-path="phone"');
    expect(html).toContain('>继续<');
    // nothing to go back to on the first step
    expect(html).not.toContain('返回上一步');
  });

  it('opens at the step the app keeps (a restored draft), with the way back', () => {
    const html = render({ applicantName: '王秀英' }, { step: 2 });
    expect(headings(html)).toEqual(['办理与领取']);
    expect(html).toContain('第 3 步，共 4 步');
    expect(html).toContain('返回上一步');
    expect(html).toContain('data-field-path="delivery"');
  });

  it('opens a kept step that is hidden now at the next shown page: the review', () => {
    const html = render({ applicantName: '王秀英', delivery: 'counter' }, { step: 3 });
    expect(headings(html)).toEqual(['核对您填写的信息']);
    expect(html).toContain('第 4 步，共 4 步');
    expect(html).not.toContain('邮寄地址');
  });

  it('counts the postal address step once the card is posted', () => {
    const html = render({ delivery: 'mail' }, { initialStep: 3 });
    expect(headings(html)).toEqual(['邮寄地址']);
    expect(html).toContain('第 4 步，共 5 步');
  });

  it('offers the app’s submit on the review page only when the app gives one', () => {
    const data = { applicantName: '王秀英', delivery: 'counter' };
    expect(render(data, { step: 4 })).not.toContain('提交申请');
    expect(render(data, { step: 4, onSubmit: () => undefined })).toContain('>提交申请<');
    expect(render(data, { step: 4, onSubmit: () => undefined, submitLabel: '确认并提交' })).toContain(
      '>确认并提交<',
    );
  });

  it('shows every shown step at once when the form is read-only (staff)', () => {
    const html = render({ applicantName: '王秀英', delivery: 'counter' }, {}, true);
    expect(headings(html)).toEqual(['您的信息', '联系方式', '办理与领取']);
    expect(html).not.toContain('>继续<');
    expect(html).not.toContain('第 1 步');
  });
});
