import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../definitions/catalog.js';
import type { LocalizedText } from '../i18n/text.js';
import type { BundleDefinition, Definition, FormDefinition, MatterDefinition } from '../definitions/types.js';
import { validate } from '../definitions/validate.js';
import { libraryCatalog } from '../../test/support/library.js';
import { combineForms, matterData, sectionKey } from './combined-form.js';
import type { Expression } from '../expressions/types.js';
import { conditionSchema } from './condition-schema.js';

const title = { 'zh-CN': '标题', en: 'Title' };

const form = (key: string, properties: Record<string, object>, required: string[] = []): FormDefinition => ({
  kind: 'form',
  key,
  version: 1,
  title,
  notice: { 'zh-CN': `${key} 收集说明`, en: `${key} notice` },
  schema: { type: 'object', properties, required },
});

const matter = (key: string, formKey: string): MatterDefinition => ({
  kind: 'matter',
  key,
  version: 1,
  title: { 'zh-CN': `事项 ${key}`, en: `Matter ${key}` },
  category: 'government-duty',
  lead: 'd1.minzheng',
  cooperating: [],
  timeLimit: { workingDays: 5 },
  legalBasis: [title],
  materials: [],
  form: formKey,
  workflow: 'standard-approval',
});

const name = { type: 'string', minLength: 1, maxLength: 50, 'x-element': 'person.name' };
const idNumber = {
  type: 'string',
  pattern: '^[0-9]{17}[0-9X]$',
  'x-element': 'person.idNumber',
  'x-sensitive': true,
};
const phone = { type: 'string', pattern: '^1[0-9]{10}$', 'x-element': 'person.phone' };

/** Three matters: two always included, the third only for residents who ask for a bus card. */
const forms = [
  form(
    'f.senior-card',
    { applicantName: name, idNumber, phone, photo: { type: 'string', title: '照片 / Photo' } },
    ['applicantName', 'idNumber', 'photo'],
  ),
  form(
    'f.health-check',
    {
      name: { ...name, maxLength: 30 },
      idNumber,
      wantsBusCard: { type: 'boolean', 'x-element': 'choice.busCard' },
      date: { type: 'string', format: 'date' },
    },
    ['name', 'date'],
  ),
  form('f.bus-card', { holder: name, phone, route: { type: 'string' } }, ['holder', 'phone', 'route']),
];
const matters = [
  matter('t.senior-card', 'f.senior-card'),
  matter('t.health-check', 'f.health-check'),
  matter('t.bus-card', 'f.bus-card'),
];
const bundle: BundleDefinition = {
  kind: 'bundle',
  key: 'b.senior',
  version: 1,
  title,
  matters: [
    { matter: 't.senior-card' },
    { matter: 't.health-check' },
    { matter: 't.bus-card', when: { var: 'data.choice.busCard' } },
  ],
  timeLimit: { workingDays: 3 },
};

const catalogWith = (...extra: Definition[]) =>
  new Catalog([...libraryCatalog().all('department'), ...forms, ...matters, ...extra]);

const ajv = new Ajv({ allErrors: true, strict: false });

describe('combined form', () => {
  const combined = combineForms(bundle, catalogWith());
  const check = ajv.compile(combined.schema);
  const valid = {
    person: { name: '李秀英', idNumber: '11010519491231002X', phone: '13800000000' },
    choice: { busCard: true },
    [sectionKey('t.senior-card')]: { photo: 'photo-1' },
    [sectionKey('t.health-check')]: { date: '2026-03-02' },
    [sectionKey('t.bus-card')]: { route: '1路' },
    consent: true,
  };

  it('should ask each data element once, however many forms ask for it', () => {
    // then person.name (three forms), person.idNumber (two) and person.phone (two) are shared
    expect(combined.elements.filter((element) => element.shared).map((element) => element.element)).toEqual([
      'person.name',
      'person.idNumber',
      'person.phone',
    ]);
    expect(combined.elements).toHaveLength(4);
    const controls = JSON.stringify(combined.uischema).match(/#\/properties\/person\/properties\/name"/g);
    expect(controls).toHaveLength(1);
    expect(combined.elements.find((element) => element.element === 'person.idNumber')?.sensitive).toBe(true);
  });

  it('should merge an element to the strictest bounds of its forms', () => {
    // then the name is at most 30 characters, as the health-check form says
    const schema = combined.schema as { properties: { person: { properties: { name: object } } } };
    expect(schema.properties.person.properties.name).toMatchObject({ minLength: 1, maxLength: 30 });
    expect(check({ ...valid, person: { ...valid.person, name: 'x'.repeat(31) } })).toBe(false);
  });

  it('should show a conditional matter by the same rule the schema requires it by', () => {
    // then the bus card's section carries a SHOW rule, and its fields are required only when chosen
    const group = (combined.uischema.elements as Array<Record<string, unknown>>).find(
      (element) => element.label === '事项 t.bus-card / Matter t.bus-card',
    );
    expect(group?.rule).toEqual({
      effect: 'SHOW',
      condition: { scope: '#', schema: conditionSchema({ var: 'data.choice.busCard' }) },
    });
    expect(check(valid)).toBe(true);
    const { [sectionKey('t.bus-card')]: _busCard, ...withoutBusCard } = valid;
    expect(check(withoutBusCard)).toBe(false);
    expect(check({ ...withoutBusCard, choice: { busCard: false } })).toBe(true);
    // and the phone, which only the bus card requires, is required only with it
    const { phone: _phone, ...person } = valid.person;
    expect(check({ ...withoutBusCard, person, choice: { busCard: false } })).toBe(true);
    expect(check({ ...valid, person })).toBe(false);
  });

  it('should say once a sentence that two forms\u2019 notices share, in either language', () => {
    const shared = {
      'zh-CN': '我们仅为办理本事项使用这些信息。',
      en: 'We use them only to handle this matter.',
    };
    const notices = [
      { 'zh-CN': `我们收集您的姓名。${shared['zh-CN']}`, en: `We collect your name. ${shared.en}` },
      {
        'zh-CN': `我们收集您的病史。${shared['zh-CN']}`,
        en: `We collect your medical history. ${shared.en}`,
      },
    ];
    const noticed = ['f.senior-card', 'f.health-check'];
    const withNotices = new Catalog([
      ...libraryCatalog().all('department'),
      ...forms.map((one) =>
        noticed.includes(one.key)
          ? { ...one, notice: notices[noticed.indexOf(one.key)] as LocalizedText }
          : one,
      ),
      ...matters,
    ]);
    const joined = combineForms(bundle, withNotices).notice;
    expect(joined['zh-CN'].split('\n')).toEqual([
      `我们收集您的姓名。${shared['zh-CN']}`,
      '我们收集您的病史。',
      'f.bus-card 收集说明',
    ]);
    expect(joined.en.split('\n')).toEqual([
      `We collect your name. ${shared.en}`,
      'We collect your medical history.',
      'f.bus-card notice',
    ]);
  });

  it('should require consent to the notice, which joins every form notice once', () => {
    expect(check({ ...valid, consent: false })).toBe(false);
    expect(combined.notice.en.split('\n')).toEqual([
      'f.senior-card notice',
      'f.health-check notice',
      'f.bus-card notice',
    ]);
  });

  it('should give each matter its own data, read by element and by section', () => {
    const sections = new Map(combined.sections.map((section) => [section.matter, section]));
    expect(matterData(sections.get('t.bus-card')!, valid)).toEqual({
      holder: '李秀英',
      phone: '13800000000',
      route: '1路',
    });
    expect(matterData(sections.get('t.health-check')!, valid)).toEqual({
      name: '李秀英',
      idNumber: '11010519491231002X',
      wantsBusCard: true,
      date: '2026-03-02',
    });
  });

  it('should report a contradiction between forms at the matter that brings it, naming both forms', () => {
    // given a fourth form that wants the ID number in another shape and the name longer than 60
    const other = form('f.other', {
      id: { ...idNumber, pattern: '^[0-9]{15}$', maxLength: 15 },
      fullName: { ...name, minLength: 60 },
    });
    const withOther: BundleDefinition = {
      ...bundle,
      matters: [...bundle.matters, { matter: 't.other' }],
    };
    const result = validate(withOther, catalogWith(other, matter('t.other', 'f.other')));
    // then the validator reports both, with the path of the matter that brings them
    expect(result.problems.map((found) => [found.code, found.path])).toEqual([
      ['bundle-element-contradiction', '/matters/3/matter'],
      ['bundle-element-contradiction', '/matters/3/matter'],
    ]);
    expect(result.problems[0]?.message.en).toBe(
      'The data element "person.name" is described in contradictory ways: form "f.other" (field "fullName") says minLength/maxLength 60, form "f.health-check" says 30; no answer in the combined form could satisfy both',
    );
    expect(result.problems[1]?.message.en).toContain('"person.idNumber"');
    expect(result.problems[1]?.message.en).toContain(
      'form "f.other" (field "id") says pattern "^[0-9]{15}$"',
    );
  });

  it('should report a condition that cannot become a form rule', () => {
    const odd: BundleDefinition = {
      ...bundle,
      matters: [
        bundle.matters[0]!,
        bundle.matters[1]!,
        {
          matter: 't.bus-card',
          when: { '==': [{ var: 'data.choice.busCard' }, { var: 'data.person.name' }] },
        },
      ],
    };
    const result = validate(odd, catalogWith());
    expect(result.problems.map((found) => [found.code, found.path])).toEqual([
      ['bundle-condition-unsupported', '/matters/2/when'],
    ]);
  });
});

describe('condition schema', () => {
  const holds = (expression: Expression, data: object) =>
    ajv.validate(conditionSchema(expression) as object, data);

  it.each<[string, Expression, object, object]>([
    ['a field is true', { var: 'data.a' }, { a: true }, { a: false }],
    ['equals', { '==': [{ var: 'data.kind' }, 'shop'] }, { kind: 'shop' }, { kind: 'farm' }],
    ['differs', { '!=': [{ var: 'data.kind' }, 'shop'] }, { kind: 'farm' }, { kind: 'shop' }],
    ['one of', { in: [{ var: 'data.kind' }, ['shop', 'cafe']] }, { kind: 'cafe' }, { kind: 'farm' }],
    ['at least', { '>=': [{ var: 'data.age' }, 60] }, { age: 60 }, { age: 59 }],
    ['a number below the field', { '<': [60, { var: 'data.age' }] }, { age: 61 }, { age: 60 }],
    [
      'and of two',
      { and: [{ var: 'data.a' }, { '==': [{ var: 'data.b.c' }, 1] }] },
      { a: true, b: { c: 1 } },
      { a: true, b: { c: 2 } },
    ],
    ['or of two', { or: [{ var: 'data.a' }, { var: 'data.b' }] }, { b: true }, { a: false }],
    ['not', { '!': { var: 'data.a' } }, { a: false }, { a: true }],
  ])('should translate %s', (_name, expression, yes, no) => {
    expect(holds(expression, yes)).toBe(true);
    expect(holds(expression, no)).toBe(false);
  });

  it.each<[string, Expression]>([
    ['a comparison of two fields', { '==': [{ var: 'data.a' }, { var: 'data.b' }] }],
    ['an operator it does not know', { cat: ['a', 'b'] }],
    ['something outside the data', { var: 'case.id' }],
    ['a literal', true],
  ])('should refuse %s', (_name, expression) => {
    expect(conditionSchema(expression)).toBeNull();
  });
});
