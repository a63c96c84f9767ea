import Papa from 'papaparse';
import { format, type LocalizedText } from '../i18n/text.js';
import {
  matterCategories,
  type AttachmentMediaType,
  type MatterCategory,
  type MatterDefinition,
} from '../definitions/types.js';
import type { Catalog } from '../definitions/catalog.js';
import type { FixedSla } from '../sla/types.js';

/**
 * A responsibility list as a spreadsheet: one matter a row, a column per attribute. Lists inside a cell
 * go one item a line (legal basis, materials) or separated by `;` (department codes, event types), so
 * the file reads well in a spreadsheet and survives a round trip through one. A material reads
 * `key | 中文名 | English name | required or optional`, then `| image/jpeg;image/png` if it takes only
 * some file types.
 */
export const listColumns = [
  'key',
  'version',
  'title.zh-CN',
  'title.en',
  'category',
  'lead',
  'cooperating',
  'timeLimit',
  'legalBasis.zh-CN',
  'legalBasis.en',
  'materials',
  'form',
  'workflow',
  'eventTypes',
  'oneOpenCasePer',
] as const;
export type ListColumn = (typeof listColumns)[number];

/** Something wrong with a cell of an imported list: its row as a spreadsheet numbers it (the header is 1). */
export interface ListProblem {
  row: number;
  column: ListColumn | null;
  message: LocalizedText;
}

const byteOrderMark = '\uFEFF';
/**
 * Cells a spreadsheet would evaluate (OWASP "CSV injection": `=`, `+`, `-`, `@`, tab, carriage return
 * at the start) are written with a leading `'`, which spreadsheets take as "this is text". A cell that
 * really starts with `'` gets one too, so that the import can strip exactly one and give every text back.
 * (Papa's own default pattern misses cells of several lines: its `.*$` stops at the first line end.)
 */
const escapedCell = /^[=+\-@\t\r']/;
const formulaEscape = "'";
const units = [
  { key: 'workingDays', en: 'working days', zh: '个工作日' },
  { key: 'workingHours', en: 'working hours', zh: '个工作小时' },
  { key: 'workingMinutes', en: 'working minutes', zh: '个工作分钟' },
] as const;

/** The list as CSV text (with a byte-order mark, so spreadsheets read it as UTF-8), matters by key. */
export function responsibilityListToCsv(matters: readonly MatterDefinition[]): string {
  const rows = [...matters]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((matter): Record<ListColumn, string> => ({
      key: matter.key,
      version: String(matter.version),
      'title.zh-CN': matter.title['zh-CN'],
      'title.en': matter.title.en,
      category: matter.category,
      lead: matter.lead,
      cooperating: matter.cooperating.join(';'),
      timeLimit: timeLimitText(matter.timeLimit),
      'legalBasis.zh-CN': matter.legalBasis.map((basis) => basis['zh-CN']).join('\n'),
      'legalBasis.en': matter.legalBasis.map((basis) => basis.en).join('\n'),
      materials: matter.materials
        .map((material) =>
          [
            material.key,
            material.title['zh-CN'],
            material.title.en,
            material.required ? 'required' : 'optional',
            ...(material.accept ? [material.accept.join(';')] : []),
          ].join(' | '),
        )
        .join('\n'),
      form: matter.form ?? '',
      workflow: matter.workflow,
      eventTypes: (matter.eventTypes ?? []).join(';'),
      oneOpenCasePer: matter.oneOpenCasePer ?? '',
    }));
  return (
    byteOrderMark +
    Papa.unparse(
      { fields: [...listColumns], data: rows },
      { newline: '\r\n', quotes: false, escapeFormulae: escapedCell },
    )
  );
}

/** `20 working days`, `4 working hours`, an ISO duration (`PT24H`); `@calendar` after it names a calendar. */
function timeLimitText(limit: FixedSla): string {
  const fields = limit as Partial<Record<'duration' | (typeof units)[number]['key'], number | string>>;
  const unit = units.find((candidate) => fields[candidate.key] !== undefined);
  const amount = unit ? `${fields[unit.key]} ${unit.en}` : String(fields.duration ?? '');
  return limit.calendar === undefined ? amount : `${amount} @${limit.calendar}`;
}

/**
 * Reads a list back. Every row becomes a matter definition, or problems naming the row and column;
 * the matters are not validated against each other here (`validate` does that, and
 * `problemColumn` turns its paths back into columns). Versions are what the file says: `nextVersions`
 * bumps those whose content changed.
 */
export function responsibilityListFromCsv(text: string): {
  matters: MatterDefinition[];
  /** The spreadsheet row of each matter (same order), for problems found later against the catalog. */
  rows: number[];
  problems: ListProblem[];
} {
  const parsed = Papa.parse<Record<string, string>>(text.startsWith(byteOrderMark) ? text.slice(1) : text, {
    header: true,
    // blank rows are kept (and skipped below) so that every row keeps the number a spreadsheet shows
    skipEmptyLines: false,
  });
  const blank = (cells: Record<string, unknown> | undefined) =>
    cells === undefined ||
    Object.values(cells).every((value) => value === undefined || String(value).trim() === '');
  const problems: ListProblem[] = [];
  const missing = listColumns.filter(
    // optional columns: a list written before they existed still imports
    (column) =>
      !['form', 'eventTypes', 'oneOpenCasePer'].includes(column) &&
      !(parsed.meta.fields ?? []).includes(column),
  );
  if (missing.length > 0) {
    problems.push({
      row: 1,
      column: null,
      message: format(
        { 'zh-CN': '表头缺少列：{columns}', en: 'The header lacks the columns: {columns}' },
        { columns: missing.join(', ') },
      ),
    });
    return { matters: [], rows: [], problems };
  }
  for (const error of parsed.errors.filter((found) => !blank(parsed.data[found.row ?? -1])))
    problems.push({
      row: (error.row ?? 0) + 2,
      column: null,
      message: {
        'zh-CN': `无法读取这一行：${error.message}`,
        en: `This row cannot be read: ${error.message}`,
      },
    });
  const matters: MatterDefinition[] = [];
  const rows: number[] = [];
  const seen = new Map<string, number>();
  /** Who has taken each event type of each workflow so far: a report goes to one matter only. */
  const claimed = new Map<string, { row: number; key: string }>();
  parsed.data.forEach((cells, index) => {
    if (blank(cells)) return;
    const row = index + 2;
    const problem = (column: ListColumn, zh: string, en: string) =>
      problems.push({ row, column, message: { 'zh-CN': zh, en } });
    // the export's escape comes off first, exactly one quote, so a tab or a quote after it survives
    const cell = (column: ListColumn) => {
      const text = (cells[column] ?? '').trim();
      return text.startsWith(formulaEscape) ? text.slice(formulaEscape.length) : text;
    };
    const list = (column: ListColumn, separator: string | RegExp) =>
      cell(column)
        .split(separator)
        .map((item) => item.trim())
        .filter((item) => item.length > 0);

    const key = cell('key');
    if (key === '') return problem('key', '缺少事项编码', 'The matter key is missing');
    const earlier = seen.get(key);
    if (earlier !== undefined)
      return problem(
        'key',
        `事项 ${key} 已在第 ${earlier} 行出现`,
        `The matter ${key} is already on row ${earlier}`,
      );
    seen.set(key, row);
    const version = Number(cell('version') || '1');
    if (!Number.isInteger(version) || version < 1)
      problem('version', '版本应为正整数', 'The version must be a whole number from 1');
    const category = cell('category');
    if (!(matterCategories as readonly string[]).includes(category))
      problem(
        'category',
        `类别应为 ${matterCategories.join(' / ')} 之一`,
        `The category must be one of ${matterCategories.join(' / ')}`,
      );
    const timeLimit = timeLimitOf(cell('timeLimit'));
    if (timeLimit === null)
      problem(
        'timeLimit',
        '时限应写成“20 working days”“4 working hours”或 ISO 时长（如 PT24H），可加“@日历”',
        'The time limit must read "20 working days", "4 working hours" or an ISO duration (PT24H), optionally "@calendar"',
      );
    const basisZh = list('legalBasis.zh-CN', /\r?\n/);
    const basisEn = list('legalBasis.en', /\r?\n/);
    if (basisZh.length !== basisEn.length)
      problem(
        'legalBasis.en',
        `法律依据中文 ${basisZh.length} 条、英文 ${basisEn.length} 条，应一一对应`,
        `The legal basis has ${basisZh.length} Chinese and ${basisEn.length} English lines; they must pair up`,
      );
    const materials: MatterDefinition['materials'] = [];
    for (const line of list('materials', /\r?\n/)) {
      const [materialKey, zh, en, need, types, ...rest] = line.split('|').map((part) => part.trim());
      if (!materialKey || !zh || !en || (need !== 'required' && need !== 'optional') || rest.length > 0) {
        problem(
          'materials',
          `材料“${line}”应写成“编码 | 中文名 | English | required 或 optional”，可再加“| 文件类型;文件类型”`,
          `The material "${line}" must read "key | 中文名 | English name | required or optional", optionally "| type;type"`,
        );
        continue;
      }
      const accept = (types ?? '')
        .split(';')
        .map((type) => type.trim())
        .filter((type) => type.length > 0) as AttachmentMediaType[];
      materials.push({
        key: materialKey,
        title: { 'zh-CN': zh, en },
        required: need === 'required',
        ...(accept.length === 0 ? {} : { accept }),
      });
    }
    const eventTypes = list('eventTypes', ';');
    for (const eventType of eventTypes) {
      const claim = `${cell('workflow')}\u0000${eventType}`;
      const first = claimed.get(claim);
      if (first === undefined) claimed.set(claim, { row, key });
      else
        problem(
          'eventTypes',
          `事件类型“${eventType}”已由第 ${first.row} 行的事项 ${first.key}（同一工作流）负责；一次上报只交给一个事项`,
          `The event type "${eventType}" is already claimed by ${first.key} on row ${first.row} (same workflow); a report goes to one matter only`,
        );
    }
    const form = cell('form');
    const oneOpenCasePer = cell('oneOpenCasePer');
    rows.push(row);
    matters.push({
      kind: 'matter',
      key,
      version: Number.isInteger(version) && version >= 1 ? version : 1,
      title: { 'zh-CN': cell('title.zh-CN'), en: cell('title.en') },
      category: category as MatterCategory,
      lead: cell('lead'),
      cooperating: list('cooperating', ';'),
      timeLimit: timeLimit ?? { workingDays: 1 },
      legalBasis: basisZh.map((zh, position) => ({ 'zh-CN': zh, en: basisEn[position] ?? '' })),
      materials,
      ...(form === '' ? {} : { form }),
      workflow: cell('workflow'),
      ...(eventTypes.length === 0 ? {} : { eventTypes }),
      ...(oneOpenCasePer === '' ? {} : { oneOpenCasePer }),
    });
  });
  return { matters, rows, problems };
}

function timeLimitOf(text: string): FixedSla | null {
  const [amountText, calendarText] = text.split('@').map((part) => part.trim());
  const calendar = calendarText ? { calendar: calendarText } : {};
  if (!amountText) return null;
  if (/^P(?!$)/.test(amountText)) return { duration: amountText, ...calendar };
  const match = /^(\d+(?:\.\d+)?)\s*(.+)$/.exec(amountText);
  if (!match) return null;
  const unit = units.find((candidate) => candidate.en === match[2] || candidate.zh === match[2]);
  return unit ? ({ [unit.key]: Number(match[1]), ...calendar } as FixedSla) : null;
}

/** The column a validation problem's path points into (`/legalBasis/0/en` → `legalBasis.en`). */
export function problemColumn(path: string): ListColumn | null {
  const [first, second, third] = path.split('/').slice(1);
  if (first === 'title' && (second === 'zh-CN' || second === 'en')) return `title.${second}`;
  if (first === 'legalBasis') return third === 'en' ? 'legalBasis.en' : 'legalBasis.zh-CN';
  return (listColumns as readonly string[]).includes(first ?? '') ? (first as ListColumn) : null;
}

/**
 * Versions for an import: a matter whose content differs from the one in force gets the next version;
 * one that is the same keeps its version (importing it again changes nothing).
 */
export function nextVersions(matters: MatterDefinition[], current: Catalog): MatterDefinition[] {
  return matters.map((matter) => {
    const existing = current.get('matter', matter.key);
    if (existing === undefined) return matter;
    const same = sameContent(existing, matter);
    return { ...matter, version: same ? existing.version : existing.version + 1 };
  });
}

/** Equal apart from the version and what the list does not carry (a description). */
function sameContent(a: MatterDefinition, b: MatterDefinition): boolean {
  const strip = ({ version: _version, description: _description, ...rest }: MatterDefinition) => rest;
  return canonical(strip(a)) === canonical(strip(b));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
