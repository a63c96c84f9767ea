import { createHash } from 'node:crypto';
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
import { canonicalJson } from '../audit/canonical-json.js';
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
          kind: definitions.kind,
          key: definitions.key,
          version: definitions.version,
        })
        .from(definitions)
        .where(eq(definitions.status, 'published'));
      this.catalog = new Catalog(rows.map((row) => row.body as unknown as Definition));
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
        .select({ body: definitions.body, status: definitions.status })
        .from(definitions)
        .where(
          and(eq(definitions.kind, 'workflow'), eq(definitions.key, key), eq(definitions.version, version)),
        );
      if (!row) throw notFound({ 'zh-CN': `工作流 ${id}`, en: `workflow ${id}` });
      // validated when it was published: later checks or catalog changes must not strand its cases
      compiled = compileWorkflow(row.body as unknown as WorkflowDefinition, catalog, {
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

  /** Stores a new draft version. Refuses an invalid definition and a version that exists already. */
  async upload(body: unknown, actorId: string | null): Promise<DefinitionRow> {
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
    const problems = validate(
      row.body,
      new Catalog([...allOf(catalog), row.body as unknown as Definition]),
    ).problems;
    if (problems.length > 0) throw invalidDefinition(row.body, problems);
    const [published] = await tx
      .update(definitions)
      .set({ status: 'published', publishedAt: this.clock() })
      .where(eq(definitions.id, row.id))
      .returning();
    if (kind === 'department')
      await this.syncDepartment(row.body as unknown as Definition & { kind: 'department' }, tx);
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
  ): Promise<{ row: DefinitionRow; body: unknown }> {
    const row = await this.find(kind, key, version);
    if (!row)
      throw notFound({ 'zh-CN': `${kind} ${key} 第 ${version} 版`, en: `${kind} ${key} version ${version}` });
    return { row: summary(row), body: row.body };
  }

  /**
   * Imports a set of definitions (e.g. the definitions/ folder): validates all of them against each other
   * first and stores nothing if any has a problem; then stores and publishes each new version in one
   * transaction. Versions already published with the same content are left alone.
   */
  async importAll(
    bodies: unknown[],
    actorId: string | null,
  ): Promise<{
    published: string[];
    unchanged: string[];
    problems: Array<{ key: string; problems: Problem[] }>;
  }> {
    const current = await this.current();
    const incoming = bodies.filter(
      (body): body is Definition => typeof body === 'object' && body !== null,
    ) as Definition[];
    const combined = new Catalog([...allOf(current), ...incoming]);
    const problems = bodies
      .map((body) => ({ key: describe(body), problems: validate(body, combined).problems }))
      .filter((entry) => entry.problems.length > 0);
    if (problems.length > 0) return { published: [], unchanged: [], problems };
    const published: string[] = [];
    const unchanged: string[] = [];
    await this.db.transaction(async (tx) => {
      for (const definition of incoming) {
        const existing = await this.find(definition.kind, definition.key, definition.version, tx);
        if (existing && existing.contentHash === contentHash(definition) && existing.status === 'published') {
          unchanged.push(describe(definition));
          continue;
        }
        if (existing)
          throw new ApiError('TB_DEFINITION_EXISTS', {
            kind: definition.kind,
            key: definition.key,
            version: definition.version,
          });
        await tx.insert(definitions).values({
          kind: definition.kind,
          key: definition.key,
          version: definition.version,
          status: 'published',
          body: definition as unknown as Record<string, unknown>,
          contentHash: contentHash(definition),
          createdBy: actorId,
          publishedAt: this.clock(),
        });
        if (definition.kind === 'department') await this.syncDepartment(definition, tx);
        published.push(describe(definition));
      }
    });
    this.invalidate();
    await this.directory.reload(this.db);
    return { published, unchanged, problems: [] };
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

export function contentHash(definition: unknown): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

function describe(body: unknown): string {
  const envelope = (body ?? {}) as { kind?: unknown; key?: unknown; version?: unknown };
  return `${String(envelope.kind)}:${String(envelope.key)}@${String(envelope.version)}`;
}

export function invalidDefinition(body: unknown, problems: Problem[]): ApiError {
  return new ApiError(
    'TB_DEFINITION_INVALID',
    { key: describe(body), count: problems.length },
    problems.map((problem) => ({ path: problem.path, message: problem.message })),
  );
}
