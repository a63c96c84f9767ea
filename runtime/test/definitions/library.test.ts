import {
  Catalog,
  validate,
  validateLibrary,
  type BundleDefinition,
  type CalendarDefinition,
  type Definition,
  type DepartmentDefinition,
  type FormDefinition,
  type JsonSchemaObject,
  type MatterDefinition,
  type ProblemCode,
  type StateNodeSpec,
  type TaskSpec,
  type WorkflowDefinition,
} from '@tongban/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitionFiles } from '../../src/definitions/load-directory.js';
import { definitionsDir, demoAccounts } from '../../src/seed/seed.js';

/**
 * The definitions library (definitions/) as the demo seed imports it: one catalog that the engine's own
 * validator accepts without a single problem, and that holds what the responsibility-list issue asks
 * for. Then broken copies of real definitions, each caught with the expected code at the expected path.
 */
let library: Definition[];
let catalog: Catalog;

beforeAll(async () => {
  library = (await loadDefinitionFiles(definitionsDir)).map((file) => file.body as Definition);
  catalog = new Catalog(library);
});

const all = <K extends Definition['kind']>(kind: K) => catalog.all(kind);
const matter = (key: string) => catalog.get('matter', key) as MatterDefinition;
const form = (key: string) => catalog.get('form', key) as FormDefinition;
const bundle = (key: string) => catalog.get('bundle', key) as BundleDefinition;
const workflow = (key: string) => catalog.get('workflow', key) as WorkflowDefinition;
const propertiesOf = (schema: JsonSchemaObject) =>
  (schema.properties ?? {}) as Record<string, JsonSchemaObject>;

/** Every task state of a machine, with its path of state keys. */
function tasksOf(node: StateNodeSpec, path: string[] = []): Array<{ path: string[]; task: TaskSpec }> {
  const here = node.meta?.task === undefined ? [] : [{ path, task: node.meta.task }];
  return [
    ...here,
    ...Object.entries(node.states ?? {}).flatMap(([key, child]) => tasksOf(child, [...path, key])),
  ];
}

/** The x-element of each top-level property of a form. */
const elementsOf = (definition: FormDefinition): string[] =>
  Object.values(propertiesOf(definition.schema)).flatMap((property) =>
    typeof property['x-element'] === 'string' ? [property['x-element']] : [],
  );

describe('the definitions library', () => {
  it('should validate as one catalog with zero problems', () => {
    // given every file of definitions/, as the seed imports them
    expect(library.length).toBeGreaterThan(90);
    // when the engine validates them against each other
    const result = validateLibrary(library, catalog);
    // then nothing is wrong anywhere
    const problems = result.results.flatMap((entry) =>
      entry.problems.map(
        (problem) => `${entry.kind}:${entry.key}@${entry.version} ${problem.path} ${problem.code}`,
      ),
    );
    expect(problems).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('should hold each key once, in the newest version the catalog keeps', () => {
    const ids = library.map((definition) => `${definition.kind}:${definition.key}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should keep the definitions the runtime tests and the demo seed rely on', () => {
    for (const key of ['d1.subsistence-allowance', 'd1.senior-allowance', 'd1.fire-lane'])
      expect(catalog.has('matter', key)).toBe(true);
    for (const key of ['standard-application', 'grid-report', 'review-opinion'])
      expect(catalog.has('form', key)).toBe(true);
    for (const key of ['standard-approval', 'grid-event', 'joint-review'])
      expect(catalog.has('workflow', key)).toBe(true);
  });

  it('should have departments in a hierarchy city > 2 districts > streets > communities, every district with its bureaus', () => {
    const departments = all('department');
    const byLevel = (level: DepartmentDefinition['level']) => departments.filter((d) => d.level === level);
    const parentOf = (d: DepartmentDefinition) => catalog.get('department', d.parent ?? '');
    // one city at the top
    expect(departments.filter((d) => d.parent === undefined).map((d) => d.key)).toEqual(['city']);
    const districts = byLevel('district').filter((d) => parentOf(d)?.level === 'city');
    expect(districts.map((d) => d.key).sort()).toEqual(['d1', 'd2']);
    const bureaus = [
      'minzheng',
      'gongan',
      'weijian',
      'renshe',
      'yibao',
      'chengguan',
      'zhujian',
      'jiaotong',
      'yingji',
      'shichang',
      'xiaofang',
    ];
    for (const district of districts) {
      for (const bureau of bureaus)
        expect(catalog.get('department', `${district.key}.${bureau}`)?.parent).toBe(district.key);
      const streets = byLevel('street').filter((s) => s.parent === district.key);
      expect(streets.length).toBeGreaterThanOrEqual(2);
      for (const street of streets)
        expect(byLevel('community').filter((c) => c.parent === street.key).length).toBeGreaterThanOrEqual(2);
    }
    // every community sits under a street, every department follows the 2026 calendar
    for (const community of byLevel('community')) expect(parentOf(community)?.level).toBe('street');
    for (const department of departments) expect(department.calendar).toBe('cn-mainland');
  });

  it('should follow the 2026 statutory holidays and the 调休 working weekend days', () => {
    const calendar = catalog.get('calendar', 'cn-mainland') as CalendarDefinition;
    expect(calendar.timeZone).toBe('Asia/Shanghai');
    expect(calendar.holidays.map((holiday) => [holiday.from, holiday.to])).toEqual([
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ]);
    expect(calendar.workdays.map((workday) => workday.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    // the make-up days are weekend days (Sunday or Saturday) that become working days
    for (const { date } of calendar.workdays)
      expect([0, 6]).toContain(new Date(`${date}T12:00:00+08:00`).getUTCDay());
  });

  it('should list at least 25 matters led by at least 8 departments, each complete in both languages', () => {
    const matters = all('matter');
    expect(matters.length).toBeGreaterThanOrEqual(25);
    const leads = new Set(matters.map((m) => m.lead));
    expect(leads.size).toBeGreaterThanOrEqual(8);
    // the bureaus the issue names all lead something
    for (const bureau of [
      'minzheng',
      'gongan',
      'weijian',
      'renshe',
      'yibao',
      'chengguan',
      'zhujian',
      'jiaotong',
      'yingji',
      'shichang',
      'xiaofang',
    ])
      expect(leads).toContain(`d1.${bureau}`);
    expect([...leads].some((lead) => catalog.get('department', lead)?.level === 'street')).toBe(true);
    expect(new Set(matters.map((m) => m.category))).toEqual(
      new Set(['government-duty', 'assisted-self-governance', 'market-service']),
    );
    for (const m of matters) {
      expect(m.title['zh-CN'], m.key).toMatch(/\p{Script=Han}/u);
      expect(m.title.en, m.key).toMatch(/[A-Za-z]/);
      expect(m.legalBasis.length, `${m.key} legal basis`).toBeGreaterThan(0);
      for (const basis of m.legalBasis) {
        expect(basis['zh-CN'], m.key).toMatch(/《.+》/);
        expect(basis.en.length, m.key).toBeGreaterThan(5);
      }
      expect(Array.isArray(m.materials), m.key).toBe(true);
      // an application needs documents; a grid event may have none (the report is the material)
      if (m.eventTypes === undefined) expect(m.materials.length, `${m.key} materials`).toBeGreaterThan(0);
      for (const material of m.materials) expect(material.title.en.length, m.key).toBeGreaterThan(0);
      expect(m.form === undefined || catalog.has('form', m.form), m.key).toBe(true);
    }
    // most time limits are in working days
    const inWorkingDays = matters.filter((m) => 'workingDays' in m.timeLimit).length;
    expect(inWorkingDays / matters.length).toBeGreaterThan(0.8);
  });

  it('should give every matter that works with cooperating departments at least one (the engine opens their tasks)', () => {
    const usesCooperating = new Set(
      all('workflow')
        .filter((w) =>
          tasksOf(w.machine).some(
            ({ task }) => 'matter' in task.queue && task.queue.matter === 'cooperating',
          ),
        )
        .map((w) => w.key),
    );
    for (const m of all('matter').filter((m) => usesCooperating.has(m.workflow)))
      expect(m.cooperating.length, m.key).toBeGreaterThan(0);
  });

  it('should route every grid event type to exactly one matter, and every reportable type somewhere', () => {
    const owners = new Map<string, string[]>();
    for (const m of all('matter'))
      for (const type of m.eventTypes ?? []) owners.set(type, [...(owners.get(type) ?? []), m.key]);
    for (const [type, matters] of owners) expect(matters, type).toHaveLength(1);
    const reportable = propertiesOf(form('grid-report').schema).eventType?.enum as string[];
    for (const type of reportable.filter((type) => type !== 'other'))
      expect(owners.get(type), `event type ${type}`).toHaveLength(1);
    for (const type of owners.keys()) expect(reportable).toContain(type);
    expect(owners.size).toBeGreaterThanOrEqual(8);
    expect(owners.get('fire-lane-blocked')).toEqual(['d1.fire-lane']);
    expect(owners.get('ebike-charging')).toEqual(['d1.ebike-charging']);
    expect(owners.get('illegal-construction')).toEqual(['d1.illegal-construction']);
    // event matters run the grid closed loop on the report form
    for (const m of all('matter').filter((m) => m.eventTypes !== undefined)) {
      expect(m.workflow, m.key).toBe('grid-event');
      expect(m.form, m.key).toBe('grid-report');
    }
  });

  it("should verify a grid event in the community where it happened, which the report names from the district's communities", () => {
    // the report asks for the community (required), offering exactly the communities of the district
    // whose bureaus lead the event matters, by name
    const report = form('grid-report');
    const community = propertiesOf(report.schema).community as JsonSchemaObject;
    expect(report.schema.required).toContain('community');
    const offered = (community.oneOf as Array<{ const: string; title: string }>).map(
      (choice) => choice.const,
    );
    const districts = new Set(
      all('matter')
        .filter((m) => m.eventTypes !== undefined)
        .map((m) => catalog.get('department', m.lead)?.parent),
    );
    const communities = all('department')
      .filter((d) => d.level === 'community')
      .filter((d) => districts.has(catalog.get('department', d.parent ?? '')?.parent))
      .map((d) => d.key);
    expect(offered.sort()).toEqual(communities.sort());
    // the on-site check is queued by it, and the demo grid worker works one of those communities
    const verify = tasksOf(workflow('grid-event').machine).find(({ path }) => path.join('.') === 'verify');
    expect(verify?.task.queue).toEqual({ expr: { var: 'data.community' } });
    const gridWorker = demoAccounts.find((account) => account.username === 'grid');
    expect(offered).toContain(gridWorker?.memberships[0]?.department);
  });

  it('should bundle senior services, the newborn and opening a restaurant with their conditions and order', () => {
    const shape = (key: string) =>
      bundle(key).matters.map((item) => ({
        matter: item.matter,
        lead: matter(item.matter).lead,
        after: item.after ?? [],
        when: item.when ?? null,
      }));
    expect(shape('d1.senior-services')).toEqual([
      { matter: 'd1.senior-card', lead: 'd1.minzheng', after: [], when: null },
      {
        matter: 'd1.senior-bus-card',
        lead: 'd1.jiaotong',
        after: ['d1.senior-card'],
        when: { var: 'data.choice.busCard' },
      },
      {
        matter: 'd1.senior-health-check',
        lead: 'd1.weijian',
        after: [],
        when: { var: 'data.choice.healthCheck' },
      },
    ]);
    expect(shape('d1.newborn')).toEqual([
      { matter: 'd1.birth-certificate', lead: 'd1.weijian', after: [], when: null },
      { matter: 'd1.newborn-hukou', lead: 'd1.gongan', after: ['d1.birth-certificate'], when: null },
      { matter: 'd1.newborn-medical-insurance', lead: 'd1.yibao', after: ['d1.newborn-hukou'], when: null },
      {
        matter: 'd1.social-security-card',
        lead: 'd1.renshe',
        after: ['d1.newborn-medical-insurance'],
        when: { '!==': [{ var: 'data.choice.socialSecurityCard' }, false] },
      },
    ]);
    expect(shape('d1.open-restaurant')).toEqual([
      { matter: 'd1.business-licence', lead: 'd1.shichang', after: [], when: null },
      { matter: 'd1.food-business-licence', lead: 'd1.shichang', after: ['d1.business-licence'], when: null },
      { matter: 'd1.public-venue-fire-check', lead: 'd1.xiaofang', after: [], when: null },
      {
        matter: 'd1.signboard-permit',
        lead: 'd1.chengguan',
        after: ['d1.business-licence'],
        when: { var: 'data.business.hasSignboard' },
      },
    ]);
    expect(
      all('bundle')
        .map((b) => b.key)
        .sort(),
    ).toEqual(['d1.newborn', 'd1.open-restaurant', 'd1.senior-services']);
  });

  it('should give each bundle matter its own form that shares elements with the others and keeps fields of its own', () => {
    for (const b of all('bundle')) {
      const forms = b.matters.map((item) => form(matter(item.matter).form as string));
      expect(new Set(forms.map((f) => f.key)).size, b.key).toBe(forms.length);
      const users = new Map<string, Set<string>>();
      for (const f of forms)
        for (const element of elementsOf(f))
          users.set(element, new Set([...(users.get(element) ?? []), f.key]));
      // data is collected once: some elements are asked by several of the bundle's forms
      const shared = [...users].filter(([, keys]) => keys.size > 1).map(([element]) => element);
      expect(shared.length, b.key).toBeGreaterThanOrEqual(3);
      for (const f of forms) {
        // and each matter still asks something only it needs
        const own = Object.values(propertiesOf(f.schema)).filter((property) => {
          const element = property['x-element'];
          return typeof element !== 'string' || users.get(element)?.size === 1;
        });
        expect(own.length, f.key).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('should describe every shared data element the same way in every form of the library', () => {
    const seen = new Map<string, { form: string; schema: JsonSchemaObject }>();
    const mustAgree = ['type', 'pattern', 'format', 'enum', 'x-sensitive'];
    for (const f of all('form')) {
      for (const [field, property] of Object.entries(propertiesOf(f.schema))) {
        const element = property['x-element'];
        if (typeof element !== 'string') continue;
        const first = seen.get(element);
        if (first === undefined) {
          seen.set(element, { form: f.key, schema: property });
          continue;
        }
        for (const keyword of mustAgree)
          expect(property[keyword], `${element}.${keyword} in ${f.key}/${field} and ${first.form}`).toEqual(
            first.schema[keyword],
          );
        const lower = Math.max(Number(property.minLength ?? 0), Number(first.schema.minLength ?? 0));
        const upper = Math.min(
          Number(property.maxLength ?? Infinity),
          Number(first.schema.maxLength ?? Infinity),
        );
        expect(lower, `${element} lengths in ${f.key} and ${first.form}`).toBeLessThanOrEqual(upper);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(20);
  });

  it('should mark ID numbers and health data as sensitive, and tell the resident why personal data is collected', () => {
    for (const f of all('form')) {
      const properties = Object.entries(propertiesOf(f.schema));
      for (const [field, property] of properties) {
        const element = String(property['x-element'] ?? '');
        if (/idNumber$/i.test(field) || element.endsWith('idNumber') || element.endsWith('IdNumber'))
          expect(property['x-sensitive'], `${f.key}/${field}`).toBe(true);
        // every field reads zh-CN first, then English
        expect(property.title, `${f.key}/${field}`).toMatch(/^\p{Script=Han}.* \/ [A-Za-z]/u);
      }
      const personal = properties.some(([, p]) =>
        /^(person|child|mother|father)\./.test(String(p['x-element'])),
      );
      if (personal && f.key !== 'grid-report' && f.key !== 'whistle-request')
        expect(f.notice?.['zh-CN'], `${f.key} notice`).toContain('个人信息保护法');
      expect(f.title['zh-CN'], f.key).toMatch(/\p{Script=Han}/u);
    }
    expect(propertiesOf(form('senior-health-check').schema).chronicConditions?.['x-sensitive']).toBe(true);
    expect(propertiesOf(form('birth-certificate').schema).birthWeightGrams?.['x-sensitive']).toBe(true);
  });

  it('should title every task of every workflow in both languages', () => {
    for (const w of all('workflow'))
      for (const { path, task } of tasksOf(w.machine)) {
        expect(task.title?.['zh-CN'], `${w.key} ${path.join('.')}`).toMatch(/\p{Script=Han}/u);
        expect(task.title?.en, `${w.key} ${path.join('.')}`).toMatch(/[A-Za-z]/);
      }
  });

  it('should summon each department to report in with its own limit, recording a breach against it', () => {
    const whistle = workflow('street-whistle');
    const reportIn = whistle.machine.states.reportIn as StateNodeSpec;
    const task = reportIn.meta?.task as TaskSpec;
    // one report-in task per summoned department, each with its own clock
    expect(task.queue).toEqual({ expr: { var: 'data.summoned' } });
    expect(task.sla).toMatchObject({ by: { var: 'task.department' }, otherwise: 'standard' });
    expect(task.escalation?.map((step) => step.action)).toEqual(['warn', 'breach', 'notify', 'supervise']);
    expect(Object.keys(reportIn.on ?? {})).toContain('sla.breached');
    for (const street of ['d1.s1', 'd1.s2']) {
      expect(matter(`${street}.whistle`)).toMatchObject({ lead: street, workflow: 'street-whistle' });
    }
  });

  it('should answer a resident request within 24 hours, with a warning before and a breach at the limit', () => {
    const tasks = tasksOf(workflow('resident-request-24h').machine);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.task.sla).toEqual({ duration: 'PT24H' });
    expect(tasks[0]?.task.escalation?.map((step) => step.action)).toEqual(['warn', 'breach', 'notify']);
    expect(matter('d1.s1.resident-request').timeLimit).toEqual({ duration: 'PT24H' });
  });

  it('should have a community space approved in the queue of the department that owns it, then confirmed', () => {
    const tasks = tasksOf(workflow('space-booking').machine);
    expect(tasks.map((entry) => entry.path.join('.'))).toEqual(['approve', 'confirm']);
    expect(JSON.stringify(tasks[0]?.task.queue)).toContain('d1.minzheng');
    expect(tasks[1]?.task.queue).toEqual({ matter: 'lead' });
    expect(matter('d1.s1.c1.space-booking')).toMatchObject({
      lead: 'd1.s1.c1',
      category: 'assisted-self-governance',
    });
  });
});

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One broken copy: which real definition, how it is broken, and what the validator must say where. */
interface BrokenCopy {
  name: string;
  kind: Definition['kind'];
  key: string;
  mutate: (definition: Mutable) => void;
  code: ProblemCode;
  path: string;
}

const broken: BrokenCopy[] = [
  {
    name: 'a matter led by a department that does not exist',
    kind: 'matter',
    key: 'd1.senior-card',
    mutate: (d) => void (d.lead = 'd9.minzheng'),
    code: 'unknown-reference',
    path: '/lead',
  },
  {
    name: 'a misspelt cooperating department',
    kind: 'matter',
    key: 'd1.newborn-hukou',
    mutate: (d) => void d.cooperating.push('d1.weijain'),
    code: 'unknown-reference',
    path: '/cooperating/1',
  },
  {
    name: 'a lead department that also cooperates',
    kind: 'matter',
    key: 'd1.food-business-licence',
    mutate: (d) => void d.cooperating.push('d1.shichang'),
    code: 'lead-also-cooperating',
    path: '/cooperating/1',
  },
  {
    name: 'a form reference that does not exist',
    kind: 'matter',
    key: 'd1.signboard-permit',
    mutate: (d) => void (d.form = 'signboard-permits'),
    code: 'unknown-reference',
    path: '/form',
  },
  {
    name: 'a negative time limit',
    kind: 'matter',
    key: 'd1.residence-permit',
    mutate: (d) => void (d.timeLimit = { workingDays: -3 }),
    code: 'schema.exclusiveMinimum',
    path: '/timeLimit/workingDays',
  },
  {
    name: 'a matter without a legal basis',
    kind: 'matter',
    key: 'd1.ebike-charging',
    mutate: (d) => void delete d.legalBasis,
    code: 'schema.required',
    path: '/legalBasis',
  },
  {
    name: 'a category that is not one of the three',
    kind: 'matter',
    key: 'd1.elderly-meal-service',
    mutate: (d) => void (d.category = 'market'),
    code: 'schema.enum',
    path: '/category',
  },
  {
    name: 'a bundle whose matters depend on each other in a loop',
    kind: 'bundle',
    key: 'd1.newborn',
    mutate: (d) => void (d.matters[0].after = ['d1.social-security-card']),
    code: 'bundle-cycle',
    path: '/matters/0/after',
  },
  {
    name: 'a bundle dependency on a matter outside the bundle',
    kind: 'bundle',
    key: 'd1.open-restaurant',
    mutate: (d) => void d.matters[3].after.push('d1.senior-card'),
    code: 'bundle-unknown-dependency',
    path: '/matters/3/after/1',
  },
  {
    name: 'a matter listed twice in a bundle',
    kind: 'bundle',
    key: 'd1.senior-services',
    mutate: (d) => void d.matters.push({ matter: 'd1.senior-card' }),
    code: 'bundle-duplicate-matter',
    path: '/matters/3/matter',
  },
  {
    name: 'a zero bundle time limit',
    kind: 'bundle',
    key: 'd1.senior-services',
    mutate: (d) => void (d.timeLimit = { workingDays: 0 }),
    code: 'schema.exclusiveMinimum',
    path: '/timeLimit/workingDays',
  },
  {
    name: 'a bundle condition with an operator the language lacks',
    kind: 'bundle',
    key: 'd1.senior-services',
    mutate: (d) => void (d.matters[1].when = { is: [{ var: 'data.choice.busCard' }, true] }),
    code: 'expression-invalid',
    path: '/matters/1/when/is',
  },
  {
    name: 'a task outcome that leads nowhere',
    kind: 'workflow',
    key: 'resident-request-24h',
    mutate: (d) => void d.machine.states.respond.meta.task.outcomes.push('escalateToDistrict'),
    code: 'outcome-without-transition',
    path: '/machine/states/respond/meta/task/outcomes/2',
  },
  {
    name: 'a malformed data element',
    kind: 'form',
    key: 'senior-card',
    mutate: (d) => void (d.schema.properties.idNumber['x-element'] = 'Person.ID-number'),
    code: 'element-invalid',
    path: '/schema/properties/idNumber/x-element',
  },
  {
    name: 'two properties of one form with one data element',
    kind: 'form',
    key: 'birth-certificate',
    mutate: (d) => void (d.schema.properties.fatherName['x-element'] = 'mother.name'),
    code: 'element-duplicate',
    path: '/schema/properties/fatherName/x-element',
  },
  {
    name: 'a layout control for a field the form does not have',
    kind: 'form',
    key: 'business-licence',
    mutate: (d) => void (d.uischema.elements[0].scope = '#/properties/shopName'),
    code: 'form-scope-unknown',
    path: '/uischema/elements/0/scope',
  },
  {
    name: 'a task queue naming a department that does not exist',
    kind: 'workflow',
    key: 'space-booking',
    mutate: (d) => void (d.machine.states.confirm.meta.task.queue = { department: 'd1.s1.c9' }),
    code: 'unknown-reference',
    path: '/machine/states/confirm/meta/task/queue/department',
  },
  {
    name: 'an outcome leading to a state that does not exist',
    kind: 'workflow',
    key: 'street-whistle',
    mutate: (d) => void (d.machine.states.act.on.done = 'confrim'),
    code: 'unknown-target',
    path: '/machine/states/act/on/done/target',
  },
  {
    name: 'per-department report-in limits falling back to a tier that does not exist',
    kind: 'workflow',
    key: 'street-whistle',
    mutate: (d) => void (d.machine.states.reportIn.meta.task.sla.otherwise = 'normal'),
    code: 'sla-tier-unknown',
    path: '/machine/states/reportIn/meta/task/sla/otherwise',
  },
  {
    name: 'a make-up working day that is not a date',
    kind: 'calendar',
    key: 'cn-mainland',
    mutate: (d) => void (d.workdays[2].date = '2026-02-30'),
    code: 'date-invalid',
    path: '/workdays/2/date',
  },
];

describe('broken copies of library definitions', () => {
  it('should cover twenty different mistakes', () => {
    expect(broken).toHaveLength(20);
    expect(new Set(broken.map((copy) => copy.name)).size).toBe(20);
  });

  it.each(broken)('should report $code at $path for $name', ({ kind, key, mutate, code, path }) => {
    // given a copy of a real definition with one small mistake, in the library in place of the original
    const original = catalog.get(kind, key);
    expect(original, `${kind} ${key}`).toBeDefined();
    expect(validate(original, catalog).problems).toEqual([]);
    const copy = structuredClone(original) as Mutable;
    mutate(copy);
    const withCopy = new Catalog([...library, copy as Definition]);
    // when the validator checks it
    const { valid, problems } = validate(copy, withCopy);
    // then it names the mistake where it is
    expect(valid).toBe(false);
    expect(problems.map((problem) => ({ code: problem.code, path: problem.path }))).toContainEqual({
      code,
      path,
    });
    const found = problems.find((problem) => problem.code === code && problem.path === path);
    expect(found?.message['zh-CN']).toBeTruthy();
    expect(found?.message.en).toBeTruthy();
  });
});
