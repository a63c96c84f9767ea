import { randomUUID } from 'node:crypto';
import type { RuntimeConfig } from './config/config.js';
import { openDatabase, type Database, type DatabaseHandle } from './db/database.js';
import { DepartmentDirectory } from './departments/directory.js';
import { DefinitionService } from './definitions/definition.service.js';
import { CaseService } from './cases/case.service.js';
import { TaskService } from './tasks/task.service.js';
import { AuthService } from './auth/auth.service.js';
import { PhoneSignIn } from './auth/phone-sign-in.service.js';
import { UserService } from './users/user.service.js';
import type { QueueDriver } from './queues/queue-driver.js';
import { LocalDriver } from './queues/local-driver.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { TimerService, type TimerServiceOptions } from './timers/timer.service.js';
import { SupervisionService } from './supervision/supervision.service.js';
import { DispatchService } from './dispatch/dispatch.service.js';
import { BundleService } from './bundles/bundle.service.js';
import { ProfileService } from './profiles/profile.service.js';
import { deadLetterStore } from './workers/dead-letters.js';
import { AuditLog } from './audit/audit-log.js';
import { resolveAuditKey } from './audit/audit-key.js';

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
  /** Sign-in by mobile number and one-time code (decision 0023). */
  phoneSignIn: PhoneSignIn;
  users: UserService;
  /** local (embedded) or BullMQ (REDIS_URL set). */
  queues: QueueDriver;
  relay: OutboxRelay;
  timers: TimerService;
  supervision: SupervisionService;
  dispatch: DispatchService;
  bundles: BundleService;
  profiles: ProfileService;
  /** The keyed audit chains, the ledger of their heads, its sealer and the verifier. */
  audit: AuditLog;
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
  /** Replaces the queue driver the configuration would choose (tests). */
  queues?: QueueDriver;
  /** Redis key prefix for BullMQ (default `tongban`; tests use one of their own). */
  redisPrefix?: string;
  timers?: TimerServiceOptions;
}

export async function createRuntime(config: RuntimeConfig, options: RuntimeOptions = {}): Promise<Runtime> {
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      sharedBuffersMb: config.pgliteSharedBuffersMb,
    }));
  if (options.migrate !== false) await database.migrate();
  const db = database.db;
  const audit = new AuditLog(db, resolveAuditKey(config));
  const clock = options.clock ?? (() => new Date());
  const ids = options.ids ?? randomUUID;
  const directory = await DepartmentDirectory.load(db);
  const definitions = new DefinitionService(db, directory, clock);
  const onDeadLetter = deadLetterStore(db, clock);
  const queues =
    options.queues ??
    (config.redisUrl
      ? // BullMQ and ioredis load only when there is a Redis to talk to
        new (await import('./queues/bullmq-driver.js')).BullmqDriver(
          { url: config.redisUrl, prefix: options.redisPrefix ?? config.redisPrefix },
          onDeadLetter,
        )
      : new LocalDriver(onDeadLetter));
  const relay = new OutboxRelay({ db, driver: queues, clock });
  // after a command commits, its outbox rows go out at once (the relay polls too, for other nodes' rows)
  const deps = {
    db,
    audit,
    run: database.run,
    runBatch: database.runBatch,
    definitions,
    clock,
    ids,
    afterCommit: () => relay.kick(),
  };
  const cases = new CaseService(deps);
  const supervision = new SupervisionService({ db, audit, directory, definitions, clock, ids });
  const timers = new TimerService(
    {
      db,
      run: database.run,
      runBatch: database.runBatch,
      cases,
      supervision,
      clock,
      afterCommit: deps.afterCommit,
    },
    { leaseMs: config.timerLeaseMs, ...options.timers },
  );
  const auth = new AuthService(db, directory, clock, config.sessionTtlMs);
  return {
    config,
    database,
    db,
    directory,
    definitions,
    cases,
    tasks: new TaskService(deps, cases),
    auth,
    phoneSignIn: new PhoneSignIn({
      db,
      key: audit.key,
      clock,
      ids,
      config: config.phoneCodes,
      auth,
      afterCommit: deps.afterCommit,
    }),
    users: new UserService(db, directory, ids),
    queues,
    relay,
    timers,
    supervision,
    dispatch: new DispatchService({ db, audit, directory, clock }),
    profiles: new ProfileService({ db }),
    audit,
    bundles: new BundleService({
      db,
      transact: database.transact,
      definitions,
      cases,
      clock,
      ids,
      afterCommit: deps.afterCommit,
    }),
    clock,
    ids,
    async close() {
      await relay.stop();
      await queues.close();
      if (!options.database) await database.close();
    },
  };
}
