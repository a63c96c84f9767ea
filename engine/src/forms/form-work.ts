import { formLimits, type Cost, type FormLimits } from './form-cost.js';
import { escapePointer } from './schema-walk.js';

/** How large and how deep an answer is: its values (each key of an object counts as one) and characters. */
export interface DataMeasure {
  values: number;
  chars: number;
  /** JSON pointer of the first value found nested deeper than the limit, when there is one. */
  tooDeep?: string;
  /** True when measuring stopped because the answer was already over `maxWork`. */
  stopped: boolean;
}

interface Place {
  value: unknown;
  level: number;
  parent: Place | undefined;
  key: string;
}

/**
 * Measures an answer without recursion, stopping as soon as its work is over `maxWork` or a value is
 * nested deeper than `maxDepth`: measuring costs at most what the limits allow, whatever is sent.
 */
export function measureData(
  data: unknown,
  cost: Cost,
  limits: Pick<FormLimits, 'maxWork' | 'maxDataDepth' | 'maxDataValues'>,
): DataMeasure {
  let values = 0;
  let chars = 0;
  const over = () =>
    values > limits.maxDataValues || values * cost.value + chars * cost.char > limits.maxWork;
  const count = (value: unknown) => {
    values += 1;
    if (typeof value === 'string') chars += value.length;
  };
  const stack: Place[] = [{ value: data, level: 0, parent: undefined, key: '' }];
  count(data);
  while (stack.length > 0) {
    if (over()) return { values, chars, stopped: true };
    const place = stack.pop() as Place;
    const { value, level } = place;
    if (value === null || typeof value !== 'object') continue;
    if (level >= limits.maxDataDepth) return { values, chars, tooDeep: pathOf(place), stopped: true };
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        const item: unknown = value[index];
        count(item);
        if (item !== null && typeof item === 'object')
          stack.push({ value: item, level: level + 1, parent: place, key: String(index) });
      }
    } else {
      for (const [key, item] of Object.entries(value)) {
        count(key);
        count(item);
        if (item !== null && typeof item === 'object')
          stack.push({ value: item, level: level + 1, parent: place, key });
      }
    }
  }
  return { values, chars, stopped: over() };
}

function pathOf(place: Place): string {
  const segments: string[] = [];
  for (let current: Place | undefined = place; current?.parent !== undefined; current = current.parent)
    segments.push(`/${escapePointer(current.key)}`);
  return segments.reverse().join('');
}

/** Why an answer is not checked against a form: nested too deep, or more work than allowed. */
export interface DataWorkProblem {
  path: string;
  kind: 'too-deep' | 'too-large';
  /** The deepest nesting taken, or the most work. */
  limit: number;
}

/**
 * Whether an answer may be checked against a schema of this cost: nested at most `maxDataDepth` levels,
 * at most `maxDataValues` values, and its values and characters times the schema's cost at most
 * `maxWork` (decision 0015).
 */
export function formDataWork(
  cost: Cost,
  data: unknown,
  limits: FormLimits = formLimits,
): DataWorkProblem | undefined {
  const measure = measureData(data, cost, limits);
  if (measure.tooDeep !== undefined)
    return { path: measure.tooDeep, kind: 'too-deep', limit: limits.maxDataDepth };
  if (measure.stopped) return { path: '', kind: 'too-large', limit: limits.maxWork };
  return undefined;
}
