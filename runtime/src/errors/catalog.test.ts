import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineErrors } from '@tongban/engine';
import { engineErrorStatus, runtimeErrors } from './catalog.js';

const errorsPage = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

describe('runtime error catalog', () => {
  it('should document every runtime error code with its status in docs/errors.md', () => {
    const documented = new Map(
      [...errorsPage.matchAll(/^\| `(TB_[A-Z_]+)` +\| (\d{3}) +\|/gm)].map((match) => [
        match[1],
        Number(match[2]),
      ]),
    );
    expect([...documented.keys()].sort()).toEqual(Object.keys(runtimeErrors).sort());
    for (const [code, entry] of Object.entries(runtimeErrors))
      expect(documented.get(code), code).toBe(entry.status);
  });

  it('should give every engine error an HTTP status', () => {
    expect(Object.keys(engineErrorStatus).sort()).toEqual(Object.keys(engineErrors).sort());
  });
});
