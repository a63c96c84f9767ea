import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../interpreter/compile.js';
import { start, step } from '../interpreter/step.js';
import type { Problem } from './problems.js';
import type { WorkflowDefinition } from './types.js';
import { validate } from './validate.js';
import { resolveScope } from './checks/form-scopes.js';
import { counterIds, libraryCatalog, shanghai } from '../../test/support/library.js';

/*
 * Machines and forms brought from elsewhere: written the way XState's documentation and JSON Forms'
 * examples write them, wrapped in our envelope. What the safe subset allows must pass; what it does not
 * must say, at its path, what to write instead.
 */

const title = { 'zh-CN': '测试', en: 'Test' };
const workflow = (key: string, machine: unknown): unknown => ({
  kind: 'workflow',
  key,
  version: 1,
  title,
  machine,
});
const form = (key: string, schema: unknown, uischema: unknown): unknown => ({
  kind: 'form',
  key,
  version: 1,
  title,
  schema,
  uischema,
});
const where = (problems: Problem[]) => problems.map((problem) => [problem.path, problem.code]);
const task = (department: string, outcomes: string[]) => ({
  task: { queue: { department }, outcomes, sla: { workingDays: 5 } },
});

describe('XState machines from the documentation', () => {
  // XState's parallel example (a file that uploads and downloads at once) as two departments at once
  const parallelRoot = {
    id: 'opening',
    type: 'parallel',
    states: {
      fireSafety: {
        initial: 'inspecting',
        states: {
          inspecting: { meta: task('d1.xiaofang', ['pass']), on: { pass: 'passed' } },
          passed: { type: 'final' },
        },
      },
      licence: {
        initial: 'reviewing',
        states: {
          reviewing: { meta: task('d1.shichang', ['grant']), on: { grant: 'granted' } },
          granted: { type: 'final' },
        },
      },
    },
  };

  it('should accept a parallel root without initial, as XState does, and run it to its end', () => {
    // given
    const definition = workflow('opening', parallelRoot);
    // when
    const { problems } = validate(definition, libraryCatalog());
    // then
    expect(problems).toEqual([]);
    const compiled = compileWorkflow(definition as WorkflowDefinition, libraryCatalog());
    const ids = counterIds();
    const monday = shanghai('2026-03-09T10:00');
    let result = start(compiled, { case: { id: 'c1' } }, monday, ids);
    const tasks = Object.values(result.snapshot.tasks);
    expect(tasks.map((open) => open.department).sort()).toEqual(['d1.shichang', 'd1.xiaofang']);
    for (const open of tasks) {
      const outcome = open.department === 'd1.xiaofang' ? 'pass' : 'grant';
      result = step(
        compiled,
        result.snapshot,
        { type: 'task.outcome', taskId: open.id, outcome },
        monday + 60_000,
        ids,
      );
    }
    expect(result.snapshot.status).toBe('done');
  });

  it('should still ask a compound root for its initial state', () => {
    const { initial: _, ...noInitial } = { initial: 'a', states: { a: { type: 'final' } } };
    const { problems } = validate(workflow('no-initial', noInitial));
    expect(where(problems)).toContainEqual(['/machine', 'missing-initial']);
    expect(problems.filter((found) => found.code.startsWith('schema.'))).toEqual([]);
  });

  // XState's feedback example, with its guards and actions named as the documentation names them
  const feedback = {
    id: 'feedback',
    initial: 'prompt',
    context: { feedback: '' },
    states: {
      prompt: {
        meta: { view: 'prompt-screen' },
        on: { 'feedback.good': 'thanks', 'feedback.bad': 'form' },
      },
      form: {
        on: {
          'feedback.update': { actions: 'updateFeedback' },
          submit: { guard: 'feedbackValid', target: 'submitted' },
          back: { target: 'prompt', actions: [{ type: 'track', params: { screen: 'form' } }] },
          close: { cond: 'canClose', target: 'closed' },
        },
        always: { guard: { type: 'isTooLong', params: { max: 500 } }, actions: { type: 'xstate.assign' } },
      },
      submitted: { type: 'final', entry: ['notifyTeam'], output: { feedback: 'sent' } },
      thanks: { type: 'final' },
      closed: { type: 'final' },
    },
    output: { done: true },
  };

  it('should say for each named guard, named action, context, meta key and output what to write instead', () => {
    // when
    const { problems } = validate(workflow('feedback', feedback), libraryCatalog());
    // then: one problem each, at its path, and none of the bare schema errors they used to give
    const at = '/machine/states/form';
    expect(where(problems).sort()).toEqual(
      [
        ['/machine/context', 'xstate.context'],
        ['/machine/output', 'xstate.output'],
        ['/machine/states/prompt/meta/view', 'xstate.meta'],
        [`${at}/on/feedback.update/actions`, 'xstate.named-action'],
        [`${at}/on/submit/guard`, 'xstate.named-guard'],
        [`${at}/on/back/actions/0`, 'xstate.named-action'],
        [`${at}/on/close/cond`, 'xstate.cond'],
        [`${at}/always/guard`, 'xstate.named-guard'],
        [`${at}/always/actions`, 'xstate.named-action'],
        ['/machine/states/submitted/entry/0', 'xstate.named-action'],
        ['/machine/states/submitted/output', 'xstate.output'],
      ].sort(),
    );
    const message = (path: string) => problems.find((problem) => problem.path === path)?.message;
    expect(message(`${at}/on/submit/guard`)?.en).toMatch(/"feedbackValid".*\{ "when": /);
    expect(message(`${at}/always/guard`)?.en).toContain('"isTooLong"');
    expect(message(`${at}/on/feedback.update/actions`)?.en).toMatch(/"updateFeedback".*"set": \{ "data\./);
    expect(message(`${at}/always/actions`)?.en).toMatch(/"xstate.assign".*"set"/);
    expect(message('/machine/states/submitted/entry/0')?.en).toMatch(/"notifyTeam".*"notify"/);
    expect(message(`${at}/on/back/actions/0`)?.en).toMatch(/"track".*"set".*"notify"/);
    expect(message('/machine/context')?.en).toMatch(/"data"/);
    expect(message('/machine/states/prompt/meta/view')?.en).toMatch(
      /"view".*task, childCase, result and title.*description/,
    );
    expect(message('/machine/output')?.en).toContain('meta.result');
    expect(message(`${at}/on/close/cond`)?.en).toMatch(/XState v4.*"guard": \{ "when"/);
    for (const problem of problems) {
      expect(problem.message['zh-CN'], problem.path).not.toBe(problem.message.en);
      expect(problem.message['zh-CN'], problem.path).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("should say that XState's context is data where an expression reads or sets it", () => {
    // given: a counter from XState's documentation, its guard and assign turned into expressions
    const counter = {
      initial: 'counting',
      states: {
        counting: {
          on: {
            increment: {
              guard: { when: { '<': [{ var: 'context.count' }, 10] } },
              actions: { set: { 'context.count': { '+': [{ var: 'context.count' }, 1] } } },
            },
            finish: 'done',
          },
        },
        done: { type: 'final' },
      },
    };
    // when
    const { problems } = validate(workflow('counter', counter));
    // then
    const on = '/machine/states/counting/on/increment';
    expect(where(problems)).toEqual([
      [`${on}/guard/when`, 'xstate.context-variable'],
      [`${on}/actions/set/context.count`, 'xstate.context-variable'],
      [`${on}/actions/set/context.count`, 'xstate.context-variable'],
    ]);
    expect(problems[0]?.message.en).toMatch(/"context.count".*"data.count"/);
  });

  it('should accept the same machine written as the problems say, and run it', () => {
    // given: each problem fixed the way its message says
    const fixed = {
      id: 'feedback',
      initial: 'prompt',
      entry: { set: { 'data.feedback': '' } },
      states: {
        prompt: {
          description: 'prompt-screen',
          on: { 'feedback.good': 'thanks', 'feedback.bad': 'form' },
        },
        form: {
          on: {
            'feedback.update': { actions: { set: { 'data.feedback': { var: 'event.feedback' } } } },
            submit: {
              guard: { when: { '>': [{ length: { var: 'data.feedback' } }, 0] } },
              target: 'submitted',
            },
            back: 'prompt',
          },
        },
        submitted: {
          type: 'final',
          entry: [{ notify: { to: 'department:d1.minzheng', template: 'feedback.received' } }],
          meta: { result: 'sent' },
        },
        thanks: { type: 'final' },
      },
    };
    const definition = workflow('feedback', fixed);
    expect(validate(definition, libraryCatalog()).problems).toEqual([]);
    // when
    const compiled = compileWorkflow(definition as WorkflowDefinition, libraryCatalog());
    const ids = counterIds();
    const now = shanghai('2026-03-09T10:00');
    let result = start(compiled, { case: { id: 'c1' } }, now, ids);
    expect(result.snapshot.context.data).toEqual({ feedback: '' });
    result = step(compiled, result.snapshot, { type: 'feedback.bad' }, now, ids);
    // the guard holds the case where it is until there is feedback to send
    const empty = result.snapshot;
    expect(() => step(compiled, empty, { type: 'submit' }, now, ids)).toThrow(/not allowed/);
    result = step(compiled, empty, { type: 'feedback.update', feedback: '办事很快' }, now, ids);
    result = step(compiled, result.snapshot, { type: 'submit' }, now, ids);
    // then
    expect(result.snapshot).toMatchObject({
      status: 'done',
      result: 'sent',
      context: { data: { feedback: '办事很快' } },
    });
  });
});

describe('JSON Forms layouts', () => {
  const applicant = {
    type: 'object',
    properties: {
      applicantType: { type: 'string', enum: ['person', 'company'] },
      married: { type: 'boolean' },
      children: {
        type: 'array',
        items: {
          type: 'object',
          properties: { name: { type: 'string' }, age: { type: 'integer' }, inSchool: { type: 'boolean' } },
        },
      },
      address: { $ref: '#/definitions/address' },
    },
    definitions: {
      address: { type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } },
    },
    allOf: [{ properties: { name: { type: 'string' } } }],
    anyOf: [{ properties: { phone: { type: 'string' } } }, { properties: { email: { type: 'string' } } }],
    if: { properties: { applicantType: { const: 'company' } } },
    then: { properties: { creditCode: { type: 'string' } } },
    else: { properties: { idNumber: { type: 'string' } } },
  };

  it('should accept a root control, scopes into allOf, anyOf, if-then-else and through $ref', () => {
    const uischema = {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/allOf/0/properties/name' },
        { type: 'Control', scope: '#/anyOf/1/properties/email' },
        { type: 'Control', scope: '#/then/properties/creditCode' },
        { type: 'Control', scope: '#/else/properties/idNumber' },
        // JSON Forms also finds a property of a subschema when the combinator is left out
        { type: 'Control', scope: '#/properties/phone' },
        { type: 'Control', scope: '#/properties/address/properties/street' },
        {
          type: 'Group',
          label: 'Everything',
          elements: [{ type: 'Control', scope: '#' }],
          rule: { effect: 'SHOW', condition: { scope: '#', schema: { required: ['married'] } } },
        },
      ],
    };
    expect(validate(form('applicant', applicant, uischema)).problems).toEqual([]);
  });

  it('should accept rules and detail layouts whose scopes exist, detail scopes relative to the item', () => {
    const uischema = {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/married' },
        {
          type: 'Control',
          scope: '#/properties/children',
          rule: { effect: 'SHOW', condition: { scope: '#/properties/married', schema: { const: true } } },
          options: {
            detail: {
              type: 'HorizontalLayout',
              elements: [
                { type: 'Control', scope: '#/properties/name' },
                { type: 'Control', scope: '#/properties/age' },
                {
                  type: 'Control',
                  scope: '#/properties/inSchool',
                  rule: {
                    effect: 'ENABLE',
                    condition: {
                      type: 'AND',
                      conditions: [
                        { scope: '#/properties/age', schema: { minimum: 6 } },
                        { type: 'LEAF', scope: '#/properties/name', expectedValue: 'x' },
                        // without the '#', as JSON Forms' array-with-detail-and-rule example writes it
                        { scope: '/properties/name', schema: { minLength: 1 } },
                      ],
                    },
                  },
                },
              ],
            },
          },
        },
        {
          type: 'Control',
          scope: '#/properties/address',
          options: {
            detail: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/city' }] },
          },
        },
        { type: 'Control', scope: '#/properties/children', options: { detail: 'GENERATED' } },
      ],
    };
    expect(validate(form('applicant', applicant, uischema)).problems).toEqual([]);
  });

  it('should report a rule condition or a detail layout that points at nothing, at its path', () => {
    const uischema = {
      type: 'VerticalLayout',
      elements: [
        {
          type: 'Control',
          scope: '#/properties/children',
          rule: { effect: 'SHOW', condition: { scope: '#/properties/marrid', schema: { const: true } } },
          options: {
            detail: {
              type: 'VerticalLayout',
              elements: [
                { type: 'Control', scope: '#/properties/name' },
                // absolute, as if outside the detail: JSON Forms resolves it against one child and finds nothing
                { type: 'Control', scope: '#/properties/children/items/properties/age' },
                {
                  type: 'Control',
                  scope: '#/properties/inSchool',
                  rule: {
                    effect: 'HIDE',
                    condition: {
                      type: 'OR',
                      conditions: [
                        { scope: '#/properties/age', schema: { maximum: 5 } },
                        { scope: '#/properties/married', schema: { const: false } },
                      ],
                    },
                  },
                },
              ],
            },
          },
        },
        { type: 'Control', scope: '#/properties/nothing' },
      ],
    };
    const { problems } = validate(form('applicant', applicant, uischema));
    expect(where(problems)).toEqual([
      ['/uischema/elements/0/rule/condition/scope', 'form-rule-scope-unknown'],
      ['/uischema/elements/0/options/detail/elements/1/scope', 'form-detail-scope-unknown'],
      [
        '/uischema/elements/0/options/detail/elements/2/rule/condition/conditions/1/scope',
        'form-detail-scope-unknown',
      ],
      ['/uischema/elements/1/scope', 'form-scope-unknown'],
    ]);
    const detail = problems[1] as Problem;
    expect(detail.message.en).toContain('relative to one item');
    expect(detail.message.en).toContain('#/properties/children');
  });

  it('should end, not loop, on $refs that lead back to themselves, and follow a recursive form', () => {
    const looping = {
      type: 'object',
      properties: { a: { $ref: '#/definitions/b' } },
      definitions: { b: { $ref: '#/definitions/c' }, c: { $ref: '#/definitions/b' } },
    };
    expect(resolveScope(looping, '#/properties/a', looping)).toBeUndefined();
    const person = { type: 'object', properties: { name: { type: 'string' }, guardian: { $ref: '#' } } };
    const scope = '#/properties/guardian/properties/guardian/properties/name';
    expect(resolveScope(person, scope, person)).toEqual({ type: 'string' });
    expect(resolveScope(person, '#/properties/guardian/properties/age', person)).toBeUndefined();
  });
});
