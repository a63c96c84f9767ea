import { Catalog } from '../definitions/catalog.js';
import type { Definition, WorkflowDefinition } from '../definitions/types.js';
import { addDuration, parseDuration } from '../duration/iso-duration.js';
import { EngineError, isEngineError } from '../errors/engine-error.js';
import type { LocalizedText } from '../i18n/text.js';
import { compileWorkflow, type CompiledWorkflow } from '../interpreter/compile.js';
import { start, step } from '../interpreter/step.js';
import type { CaseInfo, CaseSnapshot, Effect, EngineEvent, StepResult } from '../interpreter/types.js';

/** One line of a simulation script: optionally move the clock, then optionally act. */
export interface ScriptStep {
  /** Move the clock by an ISO 8601 duration, firing every timer that falls due on the way. */
  advance?: string;
  /** Move the clock to this instant (ISO 8601 with offset, or epoch ms). */
  at?: string | number;
  /** Complete the open task in this state (state key or full id), optionally in this department. */
  outcome?: string;
  task?: string;
  department?: string;
  reason?: string;
  data?: Record<string, unknown>;
  toDepartment?: string;
  items?: string[];
  /** Or send any event as is. */
  event?: EngineEvent;
}

export interface SimulationScript {
  workflow: string;
  start: string | number;
  case?: Partial<CaseInfo>;
  data?: Record<string, unknown>;
  steps: ScriptStep[];
}

export interface TimelineEntry {
  at: number;
  /** Index of the script step that caused it; -1 for the start, and the step during which a timer fired. */
  step: number;
  effect: Effect;
}

export interface SimulationResult {
  timeline: TimelineEntry[];
  snapshot: CaseSnapshot;
  /** Where the clock stopped. */
  now: number;
  /** Timers still pending at the end: id and when they would fire. */
  pendingTimers: Array<{ timerId: string; fireAt: number }>;
  /** The first step that was refused, with the engine's reason; the simulation stops there. */
  failure?: { step: number; code: string; message: LocalizedText };
}

const compiledCache = new WeakMap<Catalog, Map<string, CompiledWorkflow>>();

/**
 * Runs a case through a script with a fake clock: each step may move time (every timer that falls due
 * fires, in order) and then complete a task or send an event. Returns the timeline of effects. The
 * designer's simulator and the tests use this; it is the same engine the runtime runs.
 */
export function simulate(definitions: Catalog | Definition[], script: SimulationScript): SimulationResult {
  const catalog = definitions instanceof Catalog ? definitions : new Catalog(definitions);
  const workflow = compiledFor(catalog, script.workflow);
  let counter = 0;
  const ids = () => `sim-${++counter}`;
  const timeline: TimelineEntry[] = [];
  const pending = new Map<string, number>();
  let now = toInstant(script.start);

  const record = (result: StepResult, stepIndex: number): CaseSnapshot => {
    for (const effect of result.effects) {
      timeline.push({ at: now, step: stepIndex, effect });
      if (effect.type === 'scheduleTimer') pending.set(effect.timerId, effect.fireAt);
      if (effect.type === 'cancelTimer') pending.delete(effect.timerId);
    }
    return result.snapshot;
  };

  let snapshot = record(
    start(
      workflow,
      { case: { id: 'simulated-case', ...script.case } as CaseInfo, data: script.data ?? {} },
      now,
      ids,
    ),
    -1,
  );

  const runTimersUntil = (until: number, stepIndex: number): void => {
    for (;;) {
      let next: [string, number] | undefined;
      for (const entry of pending)
        if (entry[1] <= until && (next === undefined || entry[1] < next[1])) next = entry;
      if (next === undefined || snapshot.status !== 'active') break;
      pending.delete(next[0]);
      now = Math.max(now, next[1]);
      snapshot = record(
        step(workflow, snapshot, { type: 'timer.fired', timerId: next[0] }, now, ids),
        stepIndex,
      );
    }
    now = Math.max(now, until);
  };

  for (const [index, line] of script.steps.entries()) {
    try {
      if (line.at !== undefined) runTimersUntil(toInstant(line.at), index);
      if (line.advance !== undefined)
        runTimersUntil(addDuration(now, parseDuration(line.advance), 'UTC'), index);
      const event = line.event ?? (line.outcome !== undefined ? outcomeEvent(snapshot, line) : undefined);
      if (event !== undefined) snapshot = record(step(workflow, snapshot, event, now, ids), index);
    } catch (error) {
      if (!isEngineError(error)) throw error;
      return {
        timeline,
        snapshot,
        now,
        pendingTimers: pendingList(pending),
        failure: { step: index, code: error.code, message: error.text },
      };
    }
  }
  return { timeline, snapshot, now, pendingTimers: pendingList(pending) };
}

function compiledFor(catalog: Catalog, key: string): CompiledWorkflow {
  let byKey = compiledCache.get(catalog);
  if (!byKey) {
    byKey = new Map();
    compiledCache.set(catalog, byKey);
  }
  let compiled = byKey.get(key);
  if (!compiled) {
    const definition = catalog.get('workflow', key) as WorkflowDefinition | undefined;
    if (!definition) throw new EngineError('TB_UNKNOWN_DEFINITION', { kind: 'workflow', key });
    compiled = compileWorkflow(definition, catalog);
    byKey.set(key, compiled);
  }
  return compiled;
}

/** Finds the task a script line means: the only open one, or the one in the named state and department. */
function outcomeEvent(snapshot: CaseSnapshot, line: ScriptStep): EngineEvent {
  const candidates = Object.values(snapshot.tasks).filter(
    (task) =>
      (line.task === undefined || task.stateId === line.task || task.stateId.endsWith(`.${line.task}`)) &&
      (line.department === undefined || task.department === line.department),
  );
  if (candidates.length !== 1) {
    const open =
      Object.values(snapshot.tasks)
        .map((task) => `${task.stateId}@${task.department}`)
        .join(', ') || 'none';
    throw new EngineError('TB_TASK_NOT_FOUND', {
      taskId: `${line.task ?? '(any)'}@${line.department ?? '(any)'} (${candidates.length} match; open: ${open})`,
    });
  }
  const task = candidates[0] as (typeof candidates)[number];
  const event: Extract<EngineEvent, { type: 'task.outcome' }> = {
    type: 'task.outcome',
    taskId: task.id,
    outcome: line.outcome as string,
  };
  if (line.reason !== undefined) event.reason = line.reason;
  if (line.data !== undefined) event.data = line.data;
  if (line.toDepartment !== undefined) event.toDepartment = line.toDepartment;
  if (line.items !== undefined) event.items = line.items;
  return event;
}

function toInstant(value: string | number): number {
  const instant = typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(instant))
    throw new EngineError('TB_EVENT_INVALID', {
      detail: `"${value}" is not an instant (use ISO 8601 with an offset)`,
    });
  return instant;
}

function pendingList(pending: Map<string, number>): Array<{ timerId: string; fireAt: number }> {
  return [...pending].map(([timerId, fireAt]) => ({ timerId, fireAt })).sort((a, b) => a.fireAt - b.fireAt);
}
