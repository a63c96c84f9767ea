import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
};

/**
 * Pure libraries only: state machines, schema validation and its formats, a linear-time regular
 * expression engine for form patterns (re2js, pure JavaScript: decision 0015), date math, CSV text
 * (papaparse is only ever given strings here). Anything that does I/O stays out.
 */
const allowed = new Set([
  'xstate',
  'ajv',
  'ajv-formats',
  're2js',
  'date-fns',
  '@date-fns/tz',
  'tinyduration',
  'papaparse',
]);

describe('engine boundary', () => {
  it('should depend only on pure libraries: no database, network, queue, UI or Node-only package', () => {
    const unexpected = Object.keys(manifest.dependencies ?? {}).filter((name) => !allowed.has(name));
    expect(unexpected).toEqual([]);
  });

  it('should depend on no other Tongban package: imports go one way, into the engine', () => {
    expect(Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith('@tongban/'))).toEqual(
      [],
    );
  });
});
