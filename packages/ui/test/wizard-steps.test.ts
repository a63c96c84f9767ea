import { describe, expect, it } from 'vitest';
import {
  Actions,
  coreReducer,
  createTranslator,
  type Categorization,
  type JsonSchema,
  type JsonSchema7,
  type Translator,
} from '@jsonforms/core';
import { createFormAjv, type JsonSchemaObject } from '@tongban/engine';
import seniorBusCard from '../../../definitions/forms/senior-bus-card.json' with { type: 'json' };
import {
  nextStep,
  previousStep,
  reachableStep,
  problemsOnFields,
  stepFields,
  stepOfPath,
  visibleStepIndexes,
  wizardSteps,
  type RuleContext,
} from '../src/features/wizard/steps.js';
import { reviewOf, type ReviewWords } from '../src/features/wizard/review.js';
import { maskText } from '../src/features/wizard/mask.js';
import { checkMessages } from '../src/form/messages.js';
import type { FormAjv } from '../src/form/types.js';

const schema = seniorBusCard.schema as JsonSchema;
const categorization = seniorBusCard.uischema as Categorization;
// the engine's one validator configuration, as TongbanForm gives it to JSON Forms
const ajv = createFormAjv() as unknown as FormAjv;
const steps = wizardSteps(categorization);
const context = (data: Record<string, unknown>): RuleContext => ({ data, path: '', ajv });
/** The problems TongbanForm finds in `data`: JSON Forms' errors worded by the engine, as the wizard gets them. */
const messagesOf = (data: Record<string, unknown>, formSchema = schema, uischema = categorization) =>
  checkMessages(
    coreReducer(undefined, Actions.init(data, formSchema, uischema, { ajv })).errors ?? [],
    formSchema as JsonSchemaObject,
  );

const english: ReviewWords = {
  notAnswered: 'Not answered',
  yes: 'Yes',
  no: 'No',
  hidden: 'Hidden',
  item: (position) => `Item ${position}`,
  step: (position) => `Step ${position}`,
  listSeparator: ', ',
};
// the form's own "中文 / English" titles, read in English as a translator might
const englishHalf: Translator = createTranslator((_id, fallback) => fallback?.split(' / ').at(-1));

describe('the steps of the senior bus card wizard', () => {
  it('has one step for each Category, in order', () => {
    expect(steps.map((step) => step.category.label)).toEqual([
      '您的信息 / About you',
      '联系方式 / How to reach you',
      '办理与领取 / Your card',
      '邮寄地址 / Postal address',
    ]);
    expect(steps.map((step) => step.index)).toEqual([0, 1, 2, 3]);
  });

  it('hides the postal address step unless the card is mailed', () => {
    expect(visibleStepIndexes(steps, context({ delivery: 'counter' }))).toEqual([0, 1, 2]);
    expect(visibleStepIndexes(steps, context({}))).toEqual([0, 1, 2]);
    expect(visibleStepIndexes(steps, context({ delivery: 'mail' }))).toEqual([0, 1, 2, 3]);
  });

  it('skips a hidden step going forward and back', () => {
    const visible = visibleStepIndexes(steps, context({ delivery: 'counter' }));
    // Continue on "your card" leads to the review page (index = number of steps), past the hidden step
    expect(nextStep(2, visible, steps.length)).toBe(4);
    // Back from the review page leads to "your card"
    expect(previousStep(4, visible)).toBe(2);
    expect(previousStep(0, visible)).toBeUndefined();
    const mailed = visibleStepIndexes(steps, context({ delivery: 'mail' }));
    expect(nextStep(2, mailed, steps.length)).toBe(3);
    expect(previousStep(4, mailed)).toBe(3);
  });

  it('opens a kept step where the person can still be: the next shown step when it is hidden now', () => {
    const visible = visibleStepIndexes(steps, context({ delivery: 'counter' }));
    expect(reachableStep(1, visible, steps.length)).toBe(1);
    expect(reachableStep(3, visible, steps.length)).toBe(4);
    expect(reachableStep(4, visible, steps.length)).toBe(4);
    expect(reachableStep(99, visible, steps.length)).toBe(4);
    expect(reachableStep(-1, visible, steps.length)).toBe(0);
  });

  it('gives each step its own fields', () => {
    const data = { delivery: 'mail' };
    expect(steps.map((step) => stepFields(step, context(data)).map((field) => field.path))).toEqual([
      ['applicantName', 'idNumber', 'birthDate'],
      ['phone'],
      ['cardType', 'delivery'],
      ['address'],
    ]);
  });

  it("blocks Continue only on the step's own problems", () => {
    const data = { phone: '12', cardType: 'new', delivery: 'counter' };
    const messages = messagesOf(data);
    const first = problemsOnFields(stepFields(steps[0]!, context(data)), messages);
    expect(first.map((message) => message.path)).toEqual(['applicantName', 'idNumber', 'birthDate']);
    expect(first[0]!.message['zh-CN']).toContain('姓名');
    const second = problemsOnFields(stepFields(steps[1]!, context(data)), messages);
    expect(second.map((message) => message.path)).toEqual(['phone']);
    expect(problemsOnFields(stepFields(steps[2]!, context(data)), messages)).toEqual([]);
  });

  it('finds the step that asks for an answer, so that a link to it can open that step', () => {
    const data = { delivery: 'mail' };
    const visible = visibleStepIndexes(steps, context(data));
    expect(stepOfPath(steps, visible, 'idNumber', context(data))).toBe(0);
    expect(stepOfPath(steps, visible, 'address', context(data))).toBe(3);
    const counter = { delivery: 'counter' };
    const atCounter = visibleStepIndexes(steps, context(counter));
    expect(stepOfPath(steps, atCounter, 'address', context(counter))).toBeUndefined();
    expect(stepOfPath(steps, atCounter, 'nowhere', context(counter))).toBeUndefined();
  });

  it('does not hold the person back on a field a rule hides from them', () => {
    const uischema: Categorization = {
      type: 'Categorization',
      label: 'x',
      elements: [
        {
          type: 'Category',
          label: 'only',
          elements: [
            {
              type: 'Control',
              scope: '#/properties/name',
              rule: {
                effect: 'HIDE',
                condition: { scope: '#/properties/anonymous', schema: { const: true } },
              },
            } as Categorization['elements'][number]['elements'][number],
          ],
        },
      ],
    };
    const formSchema: JsonSchema = {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, anonymous: { type: 'boolean' } },
    };
    const data = { anonymous: true };
    const messages = messagesOf(data, formSchema, uischema);
    expect(messages.map((message) => message.path)).toEqual(['name']);
    const [only] = wizardSteps(uischema);
    const fields = stepFields(only!, context(data));
    expect(fields).toHaveLength(1);
    expect(fields[0]!.visible).toBe(false);
    expect(problemsOnFields(fields, messages)).toEqual([]);
  });
});

describe('the review page', () => {
  const answers = {
    applicantName: '王秀英',
    idNumber: '110101195003021234',
    birthDate: '1950-03-02',
    phone: '13800138000',
    cardType: 'new',
    delivery: 'counter',
  };
  const review = (data: Record<string, unknown>, locale = 'en') =>
    reviewOf({
      ...context(data),
      steps,
      visibleSteps: visibleStepIndexes(steps, context(data)),
      schema,
      rootSchema: schema,
      t: englishHalf,
      locale,
      words: english,
    });

  it('lists every answer of the shown steps, grouped by step, with "change" pointing at its step', () => {
    const groups = review(answers);
    expect(groups.map((group) => [group.step, group.label])).toEqual([
      [0, 'About you'],
      [1, 'How to reach you'],
      [2, 'Your card'],
    ]);
    expect(groups.flatMap((group) => group.entries.map((entry) => [entry.label, entry.value]))).toEqual([
      ['Name', '王秀英'],
      ['ID number', '110***********1234'],
      ['Date of birth', 'March 2, 1950'],
      ['Mobile', '13800138000'],
      ['Request', 'New card'],
      ['Delivery', 'Collect at a service counter'],
    ]);
  });

  it('masks sensitive answers and says so', () => {
    const [about] = review(answers);
    const idNumber = about!.entries.find((entry) => entry.path === 'idNumber');
    expect(idNumber).toMatchObject({ masked: true, value: '110***********1234' });
    expect(about!.entries.find((entry) => entry.path === 'applicantName')?.masked).toBe(false);
  });

  it('shows the postal address step once the card is mailed, and an empty answer as not answered', () => {
    const groups = review({ ...answers, delivery: 'mail' });
    expect(groups.at(-1)).toMatchObject({
      step: 3,
      label: 'Postal address',
      entries: [{ path: 'address', label: 'Address', value: 'Not answered', answered: false }],
    });
  });

  it("writes dates in the person's language", () => {
    const [about] = review(answers, 'zh-CN');
    expect(about!.entries.find((entry) => entry.path === 'birthDate')?.value).toBe('1950年3月2日');
  });

  it('lists the parts of objects and lists of objects, the choices of a multiple choice and uploaded files by name', () => {
    const formSchema: JsonSchema = {
      type: 'object',
      properties: {
        applicant: {
          type: 'object',
          title: '申请人 / Applicant',
          properties: {
            name: { type: 'string', title: '姓名 / Name' },
            idNumber: { type: 'string', title: '身份证号 / ID number', 'x-sensitive': true } as JsonSchema7,
          },
        },
        children: {
          type: 'array',
          title: '子女 / Children',
          items: { type: 'object', properties: { name: { type: 'string', title: '姓名 / Name' } } },
        },
        services: {
          type: 'array',
          title: '服务 / Services',
          items: { type: 'string', enum: ['bus', 'health'] },
        },
        agreed: { type: 'boolean', title: '同意 / Agreed' },
        photos: { type: 'array', title: '材料 / Documents', items: { type: 'object' } },
      },
    };
    const uischema: Categorization = {
      type: 'Categorization',
      label: 'x',
      elements: [
        {
          type: 'Category',
          label: '全部 / Everything',
          elements: ['applicant', 'children', 'services', 'agreed', 'photos'].map((name) => ({
            type: 'Control',
            scope: `#/properties/${name}`,
          })),
        },
      ],
    };
    const data = {
      applicant: { name: '李明', idNumber: '110101195003021234' },
      children: [{ name: '李小明' }, { name: '李小红' }],
      services: ['bus', 'health'],
      agreed: true,
      photos: [
        {
          id: '0b8e7b6e-3f1d-4c1e-9a57-1f3c2d4e5f60',
          name: '身份证正面.jpg',
          type: 'image/jpeg',
          size: 120_000,
        },
        {
          id: '1c9f8c7f-4a2e-4d2f-8b68-2a4d3e5f6a71',
          name: '户口本.pdf',
          type: 'application/pdf',
          size: 80_000,
        },
      ],
    };
    const formSteps = wizardSteps(uischema);
    const [group] = reviewOf({
      ...context(data),
      steps: formSteps,
      visibleSteps: visibleStepIndexes(formSteps, context(data)),
      schema: formSchema,
      rootSchema: formSchema,
      t: englishHalf,
      locale: 'en',
      words: english,
    });
    expect(group!.entries).toEqual([
      {
        path: 'applicant',
        label: 'Applicant',
        answered: true,
        masked: false,
        entries: [
          { path: 'applicant.name', label: 'Name', value: '李明', answered: true, masked: false },
          {
            path: 'applicant.idNumber',
            label: 'ID number',
            value: '110***********1234',
            answered: true,
            masked: true,
          },
        ],
      },
      {
        path: 'children',
        label: 'Children',
        answered: true,
        masked: false,
        entries: [
          {
            path: 'children.0',
            label: 'Item 1',
            answered: true,
            masked: false,
            entries: [
              { path: 'children.0.name', label: 'Name', value: '李小明', answered: true, masked: false },
            ],
          },
          {
            path: 'children.1',
            label: 'Item 2',
            answered: true,
            masked: false,
            entries: [
              { path: 'children.1.name', label: 'Name', value: '李小红', answered: true, masked: false },
            ],
          },
        ],
      },
      { path: 'services', label: 'Services', value: 'bus, health', answered: true, masked: false },
      { path: 'agreed', label: 'Agreed', value: 'Yes', answered: true, masked: false },
      {
        path: 'photos',
        label: 'Documents',
        value: '身份证正面.jpg, 户口本.pdf',
        answered: true,
        masked: false,
      },
    ]);
  });
});

describe('masking', () => {
  it('keeps the ends of ID and phone numbers and hides short values whole', () => {
    expect(maskText('110101195003021234')).toBe('110***********1234');
    expect(maskText('13800138000')).toBe('138****8000');
    expect(maskText('王秀英先生')).toBe('王***生');
    expect(maskText('1234')).toBe('****');
  });
});
