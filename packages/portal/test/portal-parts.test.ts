import { describe, expect, it } from 'vitest';
import type { UISchemaElement } from '@jsonforms/core';
import { asWizard } from '../src/features/apply/as-wizard.js';
import { formatResumeCode, parseResumeCode } from '../src/features/apply/resume-code.js';
import { sensitivePaths } from '../src/features/apply/sensitive-paths.js';
import { missingPart } from '../src/features/track/missing-part.js';
import { byLifeEvent, matches, type CatalogEntry } from '../src/features/catalog/catalog-entries.js';
import type { BundleSummary } from '../src/features/bundle/bundle.api.js';

const control = (name: string) => ({ type: 'Control', scope: `#/properties/${name}` });
const rule = { effect: 'SHOW', condition: { scope: '#/properties/more', schema: { const: true } } };

describe('the wizard made of a form layout', () => {
  it('should make the fields after a last group that can be hidden a step of their own, so that hiding the group never hides them', () => {
    const layout = {
      type: 'VerticalLayout',
      elements: [
        { type: 'Group', label: '共同信息 / Shared', elements: [control('name')] },
        { type: 'Group', label: '可选 / Optional', rule, elements: [control('extra')] },
        control('consent'),
      ],
    } as unknown as UISchemaElement;
    const steps = asWizard(layout, 'Form', '确认并同意').elements;
    expect(steps.map((step) => step.label)).toEqual(['共同信息 / Shared', '可选 / Optional', '确认并同意']);
    expect(steps[2]?.elements).toEqual([control('consent')]);
    expect(steps[2]?.rule).toBeUndefined();
  });

  it('should keep the fields after a last group that always shows in that group’s step', () => {
    const layout = {
      type: 'VerticalLayout',
      elements: [{ type: 'Group', label: 'A', elements: [control('name')] }, control('consent')],
    } as unknown as UISchemaElement;
    const steps = asWizard(layout, 'Form', 'Confirm').elements;
    expect(steps).toHaveLength(1);
    expect(steps[0]?.elements).toEqual([control('name'), control('consent')]);
  });
});

describe('resume codes', () => {
  it('should read a code as people write it down: with dashes or spaces, in small letters', () => {
    expect(parseResumeCode('abcd-efgh-jkmn')).toBe('ABCDEFGHJKMN');
    expect(parseResumeCode(' ABCD EFGH JKMN ')).toBe('ABCDEFGHJKMN');
    expect(formatResumeCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
  });

  it('should refuse what cannot be a code before asking the server (too short, or a look-alike the codes never use)', () => {
    expect(parseResumeCode('ABCD-EFGH')).toBeUndefined();
    expect(parseResumeCode('ABCD-EFGH-JKM0')).toBeUndefined();
    expect(parseResumeCode('')).toBeUndefined();
  });
});

describe('a request for supplements', () => {
  const schema = {
    type: 'object',
    required: ['name', 'idNumber', 'emergencyPhone'],
    properties: {
      name: { type: 'string', title: '姓名 / Name' },
      idNumber: { type: 'string', title: '身份证号 / ID number', 'x-sensitive': true },
      emergencyPhone: { type: 'string', title: '紧急联系人电话 / Emergency phone' },
      note: { type: 'string' },
    },
  };

  it('should ask only for the fields the clerk named, by key or by title, as needed now, with their answers so far, and list the rest as materials', () => {
    const part = missingPart(
      schema,
      ['emergencyPhone', '身份证号', 'note', '户口簿首页'],
      { name: '王建国', idNumber: '1101**********0016', emergencyPhone: '139' },
      ['/idNumber'],
    );
    expect(part.schema).toEqual({
      type: 'object',
      properties: {
        emergencyPhone: schema.properties.emergencyPhone,
        idNumber: schema.properties.idNumber,
        note: schema.properties.note,
      },
      required: ['emergencyPhone', 'idNumber', 'note'],
    });
    // a masked value is no answer: it is asked again, empty
    expect(part.data).toEqual({ emergencyPhone: '139' });
    expect(part.materials).toEqual(['户口簿首页']);
  });

  it('should make no form when only materials are asked for', () => {
    expect(missingPart(schema, ['户口簿'], {}, [])).toEqual({
      schema: null,
      data: {},
      materials: ['户口簿'],
    });
  });

  it('should find the sensitive fields at any depth, to say why they are asked', () => {
    expect(
      sensitivePaths({
        properties: { person: { properties: { idNumber: { 'x-sensitive': true } } }, note: {} },
      }),
    ).toEqual(['person.idNumber']);
  });
});

describe('the catalog', () => {
  const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  const entry = (
    key: string,
    title: ReturnType<typeof text>,
    initials: string,
    report = false,
  ): CatalogEntry => ({
    key,
    title,
    description: null,
    online: true,
    report,
    lead: text('民政局', 'Civil Affairs'),
    cooperating: [],
    workingDays: 5,
    promisedBy: null,
    materials: [],
    legalBasis: [],
    searchText: [title['zh-CN'], title.en, initials, key].join(' ').toLowerCase(),
  });
  const card = entry('d1.senior-card', text('老年人优待证办理', 'Senior citizen card'), 'lnrydzbl');
  const garbage = entry('d1.garbage', text('垃圾乱堆乱放处置', 'Dumped garbage'), 'ljldlfcz', true);
  const other = entry('d1.residence-permit', text('居住证办理', 'Residence permit'), 'jzzbl');

  it('should find a service by a Chinese word, an English word or its pinyin initials', () => {
    expect([card, garbage, other].filter((one) => matches(one.searchText, '优待'))).toEqual([card]);
    expect([card, garbage, other].filter((one) => matches(one.searchText, 'Garbage'))).toEqual([garbage]);
    expect([card, garbage, other].filter((one) => matches(one.searchText, 'lnr'))).toEqual([card]);
  });

  it('should group by life event: each bundle with its matters, then the problems to report, then the rest', () => {
    const bundle = {
      key: 'd1.senior-services',
      version: 1,
      title: text('老年人优待一件事', 'Senior services'),
      matters: ['d1.senior-card'],
      initials: 'lnrydyjs',
      workingDays: 5,
      promisedBy: null,
    } satisfies BundleSummary;
    const groups = byLifeEvent([card, garbage, other], [bundle]);
    expect(groups.map((group) => [group.key, group.entries.map((one) => one.key)])).toEqual([
      ['d1.senior-services', ['d1.senior-card']],
      ['neighbourhood', ['d1.garbage']],
      ['others', ['d1.residence-permit']],
    ]);
  });
});
