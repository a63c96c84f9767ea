import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../definitions/catalog.js';
import type { Definition, MatterDefinition } from '../definitions/types.js';
import { validate } from '../definitions/validate.js';
import { libraryCatalog } from '../../test/support/library.js';
import {
  listColumns,
  nextVersions,
  problemColumn,
  responsibilityListFromCsv,
  responsibilityListToCsv,
} from './list-csv.js';

const library = libraryCatalog();
const matters = library.all('matter');
/** A matter as the list carries it: no description. */
const listed = ({ description: _description, ...matter }: MatterDefinition) => matter;

/** Edits one cell of the CSV the way someone would in a spreadsheet. */
function edited(csv: string, key: string, column: string, value: string): string {
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  const rows = parsed.data.map((row) => (row.key === key ? { ...row, [column]: value } : row));
  return Papa.unparse({ fields: [...listColumns], data: rows });
}

describe('responsibility list as CSV', () => {
  const csv = responsibilityListToCsv(matters);

  it('should write one row a matter under a header a spreadsheet opens as UTF-8', () => {
    expect(csv.startsWith('\uFEFFkey,version,title.zh-CN,title.en,category,lead,cooperating,timeLimit')).toBe(
      true,
    );
    expect(Papa.parse(csv.slice(1), { header: true, skipEmptyLines: true }).data).toHaveLength(
      matters.length,
    );
    expect(csv).toContain('20 working days');
  });

  it('should read back every matter of the library exactly', () => {
    const back = responsibilityListFromCsv(csv);
    expect(back.problems).toEqual([]);
    const byKey = new Map(back.matters.map((matter) => [matter.key, matter]));
    for (const matter of matters) expect(byKey.get(matter.key), matter.key).toEqual(listed(matter));
    // and importing it unchanged is no new version of anything
    expect(nextVersions(back.matters, library).map((matter) => matter.version)).toEqual(
      back.matters.map((matter) => library.get('matter', matter.key)?.version),
    );
  });

  it('should give a changed matter the next version, and leave the others alone', () => {
    const changed = responsibilityListFromCsv(
      edited(csv, 'd1.subsistence-allowance', 'timeLimit', '15 working days'),
    );
    const versions = nextVersions(changed.matters, library);
    const matter = versions.find((entry) => entry.key === 'd1.subsistence-allowance');
    expect(matter?.timeLimit).toEqual({ workingDays: 15 });
    expect(matter?.version).toBe((library.get('matter', 'd1.subsistence-allowance')?.version ?? 0) + 1);
    expect(
      versions.filter((entry) => entry.version !== library.get('matter', entry.key)?.version),
    ).toHaveLength(1);
  });

  it('should escape every cell a spreadsheet would run as a formula, and read it back as written', () => {
    // given titles and a legal basis an attacker (or an unlucky administrator) wrote
    const hostile: MatterDefinition = {
      ...listed(library.get('matter', 'd1.subsistence-allowance') as MatterDefinition),
      title: { 'zh-CN': "=cmd|' /C calc'!A0", en: "'quoted' on purpose" },
      legalBasis: [
        { 'zh-CN': '+1+1', en: '-2+3' },
        { 'zh-CN': '@SUM(A1:A9)', en: '=HYPERLINK("http://evil.example","click")' },
      ],
    };
    const others = [
      { ...hostile, key: 'x.tab', title: { 'zh-CN': '\t=1+1', en: '\r=1+1' } },
      { ...hostile, key: 'x.multiline', title: { 'zh-CN': '-1\nsecond line', en: '=1\r\n=2' } },
    ];
    const exported = responsibilityListToCsv([hostile, ...others]);

    // then no cell starts with what a spreadsheet evaluates: each is quoted with a leading '
    const cells = Papa.parse<string[]>(exported.slice(1), { skipEmptyLines: true }).data.flat();
    const risky = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect(risky).toEqual([]);
    expect(cells).toContain("'=cmd|' /C calc'!A0");
    // a title that really starts with a quote gets one more, so the import can tell them apart
    expect(cells).toContain("''quoted' on purpose");
    expect(cells).toContain("'+1+1\n@SUM(A1:A9)");

    // and importing the export gives the very same text back
    const back = responsibilityListFromCsv(exported);
    expect(back.problems).toEqual([]);
    const byKey = new Map(back.matters.map((matter) => [matter.key, matter]));
    for (const matter of [hostile, ...others]) expect(byKey.get(matter.key), matter.key).toEqual(matter);
  });

  it('should read time limits in hours, ISO durations, Chinese units and with a calendar', () => {
    const row = (limit: string) =>
      responsibilityListFromCsv(edited(csv, 'd1.subsistence-allowance', 'timeLimit', limit)).matters.find(
        (matter) => matter.key === 'd1.subsistence-allowance',
      )?.timeLimit;
    expect(row('4 working hours')).toEqual({ workingHours: 4 });
    expect(row('PT24H')).toEqual({ duration: 'PT24H' });
    expect(row('3 个工作日')).toEqual({ workingDays: 3 });
    expect(row('5 working days @cn-mainland')).toEqual({ workingDays: 5, calendar: 'cn-mainland' });
  });

  it.each([
    ['timeLimit', 'soon', 'timeLimit', 'The time limit must read'],
    ['category', 'charity', 'category', 'The category must be one of'],
    [
      'materials',
      'id-card | 身份证',
      'materials',
      'must read "key | 中文名 | English name | required or optional"',
    ],
    ['legalBasis.en', '', 'legalBasis.en', 'they must pair up'],
    ['version', 'two', 'version', 'The version must be a whole number'],
  ])('should name the row and column of a bad %s', (column, value, expectedColumn, message) => {
    const keys = responsibilityListFromCsv(csv).matters.map((matter) => matter.key);
    const key = 'd1.subsistence-allowance';
    const result = responsibilityListFromCsv(edited(csv, key, column, value));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: keys.indexOf(key) + 2, column: expectedColumn });
    expect(result.problems[0]?.message.en).toContain(message);
  });

  it('should number rows as the spreadsheet does, blank rows included', () => {
    // given a blank spreadsheet row before the subsistence allowance's row, and a bad cell on it
    const lines = edited(csv, 'd1.subsistence-allowance', 'category', 'charity').split('\r\n');
    const index = lines.findIndex((line) => line.startsWith('d1.subsistence-allowance,'));
    lines.splice(index, 0, ',,,,,,,,,,,,,');
    const result = responsibilityListFromCsv(`${lines.join('\r\n')}\r\n`);
    // then the problem names the row it is on now, one further down
    expect(result.problems.map((problem) => [problem.row, problem.column])).toEqual([
      [index + 2, 'category'],
    ]);
    expect(result.matters).toHaveLength(matters.length);
  });

  it('should refuse a file without the list columns, and a matter twice', () => {
    expect(responsibilityListFromCsv('name,department\nx,y').problems[0]?.message.en).toContain(
      'The header lacks the columns: key, version',
    );
    const twice = `${csv}\r\n${csv.split('\r\n')[1]}`;
    const result = responsibilityListFromCsv(twice);
    expect(result.problems.map((problem) => [problem.row, problem.column])).toEqual([
      [matters.length + 2, 'key'],
    ]);
  });

  it('should refuse two rows that claim one event type of one workflow, naming the other row', () => {
    // given the garbage matter's event type typed into the noise matter's row as well
    const result = responsibilityListFromCsv(edited(csv, 'd1.noise', 'eventTypes', 'noise;garbage'));
    const rowOf = (key: string) =>
      csv
        .slice(1)
        .split('\r\n')
        .findIndex((line) => line.startsWith(`${key},`)) + 1;
    // then the later of the two rows is refused at its event types, naming the earlier row and matter
    const later = Math.max(rowOf('d1.noise'), rowOf('d1.garbage'));
    const earlier = Math.min(rowOf('d1.noise'), rowOf('d1.garbage'));
    expect(result.problems.map((problem) => [problem.row, problem.column])).toEqual([[later, 'eventTypes']]);
    expect(result.problems[0]?.message.en).toContain('"garbage"');
    expect(result.problems[0]?.message.en).toContain(`row ${earlier}`);
    expect(result.problems[0]?.message['zh-CN']).toContain(`第 ${earlier} 行`);
    // and each matter keeps the row it came from, for problems found later against the catalog
    expect(result.rows[result.matters.findIndex((matter) => matter.key === 'd1.noise')]).toBe(
      rowOf('d1.noise'),
    );
  });

  it('should point validation problems of an imported matter at their column', () => {
    // given a row whose lead department does not exist
    const result = responsibilityListFromCsv(edited(csv, 'd1.subsistence-allowance', 'lead', 'd9.nowhere'));
    const matter = result.matters.find((entry) => entry.key === 'd1.subsistence-allowance') as Definition;
    const problems = validate(
      matter,
      new Catalog([...library.all('department'), ...library.all('form'), ...library.all('workflow')]),
    ).problems;
    // then the validator's path names the lead column
    expect(problems.map((problem) => problemColumn(problem.path))).toEqual(['lead']);
    expect(problemColumn('/legalBasis/1/en')).toBe('legalBasis.en');
    expect(problemColumn('/title/zh-CN')).toBe('title.zh-CN');
    expect(problemColumn('/materials/0/key')).toBe('materials');
  });
});
