import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseSource, sourceOf, type DefinitionSource } from './definition-source.js';

/** A file of the folder that holds no definition to read: not JSON. */
export interface UnreadableFile {
  file: string;
  message: string;
}

/**
 * Every definition in a folder tree, as written, and every file that could not be read, each named: a
 * JSON file holds one definition (kept as its text) or a list of them (each written out as two-space
 * JSON: only a file of its own gives a definition back byte for byte). `package.json` and
 * `node_modules` are not definitions.
 */
export async function readDefinitionFolder(
  dir: string,
): Promise<{ sources: DefinitionSource[]; unreadable: UnreadableFile[] }> {
  const sources: DefinitionSource[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const { path, text } of await jsonFiles(dir)) {
    let source: DefinitionSource;
    try {
      source = parseSource(text, path);
    } catch (error) {
      unreadable.push({
        file: path,
        message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    if (Array.isArray(source.body)) sources.push(...source.body.map((item) => sourceOf(item, path)));
    else sources.push(source);
  }
  return { sources, unreadable };
}

/** Every definition in a folder tree; throws naming every file that is not JSON. */
export async function loadDefinitionFiles(
  dir: string,
): Promise<Array<{ file: string; body: unknown; text: string }>> {
  const { sources, unreadable } = await readDefinitionFolder(dir);
  if (unreadable.length > 0)
    throw new Error(unreadable.map((entry) => `${entry.file} is ${entry.message}`).join('\n'));
  return sources.map((source) => ({ file: source.file as string, body: source.body, text: source.text }));
}

/**
 * A SHA-256 over every JSON file of the folder tree (its path inside the folder and its bytes): equal
 * for two folders that an import reads alike, and different as soon as one file changes, comes or goes.
 */
export async function hashDefinitionFolder(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const { path, text } of await jsonFiles(dir)) {
    const name = relative(dir, path).split(sep).join('/');
    hash.update(`${name}\0${Buffer.byteLength(text)}\0`).update(text);
  }
  return hash.digest('hex');
}

/** The JSON files an import reads, in a stable order, with their text. */
async function jsonFiles(dir: string): Promise<Array<{ path: string; text: string }>> {
  const found: Array<{ path: string; text: string }> = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') found.push(...(await jsonFiles(path)));
    else if (entry.isFile() && entry.name.endsWith('.json') && entry.name !== 'package.json')
      found.push({ path, text: await readFile(path, 'utf8') });
  }
  return found;
}
