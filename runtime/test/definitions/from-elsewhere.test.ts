import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';

/**
 * Issue 12, point 10, through the API: an administrator pastes a machine written the way XState's
 * documentation writes it, and a form laid out the way JSON Forms' examples lay it out. What the safe
 * subset allows is published; what it does not is answered, at its path, with what to write instead.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

interface ValidationJson {
  valid: boolean;
  problems: Array<{ path: string; code: string; message: string; messages: { 'zh-CN': string; en: string } }>;
}

const title = { 'zh-CN': '开店联审', en: 'Opening a shop' };
const region = (department: string, outcome: string) => ({
  initial: 'working',
  states: {
    working: {
      meta: { task: { queue: { department }, outcomes: [outcome], sla: { workingDays: 5 } } },
      on: { [outcome]: 'finished' },
    },
    finished: { type: 'final' },
  },
});

describe('definitions from elsewhere, through the API', () => {
  it('should publish a machine whose root is parallel without initial, as XState writes it', async () => {
    const definition = {
      kind: 'workflow',
      key: 'xstate-parallel-root',
      version: 1,
      title,
      machine: {
        type: 'parallel',
        states: { fireSafety: region('d1.xiaofang', 'pass'), licence: region('d1.shichang', 'grant') },
      },
    };
    const checked = await h.json<ValidationJson>('admin', 'POST', '/api/definitions/validate', definition);
    expect(checked).toEqual({ valid: true, problems: [] });
    await h.json('admin', 'POST', '/api/definitions', definition, 201);
    await h.json('admin', 'POST', '/api/definitions/workflow/xstate-parallel-root/1/publish');
  });

  it('should answer named guards and actions and a context with what to write instead', async () => {
    const definition = {
      kind: 'workflow',
      key: 'xstate-named',
      version: 1,
      title,
      machine: {
        initial: 'form',
        context: { feedback: '' },
        states: {
          form: { on: { submit: { guard: 'feedbackValid', target: 'sent', actions: ['notifyTeam'] } } },
          sent: { type: 'final' },
        },
      },
    };
    const checked = await h.json<ValidationJson>('admin', 'POST', '/api/definitions/validate', definition);
    expect(checked.valid).toBe(false);
    expect(checked.problems.map((problem) => [problem.path, problem.code])).toEqual([
      ['/machine/context', 'xstate.context'],
      ['/machine/states/form/on/submit/guard', 'xstate.named-guard'],
      ['/machine/states/form/on/submit/actions/0', 'xstate.named-action'],
    ]);
    const guard = checked.problems[1];
    expect(guard?.messages.en).toContain('{ "when": ');
    expect(guard?.messages['zh-CN']).toContain('表达式');
  });
});
