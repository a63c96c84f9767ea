import type { Catalog } from '../catalog.js';
import { problem, type Problem, type ProblemCode } from '../problems.js';
import type { DefinitionKind } from '../types.js';
import type { LocalizedText, MessageParams } from '../../i18n/text.js';

const kindNames: Record<DefinitionKind, LocalizedText> = {
  department: { 'zh-CN': '部门', en: 'department' },
  calendar: { 'zh-CN': '工作日历', en: 'calendar' },
  matter: { 'zh-CN': '事项', en: 'matter' },
  form: { 'zh-CN': '表单', en: 'form' },
  workflow: { 'zh-CN': '工作流', en: 'workflow' },
  bundle: { 'zh-CN': '套餐', en: 'bundle' },
};

/** Collects problems for one definition; knows the catalog, if any, for cross-references. */
export class CheckContext {
  readonly problems: Problem[] = [];

  constructor(readonly catalog: Catalog | undefined) {}

  report(path: string, code: ProblemCode, params: MessageParams = {}): void {
    this.problems.push(problem(path, code, params));
  }

  /** Reports a reference to a definition the catalog lacks; without a catalog nothing is checked. */
  reference(path: string, kind: DefinitionKind, key: unknown): void {
    if (this.catalog === undefined || typeof key !== 'string') return;
    if (!this.catalog.has(kind, key)) this.report(path, 'unknown-reference', { kind: kindNames[kind], key });
  }
}
