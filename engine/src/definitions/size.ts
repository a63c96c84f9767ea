import { pointer, problem, type Problem } from './problems.js';

/**
 * How large a definition may be (decision 0015). Validating and compiling a definition takes time in
 * proportion to its size, in one synchronous stretch: past these, a definition is refused before any
 * check walks it. The library's largest has about 240 keys and entries; JSON Forms' largest example
 * about 1,300.
 */
export const definitionLimits = {
  /** Most keys and list entries. */
  maxUnits: 5_000,
  /** Deepest nesting (the HTTP API refuses deeper bodies too). */
  maxDepth: 64,
};

export interface JsonSize {
  /** Keys and list entries counted, up to the first past `maxUnits`. */
  units: number;
  /** Deepest nesting seen. */
  depth: number;
  /** JSON pointer of a value nested deeper than `maxDepth`, when one was found. */
  tooDeep?: string;
}

/**
 * Counts keys and list entries and finds the nesting of a JSON value without recursion, stopping as
 * soon as it is over either limit: measuring costs no more than the limits allow.
 */
export function measureJson(value: unknown, maxUnits: number, maxDepth: number): JsonSize {
  interface Place {
    value: unknown;
    level: number;
    parent: Place | undefined;
    key: string;
  }
  let units = 0;
  let depth = 0;
  const stack: Place[] = [{ value, level: 0, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const place = stack.pop() as Place;
    if (place.value === null || typeof place.value !== 'object') continue;
    depth = Math.max(depth, place.level);
    if (place.level > maxDepth) {
      const keys: string[] = [];
      for (let at: Place | undefined = place; at?.parent !== undefined; at = at.parent) keys.push(at.key);
      return { units, depth, tooDeep: pointer('', ...keys.reverse()) };
    }
    const keys = Object.keys(place.value);
    units += Array.isArray(place.value) ? keys.length : 1 + keys.length;
    if (units > maxUnits) return { units, depth };
    for (const key of keys)
      stack.push({
        value: (place.value as Record<string, unknown>)[key],
        level: place.level + 1,
        parent: place,
        key,
      });
  }
  return { units, depth };
}

/** The problem of a definition too large or too deep to be checked within bounds, if it is. */
export function sizeProblem(definition: unknown, limits = definitionLimits): Problem | undefined {
  const size = measureJson(definition, limits.maxUnits, limits.maxDepth);
  if (size.tooDeep !== undefined)
    return problem(size.tooDeep, 'definition-too-deep', { limit: limits.maxDepth });
  if (size.units > limits.maxUnits) return problem('', 'definition-too-large', { limit: limits.maxUnits });
  return undefined;
}
