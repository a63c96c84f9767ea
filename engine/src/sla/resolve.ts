import { evaluate } from '../expressions/evaluate.js';
import type { ExpressionScope } from '../expressions/types.js';
import type { WorkMeter } from '../expressions/work.js';
import type { FixedSla, SlaSpec, TieredSla } from './types.js';

export function isTiered(spec: SlaSpec): spec is TieredSla {
  return 'tiers' in spec;
}

export interface ResolvedSla {
  sla: FixedSla;
  /** The tier that was chosen, when the SLA has tiers. */
  tier?: string;
}

/**
 * Picks the fixed SLA that applies now: tiers are chosen by their expression over `{ data, task, case }`
 * (counted on `meter`, a step's, when given).
 */
export function resolveSla(spec: SlaSpec, scope: ExpressionScope, meter?: WorkMeter): ResolvedSla {
  if (!isTiered(spec)) return { sla: spec };
  const chosen = evaluate(spec.by, scope, undefined, meter);
  const key = typeof chosen === 'string' || typeof chosen === 'number' ? String(chosen) : '';
  const tier = Object.hasOwn(spec.tiers, key) ? key : spec.otherwise;
  const sla = tier !== undefined && Object.hasOwn(spec.tiers, tier) ? spec.tiers[tier] : undefined;
  if (sla === undefined) {
    // validation guarantees `otherwise` names a tier when present; without it the first tier applies
    const [firstKey, first] = Object.entries(spec.tiers)[0] as [string, FixedSla];
    return { sla: first, tier: firstKey };
  }
  return { sla, tier: tier as string };
}
