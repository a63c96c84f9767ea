import { isValidDuration } from '../../duration/iso-duration.js';
import type { EscalationStep, FixedSla, SlaSpec } from '../../sla/types.js';
import { pointer } from '../problems.js';
import type { CheckContext } from './context.js';
import { checkExpression, type FieldScope } from './expression.js';

const fixedKinds = ['duration', 'workingDays', 'workingHours', 'workingMinutes'] as const;

/** A time limit or offset is a positive duration: "-P1D" parses, but means nothing here. */
function isReadableDuration(text: string): boolean {
  return !text.startsWith('-') && isValidDuration(text);
}

export function checkFixedSla(context: CheckContext, sla: FixedSla | undefined, path: string): void {
  if (sla === undefined || typeof sla !== 'object') return;
  const present = fixedKinds.filter((kind) => kind in sla);
  if (present.length !== 1) {
    context.report(path, 'sla-one-kind');
    return;
  }
  if ('duration' in sla && typeof sla.duration === 'string' && !isReadableDuration(sla.duration)) {
    context.report(pointer(path, 'duration'), 'duration-invalid', { value: sla.duration });
  }
  if (sla.calendar !== undefined) context.reference(pointer(path, 'calendar'), 'calendar', sla.calendar);
}

export function checkSla(
  context: CheckContext,
  sla: SlaSpec | undefined,
  path: string,
  fields: FieldScope,
): void {
  if (sla === undefined || typeof sla !== 'object') return;
  if (!('tiers' in sla) && !('by' in sla)) {
    checkFixedSla(context, sla, path);
    return;
  }
  const tiered = sla as Record<string, unknown>;
  if (!('tiers' in tiered) || !('by' in tiered) || fixedKinds.some((kind) => kind in tiered)) {
    context.report(path, 'sla-one-kind');
    return;
  }
  checkExpression(context, tiered.by, pointer(path, 'by'), fields);
  const tiers = (tiered.tiers ?? {}) as Record<string, FixedSla>;
  for (const [name, tier] of Object.entries(tiers))
    checkFixedSla(context, tier, pointer(path, 'tiers', name));
  if (typeof tiered.otherwise !== 'string') context.report(pointer(path, 'otherwise'), 'sla-tier-fallback');
  else if (!Object.hasOwn(tiers, tiered.otherwise))
    context.report(pointer(path, 'otherwise'), 'sla-tier-unknown', { tier: tiered.otherwise });
}

const needsTarget = new Set(['notify', 'reassign']);

export function checkEscalation(
  context: CheckContext,
  steps: EscalationStep[] | undefined,
  path: string,
): void {
  if (!Array.isArray(steps)) return;
  steps.forEach((step, index) => {
    const at = pointer(path, index);
    const moments = (['at', 'before', 'after'] as const).filter((moment) => step[moment] !== undefined);
    if (moments.length > 1) context.report(at, 'escalation-moment');
    for (const offset of ['before', 'after'] as const) {
      const value = step[offset];
      if (typeof value === 'string' && !isReadableDuration(value))
        context.report(pointer(at, offset), 'duration-invalid', { value });
    }
    if (needsTarget.has(step.action) && step.to === undefined)
      context.report(pointer(at, 'to'), 'escalation-target', { action: step.action });
    if (step.action === 'reassign' && step.to !== undefined && !['supervisor', 'parent'].includes(step.to)) {
      context.reference(pointer(at, 'to'), 'department', step.to);
    }
    if (step.respondWithin !== undefined)
      checkFixedSla(context, step.respondWithin, pointer(at, 'respondWithin'));
  });
}
