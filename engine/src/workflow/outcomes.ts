import type { OutcomeSpec } from '../definitions/types.js';

/** Outcomes the engine carries out itself: they keep the task in its state instead of moving the case. */
export const engineOutcomes: ReadonlySet<string> = new Set(['transfer', 'requestSupplement']);

/** Outcomes that must always carry a reason: a return, a rejection, a transfer, a request for supplements. */
const reasonByDefault: ReadonlySet<string> = new Set(['return', 'reject', 'transfer', 'requestSupplement']);

export function outcomeKey(outcome: OutcomeSpec): string {
  return typeof outcome === 'string' ? outcome : outcome.key;
}

export function outcomeNeedsReason(outcome: OutcomeSpec): boolean {
  if (typeof outcome !== 'string' && outcome.reason !== undefined) return outcome.reason === 'required';
  return reasonByDefault.has(outcomeKey(outcome));
}
