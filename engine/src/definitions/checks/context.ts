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

/** What a validation may know beyond the definitions: the engine has no clock, the caller says when it is. */
export interface ValidationOptions {
  /** The instant it is now (epoch ms): with it, calendars that run out soon are warned of. */
  now?: number;
  /** How many days before a calendar runs out its warning starts (90 unless given). */
  warnWithinDays?: number;
}

/** Collects problems (and warnings) for one definition; knows the catalog, if any, for cross-references. */
export class CheckContext {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];

  constructor(
    readonly catalog: Catalog | undefined,
    readonly options: ValidationOptions = {},
  ) {}

  report(path: string, code: ProblemCode, params: MessageParams = {}): void {
    this.problems.push(problem(path, code, params));
  }

  /** Something that leaves the definition valid but will go wrong unless someone acts. */
  warn(path: string, code: ProblemCode, params: MessageParams = {}): void {
    this.warnings.push({ ...problem(path, code, params), severity: 'warning' });
  }

  /** Reports a reference to a definition the catalog lacks; without a catalog nothing is checked. */
  reference(path: string, kind: DefinitionKind, key: unknown): void {
    if (this.catalog === undefined || typeof key !== 'string') return;
    if (!this.catalog.has(kind, key)) this.report(path, 'unknown-reference', { kind: kindNames[kind], key });
  }
}
