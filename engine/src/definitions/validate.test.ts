import { describe, expect, it } from 'vitest';
import { Catalog } from './catalog.js';
import type { Problem, ProblemCode } from './problems.js';
import type { Definition } from './types.js';
import { validate } from './validate.js';
import { readAllDefinitions, readDefinition } from '../../test/support/definitions.js';
import { libraryCatalog } from '../../test/support/library.js';

/** Marks a change that deletes the value at its pointer instead of setting it. */
const remove = Symbol('remove');
type Change = [pointer: string, value: unknown];

/**
 * A deep copy of `base` with each change applied: the value at the JSON pointer is replaced (or deleted with
 * `remove`; `-` appends to an array). Throws when the pointer's parent does not exist, so that a case whose
 * base definition changed fails loudly instead of silently testing nothing.
 */
function broken(base: unknown, ...changes: Change[]): unknown {
  const copy = structuredClone(base);
  for (const [path, value] of changes) {
    const segments = path
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = segments.pop() as string;
    let parent = copy as Record<string, unknown>;
    for (const segment of segments) {
      const next = parent[segment];
      if (next === null || typeof next !== 'object')
        throw new Error(`test setup: nothing at "${segment}" of ${path}`);
      parent = next as Record<string, unknown>;
    }
    if (Array.isArray(parent)) {
      if (value === remove) parent.splice(Number(last), 1);
      else if (last === '-') parent.push(value);
      else parent[Number(last)] = value;
    } else if (value === remove) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}

const approval = readDefinition('workflows/standard-approval.json');
const gridEvent = readDefinition('workflows/grid-event.json');
const jointReview = readDefinition('workflows/joint-review.json');
const mainland = readDefinition('calendars/cn-mainland.json');
const application = readDefinition('forms/standard-application.json');
const minzheng = readDefinition('departments/d1.minzheng.json');

const title = { 'zh-CN': '测试', en: 'Test' };

/** The library has no matters or bundles yet: these are valid ones to break. */
const matter = (key: string): Definition =>
  ({
    kind: 'matter',
    key,
    version: 1,
    title,
    category: 'government-duty',
    lead: 'd1.minzheng',
    cooperating: ['d1.renshe'],
    timeLimit: { workingDays: 20 },
    legalBasis: [{ 'zh-CN': '《社会救助暂行办法》', en: 'Interim Measures on Social Assistance' }],
    materials: [{ key: 'id-card', title: { 'zh-CN': '身份证', en: 'ID card' }, required: true }],
    form: 'standard-application',
    workflow: 'standard-approval',
  }) as Definition;

const bundle = {
  kind: 'bundle',
  key: 'b.newborn',
  version: 1,
  title,
  matters: [{ matter: 'm.a' }, { matter: 'm.b', after: ['m.a'] }, { matter: 'm.c', after: ['m.b'] }],
  timeLimit: { workingDays: 30 },
};

/** The library plus the matters the bundle above names. */
const withMatters = new Catalog([
  ...(readAllDefinitions() as Definition[]),
  matter('m.a'),
  matter('m.b'),
  matter('m.c'),
]);

const department = (key: string, parent: string): Definition =>
  ({ kind: 'department', key, version: 1, title, level: 'district', parent }) as Definition;
/** Two departments, each the other's parent. */
const looping = new Catalog([department('d3.alpha', 'd3.beta'), department('d3.beta', 'd3.alpha')]);

interface BrokenCase {
  name: string;
  definition: unknown;
  /** Defaults to the whole library. */
  catalog?: Catalog;
  path: string;
  code: ProblemCode;
  messageEn: string | RegExp;
}

const task = '/machine/states/accept/meta/task';

const cases: BrokenCase[] = [
  // --- not a definition at all ---
  {
    name: 'null',
    definition: null,
    path: '',
    code: 'not-an-object',
    messageEn: 'A definition must be a JSON object',
  },
  {
    name: 'an array',
    definition: [approval],
    path: '',
    code: 'not-an-object',
    messageEn: 'must be a JSON object',
  },
  {
    name: 'a string',
    definition: 'workflow',
    path: '',
    code: 'not-an-object',
    messageEn: 'must be a JSON object',
  },
  { name: 'a number', definition: 42, path: '', code: 'not-an-object', messageEn: 'must be a JSON object' },
  {
    name: 'an unknown kind',
    definition: broken(approval, ['/kind', 'process']),
    path: '/kind',
    code: 'unknown-kind',
    messageEn:
      /^Unknown definition kind "process"; the kinds are: department, calendar, matter, form, workflow, bundle/,
  },
  {
    name: 'a missing kind',
    definition: broken(approval, ['/kind', remove]),
    path: '/kind',
    code: 'schema.required',
    messageEn: 'The required field "kind" is missing',
  },

  // --- schema-level mistakes ---
  {
    name: 'a task without a queue',
    definition: broken(approval, [`${task}/queue`, remove]),
    path: `${task}/queue`,
    code: 'schema.required',
    messageEn: 'The required field "queue" is missing',
  },
  {
    name: 'a missing title',
    definition: broken(approval, ['/title', remove]),
    path: '/title',
    code: 'schema.required',
    messageEn: 'The required field "title" is missing',
  },
  {
    name: 'a version written as text',
    definition: broken(approval, ['/version', '1']),
    path: '/version',
    code: 'schema.type',
    messageEn: 'This must be a whole number',
  },
  {
    name: 'an unknown top-level field',
    definition: broken(approval, ['/colour', 'red']),
    path: '/colour',
    code: 'schema.additional',
    messageEn: 'Unknown field "colour"',
  },
  {
    name: 'a key with capitals and a space',
    definition: broken(approval, ['/key', 'Standard Approval']),
    path: '/key',
    code: 'schema.pattern',
    messageEn:
      '"Standard Approval" is not in the expected format: lower-case letters, digits and . _ - (for example d1.minzheng)',
  },
  {
    name: 'a priority that does not exist',
    definition: broken(approval, ['/machine/states/decide/meta/task/priority', 'critical']),
    path: '/machine/states/decide/meta/task/priority',
    code: 'schema.enum',
    messageEn: '"critical" is not one of the allowed values: normal, high, urgent',
  },
  {
    name: 'an empty outcomes list',
    definition: broken(approval, ['/machine/states/deliver/meta/task/outcomes', []]),
    path: '/machine/states/deliver/meta/task/outcomes',
    code: 'schema.minItems',
    messageEn: 'Needs at least 1 item',
  },
  {
    name: 'a form schema that is not an object schema',
    definition: broken(application, ['/schema/type', 'array']),
    path: '/schema/type',
    code: 'schema.const',
    messageEn: 'This must be "object"',
  },

  // --- XState features we forbid ---
  {
    name: 'a delayed transition (after)',
    definition: broken(approval, ['/machine/states/accept/after', { 86400000: 'review' }]),
    path: '/machine/states/accept/after',
    code: 'forbidden-feature',
    messageEn: /^"after" cannot be used in a workflow: .*SLA/,
  },
  {
    name: 'an invoked service (invoke)',
    definition: broken(approval, ['/machine/states/review/invoke', { src: 'checkCredit' }]),
    path: '/machine/states/review/invoke',
    code: 'forbidden-feature',
    messageEn: /^"invoke" cannot be used in a workflow: a workflow cannot run code/,
  },
  {
    name: 'a history state',
    definition: broken(approval, ['/machine/states/back', { type: 'history' }]),
    path: '/machine/states/back/type',
    code: 'forbidden-feature',
    messageEn: /^"history" cannot be used in a workflow/,
  },

  // --- workflow structure ---
  {
    name: 'a transition to a state that does not exist',
    definition: broken(approval, [`/machine/states/accept/on/accept`, 'reviw']),
    path: '/machine/states/accept/on/accept/target',
    code: 'unknown-target',
    messageEn: 'The target state "reviw" does not exist',
  },
  {
    name: 'a guarded transition to a state that does not exist',
    definition: broken(approval, ['/machine/states/review/on/approve/0/target', 'decid']),
    path: '/machine/states/review/on/approve/0/target',
    code: 'unknown-target',
    messageEn: 'The target state "decid" does not exist',
  },
  {
    name: 'a transition to an unknown #id',
    definition: broken(approval, ['/machine/states/decide/on/reject', '#standard-approval.refused']),
    path: '/machine/states/decide/on/reject/target',
    code: 'unknown-target',
    messageEn: 'The target state "#standard-approval.refused" does not exist',
  },
  {
    name: 'a state nothing leads to',
    definition: broken(approval, ['/machine/states/withdrawn', { type: 'final' }]),
    path: '/machine/states/withdrawn',
    code: 'unreachable-state',
    messageEn: 'State "standard-approval.withdrawn" can never be reached',
  },
  {
    name: 'an initial state that is not a child',
    definition: broken(approval, ['/machine/initial', 'start']),
    path: '/machine/initial',
    code: 'unknown-initial',
    messageEn: 'The initial state "start" is not a child of "standard-approval"',
  },
  {
    name: 'a compound state without an initial state',
    definition: broken(jointReview, ['/machine/states/review/states/lead/initial', remove]),
    path: '/machine/states/review/states/lead',
    code: 'missing-initial',
    messageEn: 'State "joint-review.review.lead" has child states, so it needs an initial state',
  },
  {
    name: 'two states with the same id',
    definition: broken(
      approval,
      ['/machine/states/review/id', 'check'],
      ['/machine/states/decide/id', 'check'],
    ),
    path: '/machine/states/decide/id',
    code: 'duplicate-id',
    messageEn: 'The state id "check" is used twice',
  },
  {
    name: 'a final state with a transition',
    definition: broken(approval, ['/machine/states/approved/on', { reopen: 'accept' }]),
    path: '/machine/states/approved',
    code: 'final-with-children',
    messageEn: 'The final state "standard-approval.approved" cannot have child states or transitions',
  },
  {
    name: 'a parallel state without regions',
    definition: broken(approval, ['/machine/states/decide/type', 'parallel']),
    path: '/machine/states/decide',
    code: 'no-children',
    messageEn: 'The parallel state "standard-approval.decide" needs child states',
  },
  {
    name: 'a task state with child states',
    definition: broken(
      approval,
      ['/machine/states/decide/initial', 'a'],
      ['/machine/states/decide/states', { a: { type: 'final' } }],
    ),
    path: '/machine/states/decide',
    code: 'task-not-atomic',
    messageEn: 'The task state "standard-approval.decide" cannot have child states',
  },
  {
    name: 'an event name the engine reserves',
    definition: broken(approval, ['/machine/states/accept/on/tb.timeout', 'rejected']),
    path: '/machine/states/accept/on/tb.timeout',
    code: 'event-reserved',
    messageEn: 'The event name "tb.timeout" is reserved',
  },
  {
    name: 'a child case of an unknown workflow',
    definition: broken(approval, ['/machine/states/decide/meta/childCase', { workflow: 'site-inspection' }]),
    path: '/machine/states/decide/meta/childCase/workflow',
    code: 'unknown-reference',
    messageEn: 'No workflow named "site-inspection" exists',
  },

  // --- tasks and outcomes ---
  {
    name: 'a task queue naming a department that does not exist',
    definition: broken(approval, [`${task}/queue`, { department: 'd9.nowhere' }]),
    path: `${task}/queue/department`,
    code: 'unknown-reference',
    messageEn: 'No department named "d9.nowhere" exists',
  },
  {
    name: 'a queue with two kinds',
    definition: broken(approval, [`${task}/queue`, { department: 'd1.minzheng', matter: 'lead' }]),
    path: `${task}/queue`,
    code: 'queue-one-kind',
    messageEn: 'A queue takes exactly one of department, matter or expr',
  },
  {
    name: 'a task form that does not exist',
    definition: broken(approval, ['/machine/states/review/meta/task/form', 'site-report']),
    path: '/machine/states/review/meta/task/form',
    code: 'unknown-reference',
    messageEn: 'No form named "site-report" exists',
  },
  {
    name: 'a workflow form that does not exist',
    definition: broken(approval, ['/form', 'no-such-form']),
    path: '/form',
    code: 'unknown-reference',
    messageEn: 'No form named "no-such-form" exists',
  },
  {
    name: 'an outcome without a transition',
    definition: broken(approval, ['/machine/states/accept/on/reject', remove]),
    path: `${task}/outcomes/1`,
    code: 'outcome-without-transition',
    messageEn: 'Outcome "reject" has no transition (on.reject)',
  },
  {
    name: 'a task whose only outcome leads nowhere',
    definition: broken(approval, [
      '/machine/states/deliver/on/delivered',
      { actions: { notify: { to: 'applicant', template: 'case.approved' } } },
    ]),
    path: '/machine/states/deliver/meta/task/outcomes',
    code: 'task-no-way-out',
    messageEn: 'The task "standard-approval.deliver" has no outcome that leads anywhere',
  },
  {
    name: 'an outcome listed twice',
    definition: broken(approval, [`${task}/outcomes/-`, 'accept']),
    path: `${task}/outcomes/4`,
    code: 'outcome-duplicate',
    messageEn: 'Outcome "accept" is listed twice',
  },
  {
    name: 'a transition for an outcome the engine handles',
    definition: broken(approval, ['/machine/states/accept/on/transfer', 'review']),
    path: '/machine/states/accept/on/transfer',
    code: 'outcome-reserved',
    messageEn: 'Outcome "transfer" is handled by the engine and cannot have a transition',
  },

  // --- expressions ---
  {
    name: 'a guard on a field the form does not have',
    definition: broken(approval, [
      '/machine/states/review/on/approve/0/guard/when',
      { '>': [{ var: 'data.amout' }, 10000] },
    ]),
    path: '/machine/states/review/on/approve/0/guard/when',
    code: 'unknown-field',
    messageEn: 'The expression uses the field "data.amout", which no form of this workflow has',
  },
  {
    name: 'a guard reading a variable outside the case',
    definition: broken(approval, ['/machine/states/review/on/approve/0/guard/when', { var: 'env.HOME' }]),
    path: '/machine/states/review/on/approve/0/guard/when',
    code: 'unknown-variable',
    messageEn: 'The expression uses "env.HOME"; only data, task, event and case can be used',
  },
  {
    name: 'a guard with an unknown operator',
    definition: broken(approval, [
      '/machine/states/review/on/approve/0/guard/when',
      { bigger: [{ var: 'data.amount' }, 1] },
    ]),
    path: '/machine/states/review/on/approve/0/guard/when/bigger',
    code: 'expression-invalid',
    messageEn: 'The expression is wrong: unknown operator "bigger"',
  },
  {
    name: 'an action setting something other than data',
    definition: broken(approval, ['/machine/states/accept/entry', { set: { 'case.status': 'accepted' } }]),
    path: '/machine/states/accept/entry/set/case.status',
    code: 'unknown-variable',
    messageEn: 'The expression uses "case.status"',
  },

  // --- SLAs and escalation ---
  {
    name: 'an SLA duration that does not parse',
    definition: broken(approval, [`${task}/sla`, { duration: 'PT30X' }]),
    path: `${task}/sla/duration`,
    code: 'duration-invalid',
    messageEn: /^The duration "PT30X" cannot be read; use ISO 8601/,
  },
  {
    name: 'a tier duration that does not parse',
    definition: broken(gridEvent, [
      '/machine/states/handle/meta/task/sla/tiers/immediate/duration',
      '30 minutes',
    ]),
    path: '/machine/states/handle/meta/task/sla/tiers/immediate/duration',
    code: 'duration-invalid',
    messageEn: 'The duration "30 minutes" cannot be read',
  },
  {
    name: 'an SLA with two kinds at once',
    definition: broken(approval, [`${task}/sla`, { workingDays: 1, duration: 'PT8H' }]),
    path: `${task}/sla`,
    code: 'sla-one-kind',
    messageEn: /^A time limit takes exactly one of duration, workingDays, workingHours, workingMinutes/,
  },
  {
    name: 'a tiered SLA without otherwise',
    definition: broken(gridEvent, ['/machine/states/handle/meta/task/sla/otherwise', remove]),
    path: '/machine/states/handle/meta/task/sla/otherwise',
    code: 'sla-tier-fallback',
    messageEn: 'A time limit chosen by an expression needs an "otherwise" tier',
  },
  {
    name: 'a tiered SLA whose otherwise is not a tier',
    definition: broken(gridEvent, ['/machine/states/handle/meta/task/sla/otherwise', 'someday']),
    path: '/machine/states/handle/meta/task/sla/otherwise',
    code: 'sla-tier-unknown',
    messageEn: 'The fallback tier "someday" is not one of the tiers',
  },
  {
    name: 'an escalation step with both at and after',
    definition: broken(approval, ['/machine/states/review/meta/task/escalation/0/after', 'P1D']),
    path: '/machine/states/review/meta/task/escalation/0',
    code: 'escalation-moment',
    messageEn: 'An escalation step takes exactly one moment: at, before or after',
  },
  {
    name: 'an escalation offset that does not parse',
    definition: broken(approval, ['/machine/states/review/meta/task/escalation/3/after', 'one day']),
    path: '/machine/states/review/meta/task/escalation/3/after',
    code: 'duration-invalid',
    messageEn: 'The duration "one day" cannot be read',
  },
  {
    name: 'an escalation offset with a minus sign inside',
    definition: broken(approval, [
      '/machine/states/review/meta/task/escalation/-',
      { before: 'P-1D', action: 'warn' },
    ]),
    path: '/machine/states/review/meta/task/escalation/4/before',
    code: 'duration-invalid',
    messageEn: 'The duration "P-1D" cannot be read',
  },
  {
    name: 'a notify step without a recipient',
    definition: broken(approval, ['/machine/states/review/meta/task/escalation/2/to', remove]),
    path: '/machine/states/review/meta/task/escalation/2/to',
    code: 'escalation-target',
    messageEn: 'The "notify" step needs "to" to say whom it concerns',
  },
  {
    name: 'a reassign step to a department that does not exist',
    definition: broken(approval, [
      '/machine/states/review/meta/task/escalation/-',
      { at: 1.2, action: 'reassign', to: 'd9.nowhere' },
    ]),
    path: '/machine/states/review/meta/task/escalation/4/to',
    code: 'unknown-reference',
    messageEn: 'No department named "d9.nowhere" exists',
  },

  // --- calendars ---
  {
    name: 'inverted working hours',
    definition: broken(mainland, ['/workingHours/0', { from: '12:00', to: '09:00' }]),
    path: '/workingHours/0',
    code: 'calendar-invalid',
    messageEn: 'The calendar is wrong: 12:00-09:00 ends before it starts',
  },
  {
    name: 'overlapping working hours',
    definition: broken(mainland, ['/workingHours/1/from', '11:30']),
    path: '/workingHours/1',
    code: 'calendar-invalid',
    messageEn: 'The calendar is wrong: working periods overlap',
  },
  {
    name: 'a holiday on a date that does not exist',
    definition: broken(mainland, ['/holidays/1/to', '2026-02-30']),
    path: '/holidays/1/to',
    code: 'date-invalid',
    messageEn: '"2026-02-30" is not a valid date (YYYY-MM-DD)',
  },
  {
    name: 'a make-up workday in month 13',
    definition: broken(mainland, ['/workdays/0/date', '2026-13-04']),
    path: '/workdays/0/date',
    code: 'date-invalid',
    messageEn: '"2026-13-04" is not a valid date',
  },
  {
    name: 'a holiday that ends before it starts',
    definition: broken(mainland, ['/holidays/0/to', '2025-12-31']),
    path: '/holidays/0/to',
    code: 'calendar-invalid',
    messageEn: 'the holiday ends (2025-12-31) before it starts (2026-01-01)',
  },
  {
    name: 'an unknown time zone',
    definition: broken(mainland, ['/timeZone', 'Asia/Beijing']),
    path: '/timeZone',
    code: 'calendar-invalid',
    messageEn: 'unknown time zone "Asia/Beijing"',
  },
  {
    name: 'a clock time without a leading zero',
    definition: broken(mainland, ['/workingHours/0/from', '9:00']),
    path: '/workingHours/0/from',
    code: 'schema.pattern',
    messageEn: '"9:00" is not in the expected format: a time HH:MM (for example 09:00)',
  },

  // --- departments ---
  {
    name: 'departments that are each other’s parent',
    definition: department('d3.alpha', 'd3.beta'),
    catalog: looping,
    path: '/parent',
    code: 'department-cycle',
    messageEn: 'The parent departments form a loop: d3.alpha → d3.beta → d3.alpha',
  },
  {
    name: 'a parent department that does not exist',
    definition: broken(minzheng, ['/parent', 'd9']),
    path: '/parent',
    code: 'unknown-reference',
    messageEn: 'No department named "d9" exists',
  },
  {
    name: 'a parent department below the department',
    definition: broken(minzheng, ['/parent', 'd1.s1.c1']),
    path: '/parent',
    code: 'department-parent-level',
    messageEn: 'The parent "d1.s1.c1" (community) is not above this department (district)',
  },
  {
    name: 'a department level that does not exist',
    definition: broken(minzheng, ['/level', 'province']),
    path: '/level',
    code: 'schema.enum',
    messageEn: '"province" is not one of the allowed values: city, district, street, community',
  },

  // --- matters ---
  {
    name: 'a matter lead department that does not exist',
    definition: broken(matter('m.test'), ['/lead', 'd9.minzheng']),
    path: '/lead',
    code: 'unknown-reference',
    messageEn: 'No department named "d9.minzheng" exists',
  },
  {
    name: 'a lead department also listed as cooperating',
    definition: broken(matter('m.test'), ['/cooperating/-', 'd1.minzheng']),
    path: '/cooperating/1',
    code: 'lead-also-cooperating',
    messageEn: 'The lead department "d1.minzheng" cannot also be a cooperating department',
  },
  {
    name: 'one open case per a data element the application form does not have',
    definition: broken(matter('m.test'), ['/oneOpenCasePer', 'person.passportNumber']),
    path: '/oneOpenCasePer',
    code: 'one-open-case-element-missing',
    messageEn:
      'One open case per person is keyed on the data element "person.passportNumber", but the matter\'s application form "standard-application" has no field marked with it',
  },
  {
    name: 'one open case per person for a matter without an application form',
    definition: broken(matter('m.test'), ['/form', remove], ['/oneOpenCasePer', 'person.idNumber']),
    path: '/oneOpenCasePer',
    code: 'one-open-case-element-missing',
    messageEn: /application form \(none: the matter names no form\) has no field/,
  },
  {
    name: 'a matter time limit that does not parse',
    definition: broken(matter('m.test'), ['/timeLimit', { duration: 'P20WD' }]),
    path: '/timeLimit/duration',
    code: 'duration-invalid',
    messageEn: 'The duration "P20WD" cannot be read',
  },
  {
    name: 'a matter workflow that does not exist',
    definition: broken(matter('m.test'), ['/workflow', 'fast-track']),
    path: '/workflow',
    code: 'unknown-reference',
    messageEn: 'No workflow named "fast-track" exists',
  },

  {
    name: 'a material that accepts a file type no counter takes',
    definition: broken(matter('m.test'), ['/materials/0/accept', ['image/jpeg', 'text/html']]),
    path: '/materials/0/accept/1',
    code: 'schema.enum',
    messageEn: /"text\/html" is not one of the allowed values: application\/pdf, image\/jpeg/,
  },

  // --- bundles ---
  {
    name: 'a cycle in bundle dependencies',
    definition: broken(bundle, ['/matters/0/after', ['m.c']]),
    catalog: withMatters,
    path: '/matters/0/after',
    code: 'bundle-cycle',
    messageEn: 'The matters depend on each other in a loop: m.a → m.c → m.b → m.a',
  },
  {
    name: 'a bundle matter depending on itself',
    definition: broken(bundle, ['/matters/1/after', ['m.b']]),
    catalog: withMatters,
    path: '/matters/1/after',
    code: 'bundle-cycle',
    messageEn: 'in a loop: m.b → m.b',
  },
  {
    name: 'a bundle depending on a matter not in the bundle',
    definition: broken(bundle, ['/matters/2/after/0', 'm.z']),
    catalog: withMatters,
    path: '/matters/2/after/0',
    code: 'bundle-unknown-dependency',
    messageEn: 'The matter "m.z" it depends on is not in this bundle',
  },
  {
    name: 'a matter listed twice in a bundle',
    definition: broken(bundle, ['/matters/-', { matter: 'm.a' }]),
    catalog: withMatters,
    path: '/matters/3/matter',
    code: 'bundle-duplicate-matter',
    messageEn: 'The matter "m.a" appears twice in the bundle',
  },
  {
    name: 'a bundle matter that does not exist',
    definition: broken(bundle, ['/matters/2/matter', 'm.zz']),
    catalog: withMatters,
    path: '/matters/2/matter',
    code: 'unknown-reference',
    messageEn: 'No matter named "m.zz" exists',
  },
  {
    name: 'a bundle condition on a field the combined form does not have',
    definition: broken(bundle, ['/matters/1/when', { '==': [{ var: 'data.hasChildren' }, true] }]),
    catalog: withMatters,
    path: '/matters/1/when',
    code: 'bundle-unknown-field',
    messageEn: 'The condition reads "data.hasChildren", which the combined form does not have',
  },

  // --- forms ---
  {
    name: 'a layout scope pointing to a missing property',
    definition: broken(application, ['/uischema/elements/2/scope', '#/properties/telephone']),
    path: '/uischema/elements/2/scope',
    code: 'form-scope-unknown',
    messageEn: 'The layout refers to "#/properties/telephone", which the form schema does not have',
  },
  {
    name: 'an invalid x-element data-element key',
    definition: broken(application, ['/schema/properties/phone/x-element', 'Person Phone']),
    path: '/schema/properties/phone/x-element',
    code: 'element-invalid',
    messageEn: 'The data element "Person Phone" should look like person.idNumber',
  },
  {
    name: 'a data element used twice in one form',
    definition: broken(application, ['/schema/properties/address/x-element', 'person.name']),
    path: '/schema/properties/address/x-element',
    code: 'element-duplicate',
    messageEn:
      'The data element "person.name" is used twice in one form ' +
      '(/schema/properties/applicantName and /schema/properties/address)',
  },
  {
    name: 'a form JSON Schema with an unknown type',
    definition: broken(application, ['/schema/properties/amount/type', 'money']),
    path: '/schema',
    code: 'form-schema-invalid',
    messageEn: /^The form's JSON Schema is wrong: .*amount\/type/,
  },
];

function matches(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}

function describeProblems(problems: Problem[]): string {
  return problems.map((found) => `${found.path} ${found.code}: ${found.message.en}`).join('\n');
}

describe('validate: broken definitions', () => {
  it('should start from valid definitions, so each case breaks exactly what it says', () => {
    const library = libraryCatalog();
    for (const base of [
      approval,
      gridEvent,
      jointReview,
      mainland,
      application,
      minzheng,
      matter('m.test'),
    ]) {
      expect(validate(base, library).problems).toEqual([]);
    }
    expect(validate(bundle, withMatters).problems).toEqual([]);
    expect(validate(department('d3.gamma', 'd1'), libraryCatalog()).problems).toEqual([]);
  });

  it('should have at least 30 broken definitions', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)(
    'should report $code at "$path" for $name',
    ({ definition, catalog, path, code, messageEn }) => {
      let result: ReturnType<typeof validate> | undefined;
      expect(() => {
        result = validate(definition, catalog ?? libraryCatalog());
      }).not.toThrow();
      if (result === undefined) throw new Error('validate returned nothing');

      expect(result.valid).toBe(false);
      const found = result.problems.find((candidate) => candidate.path === path && candidate.code === code);
      expect(
        found,
        `no ${code} at "${path}"; the problems were:\n${describeProblems(result.problems)}`,
      ).toBeDefined();
      if (found === undefined) return;
      expect(
        matches(found.message.en, messageEn),
        `message "${found.message.en}" does not match ${String(messageEn)}`,
      ).toBe(true);
      expect(found.message['zh-CN']).not.toBe('');
      expect(found.message['zh-CN']).not.toBe(found.message.en);

      for (const problem of result.problems) {
        // every sentence is complete: no unfilled {placeholder}, no value lost on the way ("undefined")
        expect(problem.message.en, problem.path).not.toMatch(/\{\w+\}|undefined/);
        expect(problem.message['zh-CN'], problem.path).not.toMatch(/\{\w+\}|undefined/);
        expect(problem.path === '' || problem.path.startsWith('/'), problem.path).toBe(true);
      }
    },
  );
});

describe('validate: the library', () => {
  const library = readAllDefinitions() as Definition[];

  it('should find definitions of every kind the library has', () => {
    expect(library.length).toBeGreaterThan(0);
  });

  it.each(library.map((definition) => ({ kind: definition.kind, key: definition.key, definition })))(
    'should report no problems for the library $kind "$key"',
    ({ definition }) => {
      const result = validate(definition, libraryCatalog());
      expect(result.problems, describeProblems(result.problems)).toEqual([]);
      expect(result.valid).toBe(true);
    },
  );
});

describe('validate: several mistakes', () => {
  it('should report every independent mistake of a definition at once', () => {
    const definition = broken(
      approval,
      [`${task}/queue`, { department: 'd9.nowhere' }],
      ['/machine/states/review/meta/task/sla', { duration: 'PT30X' }],
      ['/machine/states/decide/on/reject', 'rejectd'],
      ['/machine/states/review/on/approve/0/guard/when', { '>': [{ var: 'data.amout' }, 10000] }],
      ['/machine/states/decide/meta/task/priority', 'critical'],
      ['/machine/states/deliver/after', { 1000: 'approved' }],
    );
    const result = validate(definition, libraryCatalog());
    expect(result.valid).toBe(false);
    const found = result.problems.map(({ path, code }) => ({ path, code }));
    expect(found).toEqual(
      expect.arrayContaining([
        { path: `${task}/queue/department`, code: 'unknown-reference' },
        { path: '/machine/states/review/meta/task/sla/duration', code: 'duration-invalid' },
        { path: '/machine/states/decide/on/reject/target', code: 'unknown-target' },
        { path: '/machine/states/review/on/approve/0/guard/when', code: 'unknown-field' },
        { path: '/machine/states/decide/meta/task/priority', code: 'schema.enum' },
        { path: '/machine/states/deliver/after', code: 'forbidden-feature' },
      ]),
    );
  });

  it('should report each mistake once, not once per rule that trips over it', () => {
    const result = validate(broken(approval, ['/version', 'one'], ['/colour', 'red']), libraryCatalog());
    const keys = result.problems.map(({ path, code }) => `${path} ${code}`);
    expect(keys.sort()).toEqual(['/colour schema.additional', '/version schema.type']);
  });
});

describe('validate: robustness', () => {
  /** Every JSON pointer inside a value. */
  function pointers(value: unknown, at = ''): string[] {
    if (value === null || typeof value !== 'object') return [];
    return Object.entries(value).flatMap(([key, child]) => {
      const here = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return [here, ...pointers(child, here)];
    });
  }

  it.each([
    ['workflows/standard-approval.json', approval],
    ['workflows/joint-review.json', jointReview],
    ['calendars/cn-mainland.json', mainland],
    ['forms/standard-application.json', application],
    ['a matter', matter('m.test')],
    ['a bundle', bundle],
  ])(
    'should report problems, never throw, when any one part of %s is null, a list or text',
    (_name, base) => {
      for (const path of pointers(base)) {
        for (const value of [null, [], 'x', remove]) {
          expect(
            () => validate(broken(base, [path, value]), withMatters),
            `${path} = ${String(value)}`,
          ).not.toThrow();
        }
      }
    },
  );

  it('should validate a form whose schema has an $id more than once', () => {
    const form = broken(application, ['/schema/$id', 'https://forms.example.gov.cn/standard-application']);
    expect(validate(form).problems).toEqual([]);
    expect(validate(form).problems).toEqual([]);
    expect(
      validate(broken(form, ['/version', 2], ['/schema/properties/email', { type: 'string' }])).problems,
    ).toEqual([]);
  });
});

describe('validate: large workflows', () => {
  const chain = (count: number) => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i < count - 1; i++) {
      states[`s${i}`] = {
        meta: { task: { queue: { department: 'd1.minzheng' }, outcomes: ['next'] } },
        on: { next: i === count - 2 ? 'done' : `s${i + 1}` },
      };
    }
    states.done = { type: 'final' };
    return {
      kind: 'workflow',
      key: 'long-chain',
      version: 1,
      title: { 'zh-CN': '很多个状态的长链', en: 'A long chain of states' },
      machine: { initial: 's0', states },
    };
  };

  it('should accept a generated workflow of 300 states', () => {
    const result = validate(chain(300), libraryCatalog());
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('should refuse a workflow of 1,000 states as too large to check within bounds (decision 0015)', () => {
    const result = validate(chain(1000), libraryCatalog());
    expect(result.problems.map((found) => `${found.code} ${found.path}`)).toEqual(['definition-too-large ']);
  });

  it('should refuse a definition nested deeper than 64 levels, naming where, without walking it', () => {
    let nested: Record<string, unknown> = { type: 'final' };
    for (let level = 0; level < 10_000; level++) nested = { initial: 'x', states: { x: nested } };
    const result = validate({ ...chain(2), machine: nested }, libraryCatalog());
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.code).toBe('definition-too-deep');
    expect(result.problems[0]?.path).toMatch(/^\/machine\/states\/x\/states\/x\//);
  });
});

describe('sensitive data that would leave the case', () => {
  const form = {
    kind: 'form',
    key: 'household',
    version: 1,
    title: { 'zh-CN': '户籍', en: 'Household' },
    schema: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        applicant: {
          type: 'object',
          properties: { name: { type: 'string' }, idNumber: { type: 'string', 'x-sensitive': true } },
        },
        children: {
          type: 'array',
          items: { type: 'object', properties: { idNumber: { type: 'string', 'x-sensitive': true } } },
        },
      },
    },
  };
  const workflowWith = (notifyData: Record<string, unknown>, queue: unknown = { department: 'd1' }) => ({
    kind: 'workflow',
    key: 'leaky',
    version: 1,
    title: { 'zh-CN': '泄露', en: 'Leaky' },
    form: 'household',
    machine: {
      initial: 'review',
      states: {
        review: {
          meta: { task: { title: { 'zh-CN': '审核', en: 'Review' }, queue, outcomes: ['approve'] } },
          on: {
            approve: {
              target: 'done',
              actions: [{ notify: { to: 'department:d1', template: 'x', data: notifyData } }],
            },
          },
        },
        done: { type: 'final' },
      },
    },
  });
  const catalogWith = () => {
    const catalog = new Catalog();
    catalog.add(form as never);
    catalog.add({
      kind: 'department',
      code: 'd1',
      key: 'd1',
      version: 1,
      title: { 'zh-CN': '部门', en: 'Department' },
    } as never);
    return catalog;
  };

  it('should report a notification that copies a sensitive field, nested or in an array item, at its path', () => {
    // given
    const workflow = workflowWith({
      who: { var: 'data.applicant.name' },
      id: { var: 'data.applicant.idNumber' },
      child: { cat: ['#', { var: 'data.children.0.idNumber' }] },
      everything: { var: 'data.applicant' },
    });
    // when
    const problems = validate(workflow, catalogWith()).problems.filter(
      (found) => found.code === 'sensitive-leaves-case',
    );
    // then
    expect(problems.map((found) => found.path).sort()).toEqual(
      [
        '/machine/states/review/on/approve/actions/0/notify/data/child',
        '/machine/states/review/on/approve/actions/0/notify/data/everything',
        '/machine/states/review/on/approve/actions/0/notify/data/id',
      ].sort(),
    );
    expect(problems[0]?.message.en).toContain('sensitive');
  });

  it('should report a queue expression that reads a sensitive field', () => {
    const workflow = workflowWith({}, { expr: { var: 'data.applicant.idNumber' } });
    expect(
      validate(workflow, catalogWith()).problems.map((found) => [found.path, found.code]),
    ).toContainEqual(['/machine/states/review/meta/task/queue/expr', 'sensitive-leaves-case']);
  });
});

describe('one open case per person', () => {
  it('should accept a matter keyed on a data element its application form has', () => {
    // given: standard-application marks its ID number field person.idNumber
    const keyed = broken(matter('m.test'), ['/oneOpenCasePer', 'person.idNumber']);
    // when / then
    expect(validate(keyed, libraryCatalog()).problems).toEqual([]);
  });
});

describe('fields the application owns', () => {
  it("should report a task form that declares a field of the matter's application form", () => {
    // given: the review form of the standard approval asks for "amount" too
    const catalog = new Catalog(readAllDefinitions() as Definition[]); // not the shared one: it changes
    const review = catalog.get('form', 'review-opinion');
    if (!review) throw new Error('no review-opinion form in the library');
    const withAmount = structuredClone(review);
    (withAmount.schema.properties as Record<string, unknown>).amount = { type: 'number' };
    catalog.add(withAmount);
    const matter = catalog.all('matter').find((candidate) => candidate.key === 'd1.subsistence-allowance');
    // when
    const problems = validate(matter, catalog).problems;
    // then
    expect(problems.map((found) => [found.path, found.code])).toContainEqual([
      '/form',
      'task-form-owns-application-field',
    ]);
    expect(problems[0]?.message.en).toContain('"amount"');
  });
});
