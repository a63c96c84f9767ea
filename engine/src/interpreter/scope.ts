import type { CaseInfo } from './types.js';

export interface MachineContext {
  data: Record<string, unknown>;
  case: CaseInfo;
}

/** What expressions see: `{ data, task, event, case }`. */
export function expressionScope(context: MachineContext, event: unknown): Record<string, unknown> {
  return { data: context.data, task: (event as { task?: unknown }).task ?? null, event, case: context.case };
}
