import { EngineError } from '../errors/engine-error.js';

/**
 * Work counted, not timed (decision 0015): every operation costs one, plus the size of the value it
 * hands on (one per value inside it, one per 16 characters of text). An operation reads only values
 * other operations handed on (or literals), so what every operation reads is paid for, whatever the
 * operator: `+` over a list that it writes out as text, `in` that scans it, `map` that copies it, and
 * operators added later. The same expression on the same data always costs the same.
 *
 * One meter can be shared by every evaluation of one workflow step, so that a step's guards, actions
 * and queue expressions together stay within one bound, however many of them a definition has.
 */
export class WorkMeter {
  private spent = 0;

  constructor(
    readonly limit: number,
    /** What the limit is for, in the error's detail ("one expression", "one step of a case"). */
    readonly scope = 'one expression',
  ) {}

  get used(): number {
    return this.spent;
  }

  /** Pays for one operation that handed on `value`. Throws TB_EXPRESSION_LIMIT past the limit. */
  chargeResult(value: unknown): void {
    this.charge(1 + weigh(value, this.limit - this.spent));
  }

  /** Pays `units` of work. Throws TB_EXPRESSION_LIMIT past the limit. */
  charge(units: number): void {
    this.spent += units;
    if (this.spent > this.limit) {
      throw new EngineError('TB_EXPRESSION_LIMIT', {
        detail: `more than ${this.limit} units of work for ${this.scope} (operations and the size of what they read)`,
      });
    }
  }
}

/**
 * The size of a value: 0 for a number, boolean or null, one per 16 characters of text, one per item,
 * key and value of a list or object. Walks without recursion and stops once past `cap`: weighing costs
 * no more than the weight it finds.
 */
export function weigh(value: unknown, cap: number): number {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? value.length >> 4 : 0;
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= cap) {
    const current = stack.pop();
    if (typeof current === 'string') total += current.length >> 4;
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      total += current.length;
      for (const item of current)
        if (item !== null && (typeof item === 'object' || typeof item === 'string')) stack.push(item);
    } else {
      for (const [key, item] of Object.entries(current)) {
        total += 1 + (key.length >> 4);
        if (item !== null && (typeof item === 'object' || typeof item === 'string')) stack.push(item);
      }
    }
  }
  return total;
}
