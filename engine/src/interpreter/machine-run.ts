import {
  createActor,
  initialTransition,
  type AnyActorRef,
  type AnyMachineSnapshot,
  type AnyStateMachine,
} from 'xstate';
import { EngineError } from '../errors/engine-error.js';
import { evaluate } from '../expressions/evaluate.js';
import type { Expression } from '../expressions/types.js';
import type { WorkMeter } from '../expressions/work.js';
import { maxMicrosteps, type CompiledWorkflow } from './compile.js';
import type { MachineContext } from './scope.js';
import type { TaskBook } from './tasks.js';

interface ReturnedAction {
  type: string;
  params?: unknown;
  info?: { context?: unknown };
}

/** How a task that leaves its state is closed: who completed it and with which outcome. */
export interface ExitContext {
  completedTaskIds: ReadonlySet<string>;
  outcome?: string;
  reason?: string;
  actor?: string;
}

const noExit: ExitContext = { completedTaskIds: new Set() };

export function initialMachineStep(
  workflow: CompiledWorkflow,
  input: MachineContext,
): [AnyMachineSnapshot, ReturnedAction[]] {
  const [next, actions] = initialTransition(workflow.machine, input) as [
    AnyMachineSnapshot,
    ReturnedAction[],
  ];
  return [settled(next), actions];
}

/**
 * XState does not throw what goes wrong inside a transition: it returns a snapshot with status
 * "error". Such a snapshot is never taken for the case's next state: the error is thrown, and the step
 * refused with nothing written. A guard's TB_EXPRESSION_LIMIT stays itself; XState's stop after
 * `maxMicrosteps` microsteps (eventless transitions choosing each other in a loop) becomes
 * TB_STEP_LIMIT (decision 0015).
 */
function settled(snapshot: AnyMachineSnapshot): AnyMachineSnapshot {
  if (snapshot.status !== 'error') return snapshot;
  const error: unknown = (snapshot as { error?: unknown }).error;
  if (error instanceof Error && !(error instanceof EngineError) && error.message.startsWith('Infinite loop'))
    throw new EngineError('TB_STEP_LIMIT', { limit: maxMicrosteps });
  throw error;
}

/**
 * XState's `transition` builds a throw-away actor for every call, and its constructor computes the
 * machine's initial snapshot: most of a step's cost. Our machines spawn and invoke nothing and every
 * action comes back to us instead of running, so one never-started actor per machine serves as `self`
 * for all of its steps; nothing is kept on it between calls.
 */
const inertSelves = new WeakMap<AnyStateMachine, AnyActorRef>();

export function machineStep(
  workflow: CompiledWorkflow,
  snapshot: AnyMachineSnapshot,
  event: { type: string },
): [AnyMachineSnapshot, ReturnedAction[]] {
  const machine = workflow.machine;
  let self = inertSelves.get(machine);
  if (self === undefined) {
    self = createActor(machine);
    inertSelves.set(machine, self);
  }
  const actions: ReturnedAction[] = [];
  const scope = {
    self,
    system: self.system,
    id: '',
    sessionId: '',
    defer: () => undefined,
    logger: () => undefined,
    stopChild: () => undefined,
    emit: () => undefined,
    actionExecutor: (action: ReturnedAction) => {
      actions.push(action);
    },
  };
  const next = machine.transition(snapshot as never, event as never, scope as never) as AnyMachineSnapshot;
  return [settled(next), actions];
}

/**
 * Carries out the actions XState returned, in order: exits close tasks, entries open them, notify and
 * child cases become effects. This is where the machine's declarative intent turns into effects.
 */
export function applyActions(
  book: TaskBook,
  actions: ReturnedAction[],
  fallback: MachineContext,
  exit: ExitContext = noExit,
): void {
  for (const action of actions) {
    const context = (action.info?.context as MachineContext | undefined) ?? fallback;
    const params = (action.params ?? {}) as Record<string, unknown>;
    switch (action.type) {
      case 'tb.exitTask':
        for (const task of book.openTasksOf(String(params.stateId))) {
          const completed = exit.completedTaskIds.has(task.id);
          book.close(task, completed ? 'completed' : 'cancelled', completed ? detailsOf(exit) : {});
        }
        break;
      case 'tb.enterTask':
        book.open(String(params.stateId), context);
        break;
      case 'tb.notify':
        book.effects.push({
          type: 'notify',
          to: String(params.to),
          template: String(params.template),
          data: evaluateMap(
            params.data as Record<string, Expression> | undefined,
            context,
            book.workflow.work.meter,
          ),
          at: book.now,
        });
        break;
      case 'tb.startChild':
        book.effects.push({
          type: 'startChildCase',
          childId: book.ids(),
          stateId: String(params.stateId),
          workflow: String(params.workflow),
          data: evaluateMap(
            params.data as Record<string, Expression> | undefined,
            context,
            book.workflow.work.meter,
          ),
        });
        break;
      default:
        break;
    }
  }
}

function detailsOf(exit: ExitContext): { outcome?: string; reason?: string; actor?: string } {
  const details: { outcome?: string; reason?: string; actor?: string } = {};
  if (exit.outcome !== undefined) details.outcome = exit.outcome;
  if (exit.reason !== undefined) details.reason = exit.reason;
  if (exit.actor !== undefined) details.actor = exit.actor;
  return details;
}

function evaluateMap(
  map: Record<string, Expression> | undefined,
  context: MachineContext,
  meter: WorkMeter | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (map === undefined) return out;
  const scope = { data: context.data, case: context.case, task: null, event: null };
  for (const [key, expression] of Object.entries(map))
    out[key] = evaluate(expression, scope, undefined, meter);
  return out;
}
