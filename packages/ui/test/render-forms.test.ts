import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { i18n, setLanguage, TongbanForm, TongbanProvider, type Language } from '../src/index.js';

interface LibraryForm {
  key: string;
  schema: JsonSchema;
  uischema: UISchemaElement;
}

const formsDir = join(import.meta.dirname, '../../../definitions/forms');
const forms = readdirSync(formsDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(formsDir, name), 'utf8')) as LibraryForm);
const seniorCard = forms.find((form) => form.key === 'senior-card')!;

function render(form: LibraryForm, data: unknown = {}): string {
  return renderToString(
    createElement(
      TongbanProvider,
      null,
      createElement(TongbanForm, { schema: form.schema, uischema: form.uischema, data }),
    ),
  );
}

async function inLanguage(language: Language, run: () => void): Promise<void> {
  await setLanguage(language);
  run();
}

afterAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('the library’s forms rendered with Tongban’s renderer set', () => {
  for (const form of forms) {
    it(`should render every field of ${form.key}, with no renderer missing`, () => {
      const html = render(form);
      expect(html).not.toContain('No applicable renderer');
      expect(html).toContain('data-field-path=');
    });
  }

  it('should label the fields in Chinese by default and in English when switched', async () => {
    await inLanguage('zh-CN', () => {
      const html = render(seniorCard);
      expect(html).toContain('>姓名<');
      expect(html).toContain('>申请人<');
      expect(html).not.toContain('>Name<');
    });
    await inLanguage('en', () => {
      const html = render(seniorCard);
      expect(html).toContain('>Name<');
      expect(html).toContain('>Applicant<');
      expect(html).not.toContain('姓名');
    });
  });

  it('should mark required fields and open without a single error shown', async () => {
    await inLanguage('zh-CN', () => {
      const html = render(seniorCard);
      expect(html).toContain('aria-required="true"');
      expect(html).not.toContain('aria-invalid="true"');
      expect(html).not.toContain('role="alert"');
    });
  });

  it('should offer a few choices as radios and many as a select', async () => {
    await inLanguage('en', () => {
      const grid = forms.find((form) => form.key === 'grid-report')!;
      const html = render(grid);
      // urgency has 3 choices: radios; the event type has more than 5: the platform's select
      expect(html).toMatch(/type="radio"[^>]*value="0"/);
      expect(html).toContain('<select');
    });
  });

  it('should put an error the server found on the field it names, and in the summary', async () => {
    await inLanguage('zh-CN', () => {
      // given the server refusing an ID number that was already used (the browser cannot know)
      const html = renderToString(
        createElement(
          TongbanProvider,
          null,
          createElement(TongbanForm, {
            schema: seniorCard.schema,
            uischema: seniorCard.uischema,
            data: { idNumber: '11010519491231002X' },
            serverErrors: [
              {
                path: '/body/data/idNumber',
                message: { 'zh-CN': '该身份证号已申请过', en: 'Already applied' },
              },
            ],
            serverErrorPrefix: '/body/data',
          }),
        ),
      );
      // then it is said under the ID number field, and listed at the top with a link to it
      const field = html.slice(
        html.indexOf('data-field-path="idNumber"'),
        html.indexOf('data-field-path="birthDate"'),
      );
      expect(field).toContain('该身份证号已申请过');
      expect(html.indexOf('role="alert"')).toBeLessThan(html.indexOf('data-field-path="idNumber"'));
      expect(html).toContain('href="#idNumber"');
      // and nothing the person has not touched yet is shown as wrong
      expect(html).not.toContain('请填写“姓名”');
    });
  });

  it('should show the answers it is given', async () => {
    await inLanguage('zh-CN', () => {
      const html = render(seniorCard, {
        applicantName: '王秀英',
        birthDate: '1950-03-09',
        wantsBusCard: true,
      });
      expect(html).toContain('value="王秀英"');
      expect(html).toContain('value="1950-03-09"');
      expect(html).toMatch(/type="checkbox"[^>]*checked=""/);
    });
  });
});
