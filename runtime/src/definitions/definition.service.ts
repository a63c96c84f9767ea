import { and, desc, eq, sql } from 'drizzle-orm';
import {
  Catalog,
  compileWorkflow,
  validate,
  type CompiledWorkflow,
  type Definition,
  type DefinitionKind,
  type Problem,
  type ValidationResult,
  type WorkflowDefinition,
} from '@tongban/engine';
import {
  contentHash,
  definitionPath,
  describeDefinition,
  parseSource,
  sourceOf,
  storedBody,
  storedText,
  type DefinitionSource,
} from './definition-source.js';
import { planImport, type ImportResult } from './import-plan.js';
import type { Database, Executor } from '../db/database.js';
import { definitions, departments, type DefinitionStatus } from '../db/schema.js';
import type { DepartmentDirectory } from '../departments/directory.js';
import { ApiError, notFound } from '../errors/api-error.js';

export interface DefinitionRow {
  id: number;
  kind: string;
  key: string;
  version: number;
  status: DefinitionStatus;
  contentHash: string;
  createdAt: Date;
  publishedAt: Date | null;
}

/** How long a node trusts its catalog before checking whether another node published something. */
const CATALOG_CHECK_MS = 2000;

/**
 * Stores definitions and their versions, validates and publishes them, and keeps the catalog of what is
 * in force (the newest published version of each key) with compiled workflows per version.
 */
export class DefinitionService {
  private catalog: Catalog | undefined;
  private catalogStamp = '';
  private checkedAt = 0;
  private readonly compiled = new Map<string, CompiledWorkflow>();

  constructor(
    private readonly db: Database,
    private readonly directory: DepartmentDirectory,
    private readonly clock: () => Date,
  ) {}

  /** The catalog of published definitions, reloaded when another process has published since. */
  async current(): Promise<Catalog> {
    const now = Date.now();
    if (this.catalog && now - this.checkedAt < CATALOG_CHECK_MS) return this.catalog;
    this.checkedAt = now;
    const stamp = await this.stamp();
    if (!this.catalog || stamp !== this.catalogStamp) {
      const rows = await this.db
        .select({
          body: definitions.body,
          source: definitions.source,
          kind: definitions.kind,
          key: definitions.key,
          version: definitions.version,
        })
        .from(definitions)
        .where(eq(definitions.status, 'published'));
      // compiled from the text as written: its key order is the order regions and transitions run in
      this.catalog = new Catalog(rows.map((row) => storedBody(row) as Definition));
      this.catalogStamp = stamp;
      this.compiled.clear();
    }
    return this.catalog;
  }

  /** Forgets the cached catalog (after this process published or retired something). */
  invalidate(): void {
    this.catalog = undefined;
  }

  /** The compiled workflow of one exact version (a running case stays on the version it started with). */
  async workflow(key: string, version: number): Promise<CompiledWorkflow> {
    const catalog = await this.current();
    const id = `${key}@${version}`;
    let compiled = this.compiled.get(id);
    if (!compiled) {
      const [row] = await this.db
        .select({ body: definitions.body, source: definitions.source, status: definitions.status })
        .from(definitions)
        .where(
          and(eq(definitions.kind, 'workflow'), eq(definitions.key, key), eq(definitions.version, version)),
        );
      if (!row) throw notFound({ 'zh-CN': `工作流 ${id}`, en: `workflow ${id}` });
      // validated when it was published: later checks or catalog changes must not strand its cases
      compiled = compileWorkflow(storedBody(row) as WorkflowDefinition, catalog, {
        published: row.status !== 'draft',
      });
      this.compiled.set(id, compiled);
    }
    return compiled;
  }

  /** Validates against the catalog in force, without storing anything. */
  async validate(body: unknown): Promise<Problem[]> {
    return (await this.review(body)).problems;
  }

  /** The same, with the warnings (a calendar that runs out within 90 days of now), which refuse nothing. */
  async review(body: unknown): Promise<ValidationResult> {
    return validate(body, await this.current(), { now: this.clock().getTime() });
  }

  /**
   * Stores a new draft version. Refuses an invalid definition and a version that exists already. `text`
   * is the definition as written (the request's body), stored as it is; without it, `body` is written
   * out as two-space JSON.
   */
  async upload(input: unknown, actorId: string | null, text?: string): Promise<DefinitionRow> {
    const source = text === undefined ? sourceOf(input) : parseSource(text);
    const body = source.body;
    const problems = await this.validate(body);
    if (problems.length > 0) throw invalidDefinition(body, problems);
    const definition = body as Definition;
    const existing = await this.find(definition.kind, definition.key, definition.version);
    if (existing)
      throw new ApiError('TB_DEFINITION_EXISTS', {
        kind: definition.kind,
        key: definition.key,
        version: definition.version,
      });
    const [row] = await this.db
      .insert(definitions)
      .values({
        kind: definition.kind,
        key: definition.key,
        version: definition.version,
        status: 'draft',
        body: definition as unknown as Record<string, unknown>,
        source: source.text,
        contentHash: contentHash(definition),
        createdBy: actorId,
      })
      .returning();
    return summary(row as NonNullable<typeof row>);
  }

  /** Publishes a draft: validated again against what is in force now; published versions never change. */
  async publish(
    kind: DefinitionKind,
    key: string,
    version: number,
    tx: Executor = this.db,
  ): Promise<DefinitionRow> {
    const row = await this.find(kind, key, version, tx);
    if (!row)
      throw notFound({ 'zh-CN': `${kind} ${key} 第 ${version} 版`, en: `${kind} ${key} version ${version}` });
    if (row.status !== 'draft')
      throw new ApiError('TB_DEFINITION_STATUS', {
        status: row.status,
        action: { 'zh-CN': '发布', en: 'published' },
      });
    const catalog = await this.current();
    const body = storedBody(row) as Definition;
    const problems = validate(body, new Catalog([...allOf(catalog), body])).problems;
    if (problems.length > 0) throw invalidDefinition(body, problems);
    const [published] = await tx
      .update(definitions)
      .set({ status: 'published', publishedAt: this.clock() })
      .where(eq(definitions.id, row.id))
      .returning();
    if (kind === 'department') await this.syncDepartment(body as Definition & { kind: 'department' }, tx);
    this.invalidate();
    return summary(published as NonNullable<typeof published>);
  }

  async retire(kind: DefinitionKind, key: string, version: number): Promise<DefinitionRow> {
    const row = await this.find(kind, key, version);
    if (!row)
      throw notFound({ 'zh-CN': `${kind} ${key} 第 ${version} 版`, en: `${kind} ${key} version ${version}` });
    if (row.status !== 'published')
      throw new ApiError('TB_DEFINITION_STATUS', {
        status: row.status,
        action: { 'zh-CN': '停用', en: 'retired' },
      });
    const [retired] = await this.db
      .update(definitions)
      .set({ status: 'retired' })
      .where(eq(definitions.id, row.id))
      .returning();
    this.invalidate();
    return summary(retired as NonNullable<typeof retired>);
  }

  async versions(kind: DefinitionKind, key: string): Promise<DefinitionRow[]> {
    const rows = await this.db
      .select()
      .from(definitions)
      .where(and(eq(definitions.kind, kind), eq(definitions.key, key)))
      .orderBy(desc(definitions.version));
    return rows.map(summary);
  }

  async list(kind?: DefinitionKind): Promise<DefinitionRow[]> {
    const rows = await this.db
      .select()
      .from(definitions)
      .where(kind === undefined ? undefined : eq(definitions.kind, kind))
      .orderBy(definitions.kind, definitions.key, desc(definitions.version));
    return rows.map(summary);
  }

  async get(
    kind: DefinitionKind,
    key: string,
    version: number,
  ): Promise<{ row: DefinitionRow; body: unknown; source: string }> {
    const row = await this.find(kind, key, version);
    if (!row)
      throw notFound({ 'zh-CN': `${kind} ${key} 第 ${version} 版`, en: `${kind} ${key} version ${version}` });
    return { row: summary(row), body: storedBody(row), source: storedText(row) };
  }

  /**
   * The published catalog as files laid out as definitions/ is (`<kind>s/<key>.json`), each as written:
   * the version in force of every key; with `allVersions`, every older published version beside it as
   * `<key>@<version>.json`. Drafts and retired versions are left out: importing a folder publishes
   * everything in it (decision 0018).
   */
  async exportFiles(options: { allVersions?: boolean } = {}): Promise<Array<{ path: string; text: string }>> {
    const rows = await this.db
      .select({
        kind: definitions.kind,
        key: definitions.key,
        version: definitions.version,
        body: definitions.body,
        source: definitions.source,
      })
      .from(definitions)
      .where(eq(definitions.status, 'published'))
      .orderBy(definitions.kind, definitions.key, desc(definitions.version));
    const files: Array<{ path: string; text: string }> = [];
    let previous = '';
    for (const row of rows) {
      const newest = `${row.kind}/${row.key}` !== previous;
      previous = `${row.kind}/${row.key}`;
      if (newest) files.push({ path: definitionPath(row.kind, row.key), text: storedText(row) });
      else if (options.allVersions)
        files.push({ path: definitionPath(row.kind, row.key, row.version), text: storedText(row) });
    }
    return files;
  }

  /**
   * Imports a set of definitions given as values (a responsibility list): as `importSources`, each
   * written out as two-space JSON; a version that exists with other content is refused with
   * TB_DEFINITION_EXISTS.
   */
  async importAll(bodies: unknown[], actorId: string | null): Promise<ImportResult> {
    const result = await this.importSources(
      bodies.map((body) => sourceOf(body)),
      actorId,
    );
    const [conflict] = result.conflicts;
    if (result.problems.length === 0 && conflict) throw conflict.error;
    return result;
  }

  /**
   * Imports a set of definitions as written (e.g. the definitions/ folder): validates all of them
   * against each other and finds every version that exists already with other content, first, and
   * stores nothing if there is any problem or conflict. Then, in one transaction, stores and publishes
   * each new version as written. A version stored already with the same values in the same order is
   * left alone (a draft of it is published; one stored before texts were kept gets its text back).
   */
  async importSources(sources: DefinitionSource[], actorId: string | null): Promise<ImportResult> {
    const current = await this.current();
    const incoming = sources
      .map((source) => source.body)
      .filter((body): body is Definition => typeof body === 'object' && body !== null) as Definition[];
    const combined = new Catalog([...allOf(current), ...incoming]);
    const problems = sources
      .map((source) => ({
        key: describeDefinition(source.body),
        ...(source.file === undefined ? {} : { file: source.file }),
        problems: validate(source.body, combined).problems,
      }))
      .filter((entry) => entry.problems.length > 0);
    const { plan, conflicts } = await planImport(sources, (kind, key, version) =>
      this.find(kind, key, version),
    );
    if (problems.length > 0 || conflicts.length > 0)
      return { published: [], unchanged: [], problems, conflicts };
    const published: string[] = [];
    const unchanged: string[] = [];
    await this.db.transaction(async (tx) => {
      for (const { source, existing } of plan) {
        const definition = source.body as Definition;
        if (existing && existing.status !== 'draft') {
          // the same version, the same values: its text comes back if it was stored before texts were kept
          if (existing.source === null)
            await tx.update(definitions).set({ source: source.text }).where(eq(definitions.id, existing.id));
          unchanged.push(describeDefinition(definition));
          continue;
        }
        if (existing)
          await tx
            .update(definitions)
            .set({ status: 'published', publishedAt: this.clock(), source: existing.source ?? source.text })
            .where(eq(definitions.id, existing.id));
        else
          await tx.insert(definitions).values({
            kind: definition.kind,
            key: definition.key,
            version: definition.version,
            status: 'published',
            body: definition as unknown as Record<string, unknown>,
            source: source.text,
            contentHash: contentHash(definition),
            createdBy: actorId,
            publishedAt: this.clock(),
          });
        if (definition.kind === 'department') await this.syncDepartment(definition, tx);
        published.push(describeDefinition(definition));
      }
    });
    this.invalidate();
    await this.directory.reload(this.db);
    return { published, unchanged, problems: [], conflicts: [] };
  }

  private async syncDepartment(
    definition: Extract<Definition, { kind: 'department' }>,
    tx: Executor,
  ): Promise<void> {
    const row = {
      code: definition.key,
      parent: definition.parent ?? null,
      level: definition.level,
      title: definition.title,
      calendar: definition.calendar ?? null,
      dispatch: definition.dispatch ?? null,
    };
    await tx.insert(departments).values(row).onConflictDoUpdate({ target: departments.code, set: row });
    await this.directory.reload(tx);
  }

  private async find(kind: string, key: string, version: number, tx: Executor = this.db) {
    const [row] = await tx
      .select()
      .from(definitions)
      .where(and(eq(definitions.kind, kind), eq(definitions.key, key), eq(definitions.version, version)));
    return row;
  }

  /** Changes whenever anything is published or retired anywhere: the count and id sum of published rows. */
  private async stamp(): Promise<string> {
    const [row] = await this.db
      .select({
        count: sql<string>`count(*)::text`,
        sum: sql<string>`coalesce(sum(${definitions.id}), 0)::text`,
      })
      .from(definitions)
      .where(eq(definitions.status, 'published'));
    return `${row?.count}:${row?.sum}`;
  }
}

function allOf(catalog: Catalog): Definition[] {
  return (['department', 'calendar', 'matter', 'form', 'workflow', 'bundle'] as const).flatMap(
    (kind) => catalog.all(kind) as Definition[],
  );
}

function summary(row: typeof definitions.$inferSelect): DefinitionRow {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    version: row.version,
    status: row.status,
    contentHash: row.contentHash,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
  };
}

export function invalidDefinition(body: unknown, problems: Problem[]): ApiError {
  return new ApiError(
    'TB_DEFINITION_INVALID',
    { key: describeDefinition(body), count: problems.length },
    problems.map((problem) => ({ path: problem.path, message: problem.message })),
  );
}
