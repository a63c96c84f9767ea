import type { Definition, LocalizedText, Problem } from '@tongban/engine';
import type { definitions } from '../db/schema.js';
import { ApiError } from '../errors/api-error.js';
import { contentHash, describeDefinition, sameWriting, type DefinitionSource } from './definition-source.js';

/** A version an import cannot store: it exists already (or is given twice) with other content. */
export interface ImportConflict {
  key: string;
  file?: string;
  error: ApiError;
  /** What differs, and what to do. */
  reason: LocalizedText;
}

export interface ImportResult {
  published: string[];
  unchanged: string[];
  problems: Array<{ key: string; file?: string; problems: Problem[] }>;
  conflicts: ImportConflict[];
}

type StoredVersion = typeof definitions.$inferSelect;

/**
 * What an import would do with each definition: store it, or leave the version stored with the same
 * values in the same order alone (`existing`). A conflict is a version stored, or given twice, with
 * other values or in another key order (the order is meaning: decision 0018): published versions never
 * change. `find` gives the stored version of a kind, key and version, if any.
 */
export async function planImport(
  sources: DefinitionSource[],
  find: (kind: string, key: string, version: number) => Promise<StoredVersion | undefined>,
): Promise<{
  plan: Array<{ source: DefinitionSource; existing: StoredVersion | undefined }>;
  conflicts: ImportConflict[];
}> {
  const plan: Array<{ source: DefinitionSource; existing: StoredVersion | undefined }> = [];
  const conflicts: ImportConflict[] = [];
  const seen = new Map<string, DefinitionSource>();
  for (const source of sources) {
    const definition = source.body as Partial<Definition> | null;
    if (
      typeof definition?.kind !== 'string' ||
      typeof definition.key !== 'string' ||
      !Number.isInteger(definition.version)
    )
      continue; // not a definition: validation names what is wrong with it
    const { kind, key, version } = definition as Definition;
    const id = describeDefinition(definition);
    const conflict = (reason: LocalizedText) =>
      conflicts.push({
        key: id,
        ...(source.file === undefined ? {} : { file: source.file }),
        error: new ApiError('TB_DEFINITION_EXISTS', { kind, key, version }),
        reason,
      });
    const twice = seen.get(id);
    if (twice) {
      if (JSON.stringify(twice.body) !== JSON.stringify(definition))
        conflict({
          'zh-CN': `${twice.file ?? '同一批导入中的另一份定义'}中的同一版本内容不同`,
          en: `${twice.file ?? 'another definition of this import'} has the same version with other content`,
        });
      continue;
    }
    seen.set(id, source);
    const existing = await find(kind, key, version);
    if (existing && existing.contentHash !== contentHash(definition))
      conflict({
        'zh-CN': '内容与已存储的版本不同：修改后的定义请使用新的版本号',
        en: 'its content differs from the version stored: give the changed definition a new version',
      });
    else if (existing && existing.source !== null && !sameWriting(existing, definition))
      conflict({
        'zh-CN': '取值相同但键的顺序不同（并行区域和转移按书写顺序执行）：请使用新的版本号',
        en: 'the same values with keys in another order (regions and transitions run in the order written): give it a new version',
      });
    else plan.push({ source, existing });
  }
  return { plan, conflicts };
}
