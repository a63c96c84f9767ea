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
        case: { id: 'c', lead: 'd1.chengguan' },
        data: { urgency, eventType: 'garbage', community: 'd1.s1.c1', location: 'x', description: 'y' },
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
      inputs: [
        { case: { id: 'c', lead: 'd1.chengguan' }, data: { urgency: 'immediate', community: 'd1.s1.c1' } },
      ],
    });
    expect(exploration.reached.get('grid-event.closed')?.map((step) => step.outcome)).toEqual([
      'resolved',
      'confirmed',
    ]);
    // and the verify step is the grid workers' of the community where it happened
    expect(exploration.reached.get('grid-event.closed')?.map((step) => step.department)).toEqual([
      'd1.chengguan',
      'd1.s1.c1',
    ]);
  });

  it('should report a step the engine refuses with the path to it, instead of stopping', () => {
    // given a report that names no community: nobody can be found to verify it
    const exploration = exploreWorkflow(compiled('grid-event'), {
      inputs: [{ case: { id: 'c', lead: 'd1.chengguan' }, data: { urgency: 'immediate' } }],
    });
    expect(exploration.reached.get('grid-event.closed')).toBeUndefined();
    expect(exploration.failures).toEqual([
      {
        path: [{ state: 'grid-event.handle', department: 'd1.chengguan', outcome: 'resolved' }],
        code: 'TB_QUEUE_UNRESOLVED',
        detail: expect.stringContaining('grid-event.verify'),
      },
    ]);
  });

  it("should send each task its own form's data when the data is chosen per task", () => {
    const asked: string[] = [];
    const exploration = exploreWorkflow(compiled('grid-event'), {
      inputs: [
        { case: { id: 'c', lead: 'd1.chengguan' }, data: { urgency: 'immediate', community: 'd1.s1.c1' } },
      ],
      outcomeData: (task) => {
        asked.push(`${task.state}@${task.department}`);
        return [{ verifiedOnSite: task.state === 'grid-event.verify' }];
      },
    });
    expect(new Set(asked)).toEqual(new Set(['grid-event.handle@d1.chengguan', 'grid-event.verify@d1.s1.c1']));
    expect(exploration.reached.get('grid-event.closed')?.map((step) => step.data)).toEqual([
      { verifiedOnSite: false },
      { verifiedOnSite: true },
    ]);
  });
});
