import { assign, setup, type AnyStateMachine } from 'xstate';
import type { Catalog } from '../definitions/catalog.js';
import type {
  ActionSpec,
  MachineSpec,
  OutcomeSpec,
  StateNodeSpec,
  TaskSpec,
  TransitionList,
  WorkflowDefinition,
} from '../definitions/types.js';
import { validate } from '../definitions/validate.js';
import { EngineError } from '../errors/engine-error.js';
import { evaluate, evaluateCondition } from '../expressions/evaluate.js';
import type { Expression } from '../expressions/types.js';
import type { WorkMeter } from '../expressions/work.js';
import type { LocalizedText } from '../i18n/text.js';
import type { CalendarLookup } from '../sla/clock.js';
import { defaultEscalation, type EscalationStep } from '../sla/types.js';
import { buildGraph, normalizeTransitions, type WorkflowGraph } from '../workflow/graph.js';
import { engineOutcomes, outcomeKey } from '../workflow/outcomes.js';
import { expressionScope, type MachineContext } from './scope.js';

export interface CompiledTask {
  stateId: string;
  spec: TaskSpec;
  title: LocalizedText;
  outcomes: Map<string, OutcomeSpec>;
  /** Outcome keys in declared order: the first listed wins when several departments disagree. */
  outcomeOrder: string[];
  escalation: readonly EscalationStep[];
}

/** A workflow ready to run: validated once, with its XState machine built once. */
export interface CompiledWorkflow {
  definition: WorkflowDefinition;
  catalog: Catalog;
  machine: AnyStateMachine;
  graph: WorkflowGraph;
  tasks: Map<string, CompiledTask>;
  /** Final states of the root with the case result each gives. */
  results: Map<string, string>;
  calendars: CalendarLookup;
  defaultCalendar: string;
  /** The meter of the step running now (step.ts sets it): every expression of a step counts on it. */
  work: StepWork;
}

/** Where a step's work meter is kept while the step runs; empty between steps. */
export interface StepWork {
  meter: WorkMeter | undefined;
}

/**
 * Most microsteps one step may take (decision 0015): eventless transitions that keep choosing each
 * other would otherwise loop forever in XState, holding the server.
 */
export const maxMicrosteps = 200;

export const outcomeEvent = (stateId: string, outcome: string): string => `tb.outcome:${stateId}:${outcome}`;

export interface CompileOptions {
  /**
   * The definition is a version published earlier (validated then) that cases run on: it is built as it
   * is. The validator learns new checks and the catalog changes around a published version, and neither
   * may leave the cases started on it unreadable (a running case stays on its version).
   */
  published?: boolean;
}

/**
 * Validates a workflow against the catalog and builds its machine. Throws TB_DEFINITION_INVALID with
 * the problems when the definition is not valid: a broken definition never runs. A published version
 * (`options.published`) was validated when it was published and is built without validating again.
 */
export function compileWorkflow(
  definition: WorkflowDefinition,
  catalog: Catalog,
  options: CompileOptions = {},
): CompiledWorkflow {
  const { problems } = options.published ? { problems: [] } : validate(definition, catalog);
  if (problems.length > 0) {
    const first = problems[0] as (typeof problems)[number];
    const error = new EngineError(
      'TB_DEFINITION_INVALID',
      { key: definition.key, count: problems.length, first: `${first.path}: ${first.message.en}` },
      first.path,
    );
    throw Object.assign(error, { problems });
  }
  const machineId = definition.machine.id ?? definition.key;
  const graph = buildGraph(definition.machine, machineId);
  const tasks = new Map<string, CompiledTask>();
  for (const node of graph.tasks) {
    const spec = node.task as TaskSpec;
    tasks.set(node.id, {
      stateId: node.id,
      spec,
      title: spec.title ?? node.spec.meta?.title ?? { 'zh-CN': node.key, en: node.key },
      outcomes: new Map(spec.outcomes.map((outcome) => [outcomeKey(outcome), outcome])),
      outcomeOrder: spec.outcomes.map(outcomeKey),
      escalation: spec.escalation ?? defaultEscalation,
    });
  }
  const results = new Map<string, string>();
  for (const child of graph.root.children) {
    if (child.type === 'final') results.set(child.key, child.spec.meta?.result ?? child.key);
  }

  const config = transformNode(definition.machine, graph.root.id, graph, true) as MachineSpec;
  const work: StepWork = { meter: undefined };
  const machine = setup({
    types: {} as { context: MachineContext; input: MachineContext },
    guards: {
      'tb.when': ({ context, event }, params: { when: Expression }) =>
        evaluateCondition(params.when, expressionScope(context, event), undefined, work.meter),
    },
    actions: {
      'tb.set': assign(({ context, event }, params: { set: Record<string, Expression> }) => {
        const scope = expressionScope(context, event);
        const data = { ...context.data };
        for (const [target, expression] of Object.entries(params.set))
          setPath(data, target.slice('data.'.length), evaluate(expression, scope, undefined, work.meter));
        return { data };
      }),
      // carried out by the interpreter from the returned action list
      'tb.enterTask': () => undefined,
      'tb.exitTask': () => undefined,
      'tb.notify': () => undefined,
      'tb.startChild': () => undefined,
    },
  }).createMachine({
    ...(config as object),
    id: machineId,
    context: ({ input }: { input: MachineContext }) => input,
    options: { maxIterations: maxMicrosteps },
  } as never) as unknown as AnyStateMachine; // machines built from data have no static state types

  const calendars: CalendarLookup = (key) => {
    const calendar = catalog.calendar(key);
    if (!calendar) throw new EngineError('TB_UNKNOWN_DEFINITION', { kind: 'calendar', key });
    return calendar;
  };
  const defaultCalendar = definition.calendar ?? catalog.defaultCalendarKey();
  if (defaultCalendar === undefined && tasks.size > 0) {
    throw new EngineError('TB_UNKNOWN_DEFINITION', { kind: 'calendar', key: '(default)' });
  }
  return {
    definition,
    catalog,
    machine,
    graph,
    tasks,
    results,
    calendars,
    defaultCalendar: defaultCalendar ?? '',
    work,
  };
}

/** Rewrites our declarative JSON into XState's: guards and actions by name, task states wired to the engine. */
function transformNode(spec: StateNodeSpec, id: string, graph: WorkflowGraph, isRoot = false): StateNodeSpec {
  const node = isRoot ? graph.root : graph.byId.get(id);
  const out: Record<string, unknown> = { ...spec };
  const task = spec.meta?.task;
  const entry = toActions(spec.entry);
  const exit = toActions(spec.exit);
  if (task !== undefined) {
    entry.unshift({ type: 'tb.enterTask', params: { stateId: id } });
    exit.push({ type: 'tb.exitTask', params: { stateId: id } });
  }
  if (spec.meta?.childCase !== undefined)
    entry.push({ type: 'tb.startChild', params: { stateId: id, ...spec.meta.childCase } });
  if (entry.length > 0) out.entry = entry;
  if (exit.length > 0) out.exit = exit;

  if (spec.on !== undefined) {
    const on: Record<string, unknown> = {};
    const outcomes = new Set(
      (task?.outcomes ?? []).map(outcomeKey).filter((key) => !engineOutcomes.has(key)),
    );
    for (const [event, list] of Object.entries(spec.on)) {
      const isOutcome = outcomes.has(event);
      on[isOutcome ? outcomeEvent(id, event) : event] = toTransitions(list);
    }
    out.on = on;
  }
  if (spec.always !== undefined) out.always = toTransitions(spec.always);
  if (spec.onDone !== undefined) out.onDone = toTransitions(spec.onDone);
  if (spec.states !== undefined && node !== undefined) {
    const states: Record<string, StateNodeSpec> = {};
    for (const child of node.children) states[child.key] = transformNode(child.spec, child.id, graph);
    out.states = states;
  }
  return out as StateNodeSpec;
}

function toTransitions(list: TransitionList): unknown[] {
  return normalizeTransitions(list).map((transition) => {
    const out: Record<string, unknown> = { ...transition };
    if (transition.guard !== undefined)
      out.guard = { type: 'tb.when', params: { when: transition.guard.when } };
    const actions = toActions(transition.actions);
    if (actions.length > 0) out.actions = actions;
    else delete out.actions;
    return out;
  });
}

function toActions(
  actions: ActionSpec | ActionSpec[] | undefined,
): Array<{ type: string; params?: unknown }> {
  if (actions === undefined) return [];
  return (Array.isArray(actions) ? actions : [actions]).map((action) =>
    'set' in action
      ? { type: 'tb.set', params: { set: action.set } }
      : { type: 'tb.notify', params: action.notify },
  );
}

/** Writes `value` at a dotted path, creating plain objects on the way (never touching prototypes). */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  let current = target;
  segments.forEach((segment, index) => {
    if (segment === '__proto__' || segment === 'constructor' || segment === 'prototype') return;
    if (index === segments.length - 1) {
      current[segment] = value;
      return;
    }
    const next = current[segment];
    const copy =
      next !== null && typeof next === 'object' && !Array.isArray(next)
        ? { ...(next as Record<string, unknown>) }
        : {};
    current[segment] = copy;
    current = copy;
  });
}
