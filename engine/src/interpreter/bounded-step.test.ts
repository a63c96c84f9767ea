import { describe, expect, it } from 'vitest';
import { counterIds, libraryCatalog, shanghai } from '../../test/support/library.js';
import type { WorkflowDefinition } from '../definitions/types.js';
import { EngineError } from '../errors/engine-error.js';
import { compileWorkflow, maxMicrosteps } from './compile.js';
import { start, step } from './step.js';

/**
 * A step of a case is bounded whatever the workflow says (decision 0015): eventless transitions that
 * keep choosing each other stop after a bounded number of microsteps, and the expressions of one step
 * share one work meter.
 */
const title = (text: string) => ({ 'zh-CN': text, en: text });
const review = {
  meta: { task: { title: title('review'), queue: { department: 'd1.minzheng' }, outcomes: ['approve'] } },
  on: { approve: 'done' },
};
const workflow = (machine: object): WorkflowDefinition =>
  ({ kind: 'workflow', key: 'bounded', version: 1, title: title('bounded'), machine }) as WorkflowDefinition;
const monday = shanghai('2026-03-09T10:00');

const refusal = (run: () => unknown): EngineError => {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected the step to be refused');
};

describe('bounded steps', () => {
  it('should stop eventless transitions that choose each other forever, with TB_STEP_LIMIT', () => {
    const looping = compileWorkflow(
      workflow({
        initial: 'a',
        states: {
          a: { always: { target: 'b', guard: { when: true } } },
          b: {
            always: [{ target: 'a', guard: { when: { '!': { var: 'data.stop' } } } }, { target: 'review' }],
          },
          review,
          done: { type: 'final' },
        },
      }),
      libraryCatalog(),
    );
    const error = refusal(() => start(looping, { case: { id: 'c1' }, data: {} }, monday, counterIds()));
    expect(error.code).toBe('TB_STEP_LIMIT');
    expect(error.message).toContain(String(maxMicrosteps));
    // the same machine, when the data lets it rest, runs
    const rested = start(looping, { case: { id: 'c2' }, data: { stop: true } }, monday, counterIds());
    expect(rested.snapshot.value).toBe('review');
  });

  it('should count every expression of a step on one meter: 40 guards of 2,000 readings', () => {
    // each guard alone is within an expression's limit; the step as a whole is not
    const guard = { '==': [{ '+': [{ var: 'data.list' }] }, -1] };
    const states: Record<string, object> = { review, done: { type: 'final' } };
    for (let index = 0; index < 40; index++)
      states[`s${index}`] = {
        always: [
          { target: 'done', guard: { when: guard } },
          { target: index < 39 ? `s${index + 1}` : 'review' },
        ],
      };
    const heavy = compileWorkflow(workflow({ initial: 's0', states }), libraryCatalog());
    const list = Array.from({ length: 8_000 }, (_, index) => `value ${index}`);
    const error = refusal(() => start(heavy, { case: { id: 'c1' }, data: { list } }, monday, counterIds()));
    expect(error.code).toBe('TB_EXPRESSION_LIMIT');
    expect(error.message).toContain('one step of a case');
    // a small answer goes through all 40 guards to the review
    const ok = start(heavy, { case: { id: 'c2' }, data: { list: [1, 2] } }, monday, counterIds());
    expect(ok.snapshot.value).toBe('review');
    // and the meter is the step's: the next step starts afresh
    const next = step(
      heavy,
      ok.snapshot,
      {
        type: 'task.outcome',
        taskId: Object.keys(ok.snapshot.tasks)[0] as string,
        outcome: 'approve',
        actor: 'u1',
      },
      monday,
      counterIds('n'),
    );
    expect(next.snapshot.status).toBe('done');
  });
});
