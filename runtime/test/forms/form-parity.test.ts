import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createAjv, validate as jsonFormsValidate } from '@jsonforms/core';
import { addFormFormats, formAjvOptions, type FormDefinition } from '@tongban/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAllDefinitions } from '../../../engine/test/support/definitions.js';
import { ApiError } from '../../src/errors/api-error.js';
import { assertFormData } from '../../src/forms/form-validator.js';
import { formSamples } from '../support/form-samples.js';

/**
 * Issue 12, point 3: the server and the form in the browser give every answer the same verdict. The
 * browser's validator is JSON Forms' own `createAjv` set up as the web renderers set it up, with the
 * engine's one form configuration applied (decision 0014); the server's is the runtime's `assertFormData`.
 * The runtime refuses one thing more on purpose, properties the form never asked for (decision 0013),
 * which no renderer writes: a sample that has one must be refused by the server whatever the browser says.
 */
const runs = 1_000;
const seed = 20_260_312;

/** JSON Forms in the browser: its factory, our options and formats, one validator per form. */
function browserValidator(schema: object): (data: unknown) => boolean {
  const ajv = addFormFormats(createAjv(formAjvOptions));
  const validator = ajv.compile(schema);
  return (data) => jsonFormsValidate(validator, data).length === 0;
}

function serverAccepts(form: FormDefinition, data: unknown): boolean {
  try {
    assertFormData(form, data);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'TB_FORM_DATA_INVALID') return false;
    throw error;
  }
}

/** Not a library form: every format a form may name, the ones the two ajv-formats lines disagree on first. */
const everyFormat: FormDefinition = {
  kind: 'form',
  key: 'every-format',
  version: 1,
  title: { 'zh-CN': '各种格式', en: 'Every format' },
  schema: {
    type: 'object',
    required: ['time', 'dateTime'],
    properties: {
      time: { type: 'string', format: 'time' },
      dateTime: { type: 'string', format: 'date-time' },
      date: { type: 'string', format: 'date' },
      email: { type: 'string', format: 'email' },
      uri: { type: 'string', format: 'uri' },
      uuid: { type: 'string', format: 'uuid' },
      ipv4: { type: 'string', format: 'ipv4' },
      hostname: { type: 'string', format: 'hostname' },
    },
  },
} as FormDefinition;

const libraryForms = readAllDefinitions().filter(
  (definition) => (definition as { kind?: string }).kind === 'form',
) as FormDefinition[];

describe('the server and the browser give every answer the same verdict (issue 12, point 3)', () => {
  it('should resolve JSON Forms’ ajv and ajv-formats to the very packages the engine pins', () => {
    const engineManifest = fileURLToManifest('../../../engine/package.json');
    const fromEngine = createRequire(engineManifest.path);
    const fromJsonForms = createRequire(createRequire(import.meta.url).resolve('@jsonforms/core'));
    for (const name of ['ajv', 'ajv-formats']) {
      const pinned = engineManifest.json.dependencies[name];
      expect(pinned, `${name} is pinned to one exact version`).toMatch(/^\d+\.\d+\.\d+$/);
      const enginePackage = packageDirOf(fromEngine.resolve(name), name);
      expect(packageDirOf(fromJsonForms.resolve(name), name), name).toBe(enginePackage);
      expect(JSON.parse(readFileSync(join(enginePackage, 'package.json'), 'utf8')).version).toBe(pinned);
    }
  });

  it('should accept a time and a date-time without a zone on both sides, as the pickers write them', () => {
    const browser = browserValidator(everyFormat.schema);
    for (const data of [
      { time: '13:37:00', dateTime: '2026-03-01T13:37:00' },
      { time: '13:37:00+08:00', dateTime: '2026-03-01T13:37:00+08:00' },
    ]) {
      expect(browser(data), JSON.stringify(data)).toBe(true);
      expect(serverAccepts(everyFormat, data), JSON.stringify(data)).toBe(true);
    }
    for (const data of [
      { time: '13:37', dateTime: '2026-03-01T13:37:00' },
      { time: '13:37:00', dateTime: '2026-02-30T13:37:00' },
    ]) {
      expect(browser(data), JSON.stringify(data)).toBe(false);
      expect(serverAccepts(everyFormat, data), JSON.stringify(data)).toBe(false);
    }
  });

  for (const form of [everyFormat, ...libraryForms]) {
    it(`should agree on ${runs} generated answers to the form ${form.key}`, () => {
      const browser = browserValidator(form.schema);
      const tally = { accepted: 0, refused: 0 };
      fc.assert(
        fc.property(formSamples(form.schema), ({ data, undeclared }) => {
          const inBrowser = browser(data);
          const onServer = serverAccepts(form, data);
          tally[onServer ? 'accepted' : 'refused'] += 1;
          expect(onServer).toBe(inBrowser && !undeclared);
        }),
        { numRuns: runs, seed },
      );
      // both verdicts are well represented, so the agreement means something
      expect(tally.accepted).toBeGreaterThan(runs / 20);
      expect(tally.refused).toBeGreaterThan(runs / 20);
    });
  }
});

function fileURLToManifest(relative: string): {
  path: string;
  json: { dependencies: Record<string, string> };
} {
  const path = new URL(relative, import.meta.url).pathname;
  return { path, json: JSON.parse(readFileSync(path, 'utf8')) };
}

/** The real directory of the package `name` that a resolved entry file belongs to (pnpm's links followed). */
function packageDirOf(entry: string, name: string): string {
  const real = realpathSync(entry);
  const marker = `/node_modules/${name}/`;
  return real.slice(0, real.lastIndexOf(marker) + marker.length - 1);
}
