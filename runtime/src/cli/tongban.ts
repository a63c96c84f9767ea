import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { resolve } from 'node:path';
import { loadConfig } from '../config/config.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { describeBreak } from '../audit/audit-verify.js';
import { loadDefinitionFiles } from '../definitions/load-directory.js';
import { demoAccounts, demoPassword, seedDemo } from '../seed/seed.js';
import { startWorkers, type WorkerOptions } from '../workers/workers.js';
import { pino } from 'pino';

const usage = `tongban <command>

  start                      embedded mode: API and local workers in one process, demo data on first start
  serve                      API node (scaled mode: set DATABASE_URL, and REDIS_URL for queues)
  worker [--departments a,b] [--queues timers,notifications,system]
                             a worker process: outbox relay, timers, dispatch (scaled mode: any number)
  migrate                    run database migrations
  seed                       import the definitions library and create the demo accounts
  definitions import <dir>   validate every definition in <dir>, report every problem, publish
  audit verify [--case id] [--head position:link]
                             seal the audit ledger, then check every case's keyed chain against it, the
                             ledger's own chain, deleted cases and orphaned events; exits 1 naming each
                             broken case (--case: that case only; --head: a head it printed before,
                             which the ledger must still hold)

Environment: PORT (3000), HOST (127.0.0.1), TONGBAN_DATA_DIR (./data), DATABASE_URL, REDIS_URL, LOG_LEVEL (info),
TONGBAN_AUDIT_KEY or TONGBAN_AUDIT_KEY_FILE (the audit key; required in the scaled mode); see the README`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      case: { type: 'string' },
      head: { type: 'string' },
      departments: { type: 'string' },
      queues: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || command === undefined) {
    console.log(usage);
    return command === undefined && !values.help ? 1 : 0;
  }
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
      return withRuntime(config, async () => {
        console.log('migrations are up to date');
      });
    case 'seed':
      return withRuntime(config, async (runtime) => {
        const result = await seedDemo(runtime);
        console.log(
          `published ${result.published.length} definitions, created ${result.accounts.length} accounts`,
        );
      });
    case 'definitions':
      if (sub !== 'import' || arg === undefined) break;
      return withRuntime(config, async (runtime) => {
        const files = await loadDefinitionFiles(resolve(arg));
        const result = await runtime.definitions.importAll(
          files.map((file) => file.body),
          null,
        );
        for (const entry of result.problems) {
          for (const problem of entry.problems)
            console.error(
              `${entry.key} ${problem.path || '/'}: ${problem.message['zh-CN']} / ${problem.message.en}`,
            );
        }
        if (result.problems.length > 0) {
          console.error(
            `nothing imported: ${result.problems.reduce((n, entry) => n + entry.problems.length, 0)} problem(s) in ${result.problems.length} definition(s)`,
          );
          process.exitCode = 1;
          return;
        }
        console.log(`published ${result.published.length}, unchanged ${result.unchanged.length}`);
      });
    case 'audit':
      if (sub !== 'verify') break;
      return withRuntime(config, async (runtime) => {
        // what is committed by now is sealed first, so nothing is left in the unsealed window
        await runtime.audit.seal(Number.MAX_SAFE_INTEGER);
        const report = await runtime.audit.verify(values.case, knownHead(values.head));
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
  console.error(usage);
  return 1;
}

/** `--head 1234:ab12...`, as `audit verify` prints it. */
function knownHead(text: string | undefined): { position: number; link: string } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) throw new Error(`--head must be position:link as audit verify prints it, got "${text}"`);
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

function logTo(config: ReturnType<typeof loadConfig>) {
  const logger = pino({ level: config.logLevel });
  return (message: string, error?: unknown) => logger.error({ err: error }, message);
}

async function serve(config: ReturnType<typeof loadConfig>, embedded: boolean): Promise<number> {
  const runtime = await createRuntime(config);
  const seeded = embedded ? await seedDemo(runtime) : undefined;
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
  console.log(`  API:      ${url}/api`);
  console.log(`  API docs: ${url}/api/docs`);
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
