import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operatorNames } from './operators.js';

const page = readFileSync(new URL('../../../docs/expressions.md', import.meta.url), 'utf8');

/** The rows of the first table under a `## heading`, up to the next subheading. */
function tableRows(heading: string): string[][] {
  const start = page.indexOf(`\n## ${heading}\n`);
  expect(start, `docs/expressions.md has a "## ${heading}" section`).toBeGreaterThan(-1);
  const end = page.indexOf('\n## ', start + 1);
  const section = page.slice(start, end === -1 ? undefined : end);
  const rows: string[][] = [];
  for (const line of section.split('\n')) {
    if (line.startsWith('### ')) break;
    if (!line.startsWith('| `')) continue;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe('docs/expressions.md', () => {
  const rows = tableRows('Operators');
  const documented = rows.map((row) => /^`([^`]+)`$/.exec(row[0] ?? '')?.[1]);

  it('should list every operator the evaluator supports, and no other', () => {
    expect(documented.slice().sort()).toEqual([...operatorNames].sort());
  });

  it('should give each operator its arguments, an example and how it differs from JSON Logic', () => {
    const supported = new Set<string>(operatorNames);
    for (const row of rows.filter((cells) => supported.has(/^`([^`]+)`$/.exec(cells[0] ?? '')?.[1] ?? ''))) {
      expect(row, row[0]).toHaveLength(4);
      for (const cell of row) expect(cell, row[0]).not.toBe('');
      expect(row[2], `the example of ${row[0]} uses it`).toContain(
        `"${/^`([^`]+)`$/.exec(row[0] ?? '')?.[1]}"`,
      );
    }
  });

  it('should be linked from decision 0001', () => {
    const decision = readFileSync(
      new URL('../../../docs/decisions/0001-own-expression-evaluator.md', import.meta.url),
      'utf8',
    );
    expect(decision).toContain('../expressions.md');
  });
});
