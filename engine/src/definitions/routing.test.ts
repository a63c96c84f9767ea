import { describe, expect, it } from 'vitest';
import { Catalog } from './catalog.js';
import type { Problem } from './problems.js';
import type { Definition, FormDefinition, MatterDefinition, WorkflowDefinition } from './types.js';
import { validate } from './validate.js';
import { compileWorkflow } from '../interpreter/compile.js';
import { libraryCatalog } from '../../test/support/library.js';

/**
 * Where a case goes must be knowable from what is published: a task's queue reads only what some form,
 * action or the start of the case sets, and each event type of the grid report form belongs to exactly
 * one matter that the form offers it for. Otherwise a case waits forever for a queue nobody can name
 * (TB_QUEUE_UNRESOLVED) or a report is silently refused or sent to the wrong matter.
 */
const library = libraryCatalog();
const gridEvent = library.get('workflow', 'grid-event') as WorkflowDefinition;
const gridReport = library.get('form', 'grid-report') as FormDefinition;
const garbage = library.get('matter', 'd1.garbage') as MatterDefinition;

/** The grid event workflow with its verify step's queue replaced. */
function verifyQueuedBy(expr: unknown): WorkflowDefinition {
  const copy = structuredClone(gridEvent);
  const verify = copy.machine.states?.verify?.meta?.task;
  if (verify === undefined) throw new Error('test setup: the grid event has no verify task');
  verify.queue = { expr } as never;
  return copy;
}

const at = (problems: Problem[], path: string) => problems.filter((problem) => problem.path === path);
const show = (problems: Problem[]) => problems.map((p) => `${p.path} ${p.code}: ${p.message.en}`).join('\n');
const verifyQueue = '/machine/states/verify/meta/task/queue/expr';

describe('queues that read what nothing sets', () => {
  it('should report a queue expression that reads a case field the runtime never sets', () => {
    // given the verify step routed by case.street, which no start of a case sets
    const { problems } = validate(verifyQueuedBy({ var: 'case.street' }), library);
    // then the validator names the field and what a case does know
    const found = at(problems, verifyQueue);
    expect(
      found.map((problem) => problem.code),
      show(problems),
    ).toEqual(['unknown-case-field']);
    expect(found[0]?.message.en).toContain('"case.street"');
    expect(found[0]?.message.en).toContain('lead');
    expect(found[0]?.message['zh-CN']).toContain('case.street');
  });

  it('should accept the case fields a case starts with', () => {
    for (const field of ['id', 'matter', 'lead', 'cooperating', 'applicant']) {
      const { problems } = validate(
        verifyQueuedBy({ if: [{ var: `case.${field}` }, { var: 'case.lead' }, 'd1.s1'] }),
        library,
      );
      expect(at(problems, verifyQueue), `${field}: ${show(problems)}`).toEqual([]);
    }
  });

  it('should still build a version published before the check, for the cases that run on it', () => {
    // given grid-event version 1 as it was published, verified by case.street
    const old = { ...verifyQueuedBy({ var: 'case.street' }), version: 1 };
    // then it is not published again, but the cases started on it stay readable and workable
    expect(() => compileWorkflow(old, library)).toThrow(/case\.street/);
    expect(compileWorkflow(old, library, { published: true }).definition.version).toBe(1);
  });

  it('should report a queue expression that reads the task or the event, which are unset when a task opens', () => {
    for (const name of ['task.department', 'event.data.community']) {
      const { problems } = validate(verifyQueuedBy({ var: name }), library);
      expect(
        at(problems, verifyQueue).map((problem) => problem.code),
        show(problems),
      ).toContain('queue-reads-unset');
    }
  });

  it('should report a queue expression that reads a form field no form of the workflow has', () => {
    const { problems } = validate(verifyQueuedBy({ var: 'data.street' }), library);
    expect(at(problems, verifyQueue).map((problem) => problem.code)).toEqual(['unknown-field']);
  });

  it('should report a form answer a queue would take as a department that does not exist', () => {
    // given the report form's place list with a community that is on no department list
    const places = structuredClone(gridReport);
    const properties = places.schema.properties as Record<string, Record<string, unknown>>;
    const place = properties.community;
    expect(place, 'the grid report asks where the event happened').toBeDefined();
    const choices = (place?.oneOf ?? []) as Array<{ const: string; title: string }>;
    choices.push({ const: 'd1.s9.c9', title: '不存在的社区 / Nowhere' });
    const catalog = new Catalog([...everything(), { ...places, version: places.version + 1 }]);
    // when the workflow that queues by it is validated
    const { problems } = validate(catalog.get('workflow', 'grid-event'), catalog);
    // then the queue says which answer leads nowhere, and in which form
    const found = problems.filter((problem) => problem.code === 'queue-value-not-department');
    expect(
      found.map((problem) => problem.path),
      show(problems),
    ).toEqual([verifyQueue]);
    expect(found[0]?.message.en).toContain('d1.s9.c9');
    expect(found[0]?.message.en).toContain('grid-report');
  });
});

describe('event types of the responsibility list', () => {
  it('should report two matters that claim one event type of one workflow, naming the other', () => {
    // given a second matter that also takes garbage reports
    const second = { ...structuredClone(garbage), key: 'd1.garbage-2', lead: 'd1.zhujian' };
    const catalog = new Catalog([...everything(), second]);
    // then each names the other at the event type's place
    const first = validate(garbage, catalog).problems;
    expect(
      first.map((p) => [p.path, p.code]),
      show(first),
    ).toEqual([['/eventTypes/0', 'event-type-claimed-twice']]);
    expect(first[0]?.message.en).toContain('d1.garbage-2');
    expect(first[0]?.message.en).toContain('"garbage"');
    const other = validate(second, catalog).problems;
    expect(other.map((p) => [p.path, p.code])).toEqual([['/eventTypes/0', 'event-type-claimed-twice']]);
    expect(other[0]?.message.en).toContain('d1.garbage');
  });

  it('should let matters of different workflows share an event type (each workflow routes its own reports)', () => {
    const elsewhere = { ...structuredClone(gridEvent), key: 'grid-event-2' };
    const second = { ...structuredClone(garbage), key: 'd1.garbage-2', workflow: 'grid-event-2' };
    const catalog = new Catalog([...everything(), elsewhere, second]);
    expect(validate(second, catalog).problems).toEqual([]);
    expect(validate(garbage, catalog).problems).toEqual([]);
  });

  it('should report an event type the report form does not offer, naming the form', () => {
    const claims = { ...structuredClone(garbage), eventTypes: ['garbage', 'graffiti'] };
    const { problems } = validate(claims, library);
    expect(
      problems.map((p) => [p.path, p.code]),
      show(problems),
    ).toEqual([['/eventTypes/1', 'event-type-not-offered']]);
    expect(problems[0]?.message.en).toContain('"graffiti"');
    expect(problems[0]?.message.en).toContain('grid-report');
  });

  it("should report an event type when the matter's own form has no event type at all", () => {
    const claims = { ...structuredClone(garbage), form: 'standard-application' };
    const { problems } = validate(claims, library);
    expect(
      problems.map((p) => [p.path, p.code]),
      show(problems),
    ).toEqual([['/eventTypes/0', 'event-type-not-offered']]);
  });

  it('should report a new version of the report form that drops an event type a matter claims', () => {
    // given the grid report without "noise", which d1.noise takes
    const dropped = structuredClone(gridReport);
    const eventType = (dropped.schema.properties as Record<string, { enum: string[] }>).eventType;
    if (!eventType) throw new Error('test setup: no eventType');
    eventType.enum = eventType.enum.filter((value) => value !== 'noise');
    const { problems } = validate({ ...dropped, version: dropped.version + 1 }, library);
    expect(
      problems.map((p) => [p.path, p.code]),
      show(problems),
    ).toEqual([['/schema/properties/eventType', 'event-type-withdrawn']]);
    expect(problems[0]?.message.en).toContain('d1.noise');
  });

  it('should find no such problem in the library', () => {
    for (const definition of everything())
      expect(validate(definition, library).problems, `${definition.kind} ${definition.key}`).toEqual([]);
  });
});

function everything(): Definition[] {
  return (['department', 'calendar', 'matter', 'form', 'workflow', 'bundle'] as const).flatMap(
    (kind) => library.all(kind) as Definition[],
  );
}
