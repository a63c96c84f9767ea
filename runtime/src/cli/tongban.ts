import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/config.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { describeBreak } from '../audit/audit-verify.js';
import { migrationsKnown, openDatabase } from '../db/database.js';
import { demoAccounts, demoPassword, seedDemo } from '../seed/seed.js';
import { describeSeed, exportDefinitions, importDefinitions } from './definitions-commands.js';
import { startWorkers, type WorkerOptions } from '../workers/workers.js';
import { pino } from 'pino';

const usage = `tongban <command>

  start                      embedded mode: API and local workers in one process, demo data on first start
  serve                      API node (scaled mode: set DATABASE_URL, and REDIS_URL for queues)
  worker [--departments a,b] [--queues timers,notifications,system]
                             a worker process: outbox relay, timers, dispatch (scaled mode: any number)
  migrate                    run database migrations, naming each one applied
  seed                       import the definitions library and create the demo accounts
  definitions import <dir>   validate every definition in <dir>, report every problem with its file,
                             publish the new versions if there is none
  definitions export <dir> [--all-versions]
                             write the published catalog to <dir> as definitions/ is laid out, each
                             file as it was written: <kind>s/<key>.json the version in force, and with
                             --all-versions each older published version as <kind>s/<key>@<version>.json
  audit verify [--case id] [--head position:link]
                             seal the audit ledger, then check every case's keyed chain against it, the
                             ledger's own chain, deleted cases and orphaned events; exits 1 naming each
                             broken case (--case: that case only; --head: a head it printed before,
                             which the ledger must still hold)

Exit codes: 0 done, 1 problems found (nothing imported, chains broken), 2 not understood (an unknown
command or option, a malformed or unknown case id).

Environment: PORT (3000), HOST (127.0.0.1), TONGBAN_DATA_DIR (./data), DATABASE_URL, REDIS_URL, LOG_LEVEL (info),
TONGBAN_AUDIT_KEY or TONGBAN_AUDIT_KEY_FILE (the audit key; required in the scaled mode),
TONGBAN_DEFINITIONS_DIR (the library start and seed import; definitions/); see the README`;

/** A command line the CLI does not understand: said with the usage, exit code 2. */
class UsageError extends Error {}

/** What PostgreSQL's uuid type reads: anything else is no case id. */
const caseIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`tongban: ${error.message}\n\n${usage}`);
    return 2;
  }
}

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        case: { type: 'string' },
        head: { type: 'string' },
        departments: { type: 'string' },
        queues: { type: 'string' },
        'all-versions': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { positionals, values } = parsed;
  const [command, sub, arg] = positionals;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (command === undefined) throw new UsageError('which command?');
  const config = loadConfig();
  switch (command) {
    case 'start':
      return serve(config, true);
    case 'serve':
      return serve(config, false);
    case 'worker':
      return work(config, {
        ...(values.departments ? { departments: values.departments.split(',') } : {}),
        ...(values.queues ? { queues: values.queues.split(',') } : {}),
      });
    case 'migrate':
      return migrate(config);
    case 'seed':
      return withRuntime(config, async (runtime) => {
        const result = await seedDemo(runtime);
        console.log(describeSeed(result));
        console.log(`created ${result.accounts.length} demo accounts`);
      });
    case 'definitions': {
      if (sub !== 'import' && sub !== 'export')
        throw new UsageError(
          sub === undefined ? 'definitions import or export?' : `unknown command "definitions ${sub}"`,
        );
      if (arg === undefined) throw new UsageError(`definitions ${sub} needs a folder`);
      const dir = resolve(arg);
      return withRuntime(config, async (runtime) => {
        process.exitCode =
          sub === 'import'
            ? await importDefinitions(runtime, dir)
            : await exportDefinitions(runtime, dir, values['all-versions'] === true);
      });
    }
    case 'audit': {
      if (sub !== 'verify')
        throw new UsageError(sub === undefined ? 'audit verify?' : `unknown command "audit ${sub}"`);
      const caseId = values.case;
      if (caseId !== undefined && !caseIdPattern.test(caseId))
        throw new UsageError(
          `not a case id: "${caseId}" (a case id is a UUID, e.g. 3f2b8c1e-9a4d-4e7f-b1c2-0d9e8f7a6b5c)`,
        );
      const head = knownHead(values.head);
      return withRuntime(config, async (runtime) => {
        // what is committed by now is sealed first, so nothing is left in the unsealed window
        await runtime.audit.seal(Number.MAX_SAFE_INTEGER);
        const report = await runtime.audit.verify(caseId, head);
        if (caseId !== undefined && report.cases === 0 && report.breaks.length === 0) {
          // no case row, no audit event and no ledger entry has it: there is nothing to check
          console.error(`no such case: ${caseId} (no case, audit event or ledger entry has this id)`);
          process.exitCode = 2;
          return;
        }
        for (const broken of report.breaks) console.error(describeBreak(broken));
        console.log(
          `checked ${report.events} events in ${report.cases} cases: ${report.breaks.length === 0 ? 'all chains intact' : `${report.breaks.length} broken`}`,
        );
        if (values.case === undefined)
          console.log(
            report.ledger.head === null
              ? 'ledger: nothing sealed yet'
              : `ledger: ${report.ledger.sealed} entries sealed, head ${report.ledger.head.position}:${report.ledger.head.link} (keep it elsewhere: a ledger cut short below it shows)`,
          );
        if (report.breaks.length > 0) process.exitCode = 1;
      });
    }
  }
  throw new UsageError(`unknown command "${command}"`);
}

/** `tongban migrate`: runs the migrations the database has not run, and names them. */
async function migrate(config: ReturnType<typeof loadConfig>): Promise<number> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    sharedBuffersMb: config.pgliteSharedBuffersMb,
  });
  try {
    const applied = await database.migrate();
    const known = migrationsKnown();
    if (applied.length === 0)
      console.log(
        `migrations are up to date (${known.length} applied, the last ${known[known.length - 1]?.tag ?? 'none'})`,
      );
    else {
      console.log(`applied ${applied.length} migrations to the ${database.kind} database:`);
      for (const tag of applied) console.log(`  ${tag}`);
    }
  } finally {
    await database.close();
  }
  return 0;
}

/** `--head 1234:ab12...`, as `audit verify` prints it. */
function knownHead(text: string | undefined): { position: number; link: string } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) throw new UsageError(`--head must be position:link as audit verify prints it, got "${text}"`);
  return { position: Number(match[1]), link: match[2] as string };
}

async function withRuntime(
  config: ReturnType<typeof loadConfig>,
  work: (runtime: Runtime) => Promise<void>,
): Promise<number> {
  const runtime = await createRuntime(config);
  try {
    await work(runtime);
  } finally {
    await runtime.close();
  }
  return Number(process.exitCode ?? 0);
}

async function work(config: ReturnType<typeof loadConfig>, options: WorkerOptions): Promise<number> {
  // A worker's live heap is small (a few batches of cases) but it allocates fast, and V8 then lets the
  // heap grow to four times what is live before collecting: a worker would sit at 250 MB holding 30 MB.
  // Collecting sooner costs little CPU here; V8 reads this setting at every collection.
  setFlagsFromString(`--heap-growing-percent=${config.workerHeapGrowthPercent}`);
  const runtime = await createRuntime(config);
  const workers = await startWorkers(runtime, { ...options, log: logTo(config) });
  const shutdown = async () => {
    await workers.stop();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  console.log(
    `Tongban worker running (${runtime.queues.kind} driver, ${runtime.database.kind}) pid ${process.pid}`,
  );
  return new Promise<number>(() => undefined);
}

/** Runs this CLI again in a child process with `args`, as this one was run (Node's options too). */
async function runSelf(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1] as string, ...args], {
    stdio: 'inherit',
  });
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    child.once('exit', (exitCode) => done(exitCode));
  });
  if (code !== 0) throw new Error(`tongban ${args.join(' ')} ended with exit code ${code}`);
}

function logTo(config: ReturnType<typeof loadConfig>) {
  const logger = pino({ level: config.logLevel });
  return (message: string, error?: unknown) => logger.error({ err: error }, message);
}

async function serve(config: ReturnType<typeof loadConfig>, embedded: boolean): Promise<number> {
  // A new PGlite database is created (initdb), migrated and given the library in a process of its own:
  // what that allocates (twice PGlite's memory at once, the whole library validated) would otherwise
  // stay with the server for good, as neither WebAssembly nor the C allocator give memory back.
  const prepared =
    embedded && config.databaseUrl === undefined && !existsSync(join(config.dataDir, 'PG_VERSION'));
  if (prepared) await runSelf(['seed']);
  const runtime = await createRuntime(config);
  // the library is imported again only when its files changed since it was last imported
  const seeded = embedded ? await seedDemo(runtime, undefined, { ifChanged: true }) : undefined;
  if (seeded && !prepared) console.log(describeSeed(seeded));
  // loaded here, not at the top: a worker process never pays for the HTTP stack
  const { buildApp } = await import('../http/app.js');
  const app = await buildApp(runtime);
  // embedded: every worker in this process; an API node only relays its own outbox rows at once
  const workers = embedded ? await startWorkers(runtime, { log: logTo(config) }) : null;
  // an API node relays its own rows at once when the queues are shared (Redis); without Redis the
  // workers, which run the local driver's queues, relay them from the table
  if (!embedded && runtime.queues.kind === 'bullmq') runtime.relay.start();
  const shutdown = async () => {
    await workers?.stop();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host}:${config.port}`;
  console.log('');
  console.log(
    `Tongban 通办 is running (${embedded ? 'embedded' : 'scaled'} mode, ${runtime.database.kind}${runtime.database.kind === 'pglite' ? ` at ${config.dataDir}` : ''})`,
  );
  console.log(`  Portal:    ${url}/portal/     (residents)`);
  console.log(`  Workbench: ${url}/workbench/  (department staff)`);
  console.log(`  Designer:  ${url}/designer/   (administrators)`);
  console.log(`  API:       ${url}/api`);
  console.log(`  API docs:  ${url}/api/docs`);
  if (seeded) {
    console.log(`  Demo accounts (password ${demoPassword}):`);
    for (const account of demoAccounts)
      console.log(`    ${account.username.padEnd(11)} ${account.displayName}`);
    console.log(
      `  Sign in: curl -c cookies.txt -H 'content-type: application/json' -d '{"username":"resident","password":"${demoPassword}"}' ${url}/api/auth/login`,
    );
  }
  return new Promise<number>(() => undefined);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0 || process.exitCode) process.exit(code || Number(process.exitCode));
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
