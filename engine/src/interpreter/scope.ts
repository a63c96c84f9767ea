import type { CaseInfo } from './types.js';

/** The fields of `CaseInfo`, one entry each (the type makes the list complete): what `case.*` may read. */
const caseFieldList: Record<keyof CaseInfo, true> = {
  id: true,
  matter: true,
  lead: true,
  cooperating: true,
  applicant: true,
};
export const caseFields: ReadonlySet<string> = new Set(Object.keys(caseFieldList));

export interface MachineContext {
  data: Record<string, unknown>;
  case: CaseInfo;
}

/** What expressions see: `{ data, task, event, case }`. */
export function expressionScope(context: MachineContext, event: unknown): Record<string, unknown> {
  return { data: context.data, task: (event as { task?: unknown }).task ?? null, event, case: context.case };
}
