import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import postgres from 'postgres';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The one database type services use, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Database | Transaction;

/** Runs one statement given as text with $1..$n parameters (the driver prepares it once and reuses it). */
export type RunStatement = <T>(text: string, params: unknown[]) => Promise<T[]>;

export interface Statement {
  text: string;
  params: unknown[];
}

/** Runs several statements in one transaction, sent together (pipelined where the driver can). */
export type RunBatch = (statements: Statement[]) => Promise<unknown[][]>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  run: RunStatement;
  runBatch: RunBatch;
  /** Runs `work` in one transaction, its statements prepared like `run`'s; a throw rolls it all back. */
  transact<T>(work: (run: RunStatement) => Promise<T>): Promise<T>;
  /** Runs pending migrations; safe when several processes start at once. Gives the tags of those it ran. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** The migrations there are, in order: the tag (file name) and the stamp drizzle records once it ran. */
export function migrationsKnown(): Array<{ tag: string; when: number }> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string; when: number }>;
  };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

/** The stamps of the migrations a database has run (drizzle's own table; none on an empty database). */
async function migrationsRun(
  query: (text: string) => Promise<Array<{ stamp: string }>>,
): Promise<Set<string>> {
  const [table] = await query(`select to_regclass('drizzle.__drizzle_migrations')::text as stamp`);
  if (!table?.stamp) return new Set();
  return new Set(
    (await query('select created_at::text as stamp from drizzle.__drizzle_migrations')).map(
      (row) => row.stamp,
    ),
  );
}

/** Runs `migrate` and names the migrations it ran: those recorded after that were not before. */
async function reporting(
  query: (text: string) => Promise<Array<{ stamp: string }>>,
  migrate: () => Promise<void>,
): Promise<string[]> {
  const before = await migrationsRun(query);
  await migrate();
  const after = await migrationsRun(query);
  return migrationsKnown()
    .filter((entry) => after.has(String(entry.when)) && !before.has(String(entry.when)))
    .map((entry) => entry.tag);
}

/** PostgreSQL when a URL is given (scaled mode), else PGlite in `dataDir` (embedded mode; `memory://` for tests). */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** PGlite's shared buffers (16 MB): its memory grows to hold them and never shrinks. */
  sharedBuffersMb?: number;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir ?? 'memory://', options.sharedBuffersMb ?? 16);
}

async function openPglite(dataDir: string, sharedBuffersMb: number): Promise<DatabaseHandle> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // loaded only in the embedded mode: the scaled mode's processes never carry PGlite's WebAssembly build
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  // PostgreSQL's defaults (128 MB of shared buffers, 64 MB for index builds) would grow PGlite's
  // WebAssembly memory for good: it never gives memory back. A small database needs little of either.
  const client = await PGlite.create(dataDir, {
    startParams: [
      ...PGlite.defaultStartParams,
      ...['-c', `shared_buffers=${sharedBuffersMb}MB`, '-c', 'maintenance_work_mem=16MB'],
    ],
  });
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    run: async <T>(text: string, params: unknown[]) => (await client.query<T>(text, params)).rows,
    runBatch: (statements) =>
      client.transaction(async (tx) => {
        const results: unknown[][] = [];
        for (const statement of statements)
          results.push((await tx.query(statement.text, statement.params)).rows);
        return results;
      }),
    transact: (work) =>
      client.transaction((tx) =>
        work(async <T>(text: string, params: unknown[]) => (await tx.query<T>(text, params)).rows),
      ),
    migrate: () =>
      reporting(
        async (text) => (await client.query<{ stamp: string }>(text)).rows,
        () => migratePglite(db as never, { migrationsFolder }),
      ),
    close: () => client.close(),
  };
}

function openPostgres(url: string): DatabaseHandle {
  const client = postgres(url, { max: 20, onnotice: () => undefined });
  const db = drizzlePostgres(preparing(client), { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    run: async <T>(text: string, params: unknown[]) =>
      (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
        prepare: true,
      })) as unknown as T[],
    runBatch: async (statements) =>
      (await client.begin((tx) =>
        statements.map((statement) =>
          tx.unsafe(statement.text, statement.params as postgres.ParameterOrJSON<never>[], { prepare: true }),
        ),
      )) as unknown as unknown[][],
    transact: async <T>(work: (run: RunStatement) => Promise<T>) =>
      (await client.begin((tx) =>
        work(
          async <R>(text: string, params: unknown[]) =>
            (await tx.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
              prepare: true,
            })) as unknown as R[],
        ),
      )) as T,
    async migrate() {
      // one migrator at a time across processes: a session advisory lock on a dedicated connection
      const single = postgres(url, { max: 1, onnotice: () => undefined });
      try {
        await single`select pg_advisory_lock(hashtext('tongban.migrate'))`;
        // read under the lock: what another process migrated meanwhile is not counted as ours
        const applied = await reporting(
          (text) => single.unsafe<Array<{ stamp: string }>>(text),
          () => migratePostgres(drizzlePostgres(single), { migrationsFolder }),
        );
        await single`select pg_advisory_unlock(hashtext('tongban.migrate'))`;
        return applied;
      } finally {
        await single.end();
      }
    },
    close: () => client.end(),
  };
}

/**
 * drizzle asks postgres.js for unnamed statements unless a query is given a name, and postgres.js then
 * describes every statement with parameters before running it: two round trips per query. This keeps
 * postgres.js's own default instead: statements are prepared once per connection and reused.
 */
function preparing<T extends object>(sql: T): T {
  type Callback = (tx: object) => unknown;
  type Scoped = (...args: unknown[]) => unknown;
  return new Proxy(sql, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property === 'unsafe') {
        const unsafe = value as (query: string, params?: unknown[], options?: object) => unknown;
        return (query: string, params?: unknown[], options?: object) =>
          unsafe.call(target, query, params, { ...options, prepare: true });
      }
      if (property === 'begin' || property === 'savepoint') {
        // the transaction's own connection gets the same treatment
        const scoped = value as Scoped;
        return (...args: unknown[]) => {
          const callback = args[args.length - 1] as Callback;
          return scoped.call(target, ...args.slice(0, -1), (tx: object) => callback(preparing(tx)));
        };
      }
      return value;
    },
  });
}

/** drizzle's `execute` gives an array on postgres.js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export { schema };
