import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot, webApps } from './paths.js';

/** A page of the form gallery to visit: where it is and what to call its screenshot. */
export interface GalleryTarget {
  name: string;
  /** The path under the origin, e.g. /designer/gallery/senior-card */
  path: string;
}

/** Every form in definitions/forms, by its key. */
export function libraryForms(): GalleryTarget[] {
  const dir = join(repoRoot, 'definitions/forms');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { key: string }).key)
    .sort()
    .map((key) => ({ name: `form-${key}`, path: `/designer/gallery/${encodeURIComponent(key)}` }));
}

/**
 * Every object-rooted example of @jsonforms/examples (the designer's copy, which its gallery renders),
 * read when the tests are collected so that each is a test of its own.
 */
export function jsonFormsExamples(): GalleryTarget[] {
  const require = createRequire(join(webApps.designer, 'package.json'));
  const { getExamples } = require('@jsonforms/examples') as {
    getExamples(): Array<{ name: string; schema?: { type?: unknown } }>;
  };
  return getExamples()
    .filter((example) => example.schema?.type === 'object')
    .map((example) => ({
      name: `example-${example.name}`,
      path: `/designer/gallery/examples/${encodeURIComponent(example.name)}`,
    }));
}
