import { randomUUID } from 'node:crypto';
import type { RuntimeConfig } from './config/config.js';
import { openDatabase, type Database, type DatabaseHandle } from './db/database.js';
import { DepartmentDirectory } from './departments/directory.js';
import { DefinitionService } from './definitions/definition.service.js';
import { CaseService } from './cases/case.service.js';
import { TaskService } from './tasks/task.service.js';
import { AuthService } from './auth/auth.service.js';
import { UserService } from './users/user.service.js';

/** Every service of one process, wired once; routes, workers, the CLI and tests all start here. */
export interface Runtime {
  config: RuntimeConfig;
  database: DatabaseHandle;
  db: Database;
  directory: DepartmentDirectory;
  definitions: DefinitionService;
  cases: CaseService;
  tasks: TaskService;
  auth: AuthService;
  users: UserService;
  clock: () => Date;
  ids: () => string;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Replaces the wall clock (tests, simulations). */
  clock?: () => Date;
  ids?: () => string;
  /** An already open database (tests share one per file). */
  database?: DatabaseHandle;
  /** Run migrations at start-up (default true). */
  migrate?: boolean;
}

export async function createRuntime(config: RuntimeConfig, options: RuntimeOptions = {}): Promise<Runtime> {
  const database =
    options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  if (options.migrate !== false) await database.migrate();
  const db = database.db;
  const clock = options.clock ?? (() => new Date());
  const ids = options.ids ?? randomUUID;
  const directory = await DepartmentDirectory.load(db);
  const definitions = new DefinitionService(db, directory, clock);
  const deps = { db, run: database.run, definitions, clock, ids };
  const cases = new CaseService(deps);
  return {
    config,
    database,
    db,
    directory,
    definitions,
    cases,
    tasks: new TaskService(deps, cases),
    auth: new AuthService(db, directory, clock, config.sessionTtlMs),
    users: new UserService(db, directory, ids),
    clock,
    ids,
    close: () => (options.database ? Promise.resolve() : database.close()),
  };
}
