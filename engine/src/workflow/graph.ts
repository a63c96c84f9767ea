import type {
  MachineSpec,
  StateNodeSpec,
  TaskSpec,
  TransitionList,
  TransitionSpec,
} from '../definitions/types.js';
import { pointer } from '../definitions/problems.js';

export interface GraphTransition {
  /** Event type (`on` key), `always`, or `onDone`. */
  event: string;
  /** JSON pointer of the transition inside the workflow definition. */
  path: string;
  spec: Exclude<TransitionSpec, string>;
  targets: string[];
}

export interface GraphNode {
  key: string;
  /** XState id: the custom `id`, or the machine id and the path joined by dots. */
  id: string;
  path: string[];
  /** JSON pointer of the node inside the workflow definition. */
  pointer: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final';
  spec: StateNodeSpec;
  parent: GraphNode | null;
  children: GraphNode[];
  transitions: GraphTransition[];
  task?: TaskSpec;
}

export interface UnresolvedTarget {
  node: GraphNode;
  transition: GraphTransition;
  target: string;
}

export interface WorkflowGraph {
  root: GraphNode;
  nodes: GraphNode[];
  byId: Map<string, GraphNode>;
  duplicateIds: GraphNode[];
  /** Resolved targets per transition (same order as `transition.targets`). */
  targetsOf(transition: GraphTransition, source: GraphNode): Array<GraphNode | null>;
  unresolved: UnresolvedTarget[];
  reachable: Set<GraphNode>;
  tasks: GraphNode[];
}

export function normalizeTransitions(
  list: TransitionList | undefined,
): Array<Exclude<TransitionSpec, string>> {
  if (list === undefined) return [];
  const items = Array.isArray(list) ? list : [list];
  return items.map((item) => (typeof item === 'string' ? { target: item } : item));
}

function targetsOf(spec: Exclude<TransitionSpec, string>): string[] {
  if (spec.target === undefined) return [];
  return Array.isArray(spec.target) ? spec.target : [spec.target];
}

/** Builds the state graph of a machine config the way XState reads it. */
export function buildGraph(machine: MachineSpec, machineId: string, basePointer = '/machine'): WorkflowGraph {
  const nodes: GraphNode[] = [];
  const byId = new Map<string, GraphNode>();
  const duplicateIds: GraphNode[] = [];

  const make = (
    spec: StateNodeSpec,
    key: string,
    path: string[],
    at: string,
    parent: GraphNode | null,
  ): GraphNode => {
    const childEntries = isObject(spec.states) ? Object.entries(spec.states) : [];
    const type = spec.type ?? (childEntries.length > 0 ? 'compound' : 'atomic');
    const node: GraphNode = {
      key,
      id: spec.id ?? [machineId, ...path].join('.'),
      path,
      pointer: at,
      type,
      spec,
      parent,
      children: [],
      transitions: [],
    };
    if (parent === null && spec.id === undefined) node.id = machineId;
    if (isObject(spec.meta) && isObject(spec.meta.task)) node.task = spec.meta.task;
    if (byId.has(node.id)) duplicateIds.push(node);
    else byId.set(node.id, node);
    nodes.push(node);
    if (isObject(spec.on)) {
      for (const [event, list] of Object.entries(spec.on)) {
        normalizeTransitions(list).forEach((transition, index) =>
          node.transitions.push({
            event,
            path: Array.isArray(list) ? pointer(at, 'on', event, index) : pointer(at, 'on', event),
            spec: transition,
            targets: targetsOf(transition),
          }),
        );
      }
    }
    for (const special of ['always', 'onDone'] as const) {
      const list = spec[special];
      normalizeTransitions(list).forEach((transition, index) =>
        node.transitions.push({
          event: special,
          path: Array.isArray(list) ? pointer(at, special, index) : pointer(at, special),
          spec: transition,
          targets: targetsOf(transition),
        }),
      );
    }
    for (const [childKey, childSpec] of childEntries) {
      if (isObject(childSpec))
        node.children.push(
          make(childSpec, childKey, [...path, childKey], pointer(at, 'states', childKey), node),
        );
    }
    return node;
  };

  const root = make(machine, machineId, [], basePointer, null);

  const resolve = (target: string, source: GraphNode): GraphNode | null => {
    if (target.startsWith('#')) {
      // ids may contain dots (default ids do): try the longest id prefix first
      const parts = target.slice(1).split('.');
      for (let cut = parts.length; cut > 0; cut--) {
        const node = byId.get(parts.slice(0, cut).join('.'));
        if (node) return descend(node, parts.slice(cut));
      }
      return null;
    }
    if (target.startsWith('.')) return descend(source, target.slice(1).split('.'));
    return descend(source.parent, target.split('.'));
  };

  const resolvedCache = new Map<GraphTransition, Array<GraphNode | null>>();
  const resolveTargets = (transition: GraphTransition, source: GraphNode): Array<GraphNode | null> => {
    let resolved = resolvedCache.get(transition);
    if (!resolved) {
      resolved = transition.targets.map((target) => resolve(target, source));
      resolvedCache.set(transition, resolved);
    }
    return resolved;
  };

  const unresolved: UnresolvedTarget[] = [];
  for (const node of nodes) {
    for (const transition of node.transitions) {
      resolveTargets(transition, node).forEach((found, index) => {
        if (found === null)
          unresolved.push({ node, transition, target: transition.targets[index] as string });
      });
    }
  }

  const reachable = new Set<GraphNode>();
  const queue: GraphNode[] = [];
  const enter = (node: GraphNode): void => {
    for (let at: GraphNode | null = node; at !== null && !reachable.has(at); at = at.parent) {
      reachable.add(at);
      queue.push(at);
    }
  };
  enter(root);
  while (queue.length > 0) {
    const node = queue.shift() as GraphNode;
    if (node.type === 'parallel') node.children.forEach(enter);
    else if (node.type === 'compound') {
      const initial = node.children.find((child) => child.key === node.spec.initial);
      if (initial) enter(initial);
    }
    for (const transition of node.transitions) {
      for (const target of resolveTargets(transition, node)) if (target) enter(target);
    }
  }

  return {
    root,
    nodes,
    byId,
    duplicateIds,
    targetsOf: resolveTargets,
    unresolved,
    reachable,
    tasks: nodes.filter((node) => node.task !== undefined),
  };
}

function descend(node: GraphNode | null, keys: string[]): GraphNode | null {
  let current = node;
  for (const key of keys) {
    if (current === null) return null;
    if (key === '') continue;
    current = current.children.find((child) => child.key === key) ?? null;
  }
  return current;
}

function isObject(value: unknown): value is Record<string, never> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
