import { describe, expect, it } from 'vitest';
import { compiled, libraryCatalog } from '../../test/support/library.js';
import { Catalog } from '../definitions/catalog.js';
import type { WorkflowDefinition } from '../definitions/types.js';
import { compileWorkflow } from '../interpreter/compile.js';
import { exploreWorkflow, type ExploreOptions } from './explore.js';

/**
 * Path tests generated from the workflow graphs: for each sample workflow, every state is reached by
 * some sequence of outcomes, and from every situation a case can reach, it can still be finished.
 */
const samples: Array<{ key: string; options: ExploreOptions }> = [
  {
    key: 'standard-approval',
    options: {
      inputs: [{ case: { id: 'c', lead: 'd1.minzheng' }, data: { amount: 100 } }],
      outcomeData: [{}, { amount: 50_000 }],
    },
  },
  {
    key: 'joint-review',
    options: {
      inputs: [{ case: { id: 'c', lead: 'd1.minzheng', cooperating: ['d1.weijian', 'd1.jiaotong'] } }],
    },
  },
  {
    key: 'grid-event',
    options: {
      inputs: ['immediate', 'sameDay', 'deadline'].map((urgency) => ({
        case: { id: 'c', lead: 'd1.chengguan', street: 'd1.s1' },
        data: { urgency, eventType: 'garbage', location: 'x', description: 'y' },
      })),
    },
  },
];

describe.each(samples)('path tests: $key', ({ key, options }) => {
  const exploration = exploreWorkflow(compiled(key), options);

  it('should reach every state of the workflow', () => {
    expect(exploration.unreached).toEqual([]);
  });

  it('should leave every task state by some outcome: no situation is a dead end', () => {
    expect(exploration.deadEnds).toEqual([]);
  });

  it('should reach each final state by a path of outcomes that replays to the same result', () => {
    const finals = compiled(key).graph.root.children.filter((node) => node.type === 'final');
    for (const final of finals) expect(exploration.reached.get(final.id), final.id).toBeDefined();
  });
});

describe('path tests: the explorer itself', () => {
  it('should report a dead end where two tasks only hand the case back and forth', () => {
    const pingPong: WorkflowDefinition = {
      kind: 'workflow',
      key: 'ping-pong',
      version: 1,
      title: { 'zh-CN': '来回推诿', en: 'Ping-pong' },
      machine: {
        initial: 'a',
        states: {
          a: {
            meta: { task: { queue: { department: 'd1.minzheng' }, outcomes: ['pass'] } },
            on: { pass: 'b' },
          },
          b: {
            meta: { task: { queue: { department: 'd1.renshe' }, outcomes: ['pass'] } },
            on: { pass: 'a' },
          },
        },
      },
    };
    const catalog = libraryCatalog();
    const exploration = exploreWorkflow(
      compileWorkflow(
        pingPong,
        new Catalog([...catalog.all('department'), ...catalog.all('calendar'), pingPong]),
      ),
      {
        inputs: [{ case: { id: 'c' } }],
      },
    );
    expect(exploration.unreached).toEqual([]);
    expect(exploration.deadEnds).toEqual([
      [],
      [{ state: 'ping-pong.a', department: 'd1.minzheng', outcome: 'pass' }],
    ]);
  });

  it('should give the shortest path of outcomes to each state', () => {
    const exploration = exploreWorkflow(compiled('grid-event'), {
      inputs: [{ case: { id: 'c', lead: 'd1.chengguan', street: 'd1.s1' }, data: { urgency: 'immediate' } }],
    });
    expect(exploration.reached.get('grid-event.closed')?.map((step) => step.outcome)).toEqual([
      'resolved',
      'confirmed',
    ]);
  });
});
