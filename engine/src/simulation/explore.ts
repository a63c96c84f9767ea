import type { StateValue } from 'xstate';
import { isEngineError } from '../errors/engine-error.js';
import type { CompiledWorkflow } from '../interpreter/compile.js';
import { start, step } from '../interpreter/step.js';
import type { CaseSnapshot, EngineEvent, StartInput } from '../interpreter/types.js';
import type { GraphNode, WorkflowGraph } from '../workflow/graph.js';
import { engineOutcomes } from '../workflow/outcomes.js';

export interface ExploreOptions {
  /** Start inputs to try (different data may take different branches). */
  inputs: StartInput[];
  /**
   * Form data variants to send with each outcome, so guards over task data are exercised: the same for
   * every task, or chosen per task (its own form's data, as a member of staff would fill it in).
   */
  outcomeData?: Array<Record<string, unknown>> | ((task: TaskAt) => Array<Record<string, unknown>>);
  /** Stop after this many distinct situations (a guard against data that loops forever). */
  maxSituations?: number;
}

/** An open task the explorer is about to give an outcome. */
export interface TaskAt {
  state: string;
  department: string;
}

export interface PathStep {
  state: string;
  department: string;
  outcome: string;
  data?: Record<string, unknown>;
}

export interface Exploration {
  /** Every state node that was active in some situation, with the shortest path of outcomes to it. */
  reached: Map<string, PathStep[]>;
  /** State nodes never active. */
  unreached: string[];
  /** Situations from which no sequence of outcomes ends the case, with the path that leads there. */
  deadEnds: PathStep[][];
  /**
   * Outcomes the engine refused with an error other than unmet conditions (a queue nobody can name, a
   * department that does not exist): each with the path that ends in the refused step.
   */
  failures: Array<{ path: PathStep[]; code: string; detail: string }>;
  situations: number;
}

const NOW = Date.parse('2026-03-09T09:00:00+08:00');

/**
 * Walks every situation a case can reach by trying each outcome of each open task, breadth first, with
 * the real interpreter. Used by path tests and by the designer to show states no case can reach.
 */
export function exploreWorkflow(workflow: CompiledWorkflow, options: ExploreOptions): Exploration {
  const maxSituations = options.maxSituations ?? 5000;
  const outcomeData = options.outcomeData ?? [{}];
  const variantsFor = (task: TaskAt) => (typeof outcomeData === 'function' ? outcomeData(task) : outcomeData);
  const failures: Exploration['failures'] = [];
  let counter = 0;
  const ids = () => `x${++counter}`;
  const reached = new Map<string, PathStep[]>();
  const seen = new Map<string, { snapshot: CaseSnapshot; path: PathStep[]; next: Set<string> }>();
  const queue: string[] = [];

  const visit = (snapshot: CaseSnapshot, path: PathStep[]): string => {
    const key = situationKey(snapshot);
    if (!seen.has(key)) {
      seen.set(key, { snapshot, path, next: new Set() });
      queue.push(key);
      for (const node of activeNodes(workflow.graph, snapshot.value))
        if (!reached.has(node.id)) reached.set(node.id, path);
    }
    return key;
  };

  for (const input of options.inputs) visit(start(workflow, input, NOW, ids).snapshot, []);
  while (queue.length > 0 && seen.size < maxSituations) {
    const key = queue.shift() as string;
    const current = seen.get(key) as NonNullable<ReturnType<typeof seen.get>>;
    if (current.snapshot.status !== 'active') continue;
    for (const task of Object.values(current.snapshot.tasks)) {
      const outcomes = workflow.tasks.get(task.stateId)?.outcomeOrder ?? [];
      for (const outcome of outcomes) {
        if (engineOutcomes.has(outcome)) continue;
        for (const data of variantsFor({ state: task.stateId, department: task.department })) {
          const event: EngineEvent = {
            type: 'task.outcome',
            taskId: task.id,
            outcome,
            reason: 'path test',
            data,
          };
          const stepTaken: PathStep = { state: task.stateId, department: task.department, outcome };
          if (Object.keys(data).length > 0) stepTaken.data = data;
          try {
            const next = step(workflow, current.snapshot, event, NOW, ids).snapshot;
            current.next.add(visit(next, [...current.path, stepTaken]));
          } catch (error) {
            if (!isEngineError(error)) throw error;
            if (error.code !== 'TB_OUTCOME_CONDITIONS_NOT_MET')
              failures.push({ path: [...current.path, stepTaken], code: error.code, detail: error.message });
          }
        }
      }
    }
  }

  // a situation is live if the case can end from it; what cannot is a dead end
  const live = new Set(
    [...seen].filter(([, entry]) => entry.snapshot.status !== 'active').map(([key]) => key),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const [key, entry] of seen) {
      if (!live.has(key) && [...entry.next].some((next) => live.has(next))) {
        live.add(key);
        grew = true;
      }
    }
  }
  const deadEnds = [...seen].filter(([key]) => !live.has(key)).map(([, entry]) => entry.path);
  const unreached = workflow.graph.nodes.filter((node) => !reached.has(node.id)).map((node) => node.id);
  return { reached, unreached, deadEnds, failures, situations: seen.size };
}

function situationKey(snapshot: CaseSnapshot): string {
  const tasks = Object.values(snapshot.tasks)
    .map((task) => `${task.stateId}@${task.department}`)
    .sort();
  return JSON.stringify([snapshot.status, snapshot.value, tasks, snapshot.joins, snapshot.context.data]);
}

/** The state nodes active for a state value: the root, and every node on the way down. */
export function activeNodes(graph: WorkflowGraph, value: StateValue): GraphNode[] {
  const active: GraphNode[] = [graph.root];
  const walk = (node: GraphNode, at: StateValue): void => {
    if (typeof at === 'string') {
      const child = node.children.find((candidate) => candidate.key === at);
      if (child) active.push(child);
      return;
    }
    for (const [key, below] of Object.entries(at)) {
      const child = node.children.find((candidate) => candidate.key === key);
      if (!child) continue;
      active.push(child);
      if (below !== undefined) walk(child, below as StateValue);
    }
  };
  walk(graph.root, value);
  return active;
}
