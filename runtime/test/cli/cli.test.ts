import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { canonicalJson } from '../../src/audit/canonical-json.js';
import { auditEvents, cases, definitions } from '../../src/db/schema.js';
import { createRuntime } from '../../src/runtime.js';
import { definitionsDir, seedDemo } from '../../src/seed/seed.js';
import { adminUrl, testDriver } from '../support/test-database.js';
import postgres from 'postgres';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../../bin/tongban.mjs', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tongban-cli-'));
const dbName = `tb_cli_${Date.now().toString(36)}_${process.pid}`;
let env: NodeJS.ProcessEnv;
let caseId: string;
/** Cases of their own for the tamperings that rewrite, delete or orphan a whole chain. */
let forgedId: string;
let deletedId: string;
let orphanedId: string;

/** The CLI runs in its own process, so the database must outlive this one: a PGlite folder or a real database. */
async function open(): Promise<DatabaseHandle> {
  return testDriver() === 'pglite'
    ? openDatabase({ dataDir: join(work, 'data') })
    : openDatabase({ databaseUrl: env.DATABASE_URL });
}

async function tongban(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

beforeAll(async () => {
  // no Redis: the commands under test are the embedded mode's, and CI's Redis is shared
  env = {
    ...process.env,
    LOG_LEVEL: 'warn',
    TONGBAN_DATA_DIR: join(work, 'data'),
    DATABASE_URL: '',
    REDIS_URL: '',
    // the key the chains are written with: the database never holds it
    TONGBAN_AUDIT_KEY: randomBytes(32).toString('hex'),
  };
  if (testDriver() === 'postgres') {
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database "${dbName}"`);
    await admin.end();
    const url = new URL(adminUrl());
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  }
  // a little history: the demo library, and one case that moved a step
  const database = await open();
  const runtime = await createRuntime(loadConfig(env), { database });
  await seedDemo(runtime);
  const resident = await runtime.auth.actorOf(
    (await runtime.auth.login('resident', 'Tongban2026!')).actor.userId,
  );
  const staff = (await runtime.auth.login('minzheng', 'Tongban2026!')).actor;
  const startAndAccept = async () => {
    const row = await runtime.cases.start(resident, {
      matter: 'd1.subsistence-allowance',
      data: { applicantName: '张三', idNumber: '11010519491231002X', phone: '13800000000' },
    });
    const taskId = Object.keys(row.snapshot.tasks)[0] as string;
    await runtime.tasks.complete(staff, taskId, { outcome: 'accept' });
    return row.id;
  };
  caseId = await startAndAccept();
  forgedId = await startAndAccept();
  deletedId = await startAndAccept();
  orphanedId = await startAndAccept();
  await runtime.close();
  await database.close();
});

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (testDriver() === 'postgres') {
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.unsafe(`drop database if exists "${dbName}_empty" with (force)`);
    await admin.end();
  }
});

async function tamper(change: (database: DatabaseHandle) => Promise<void>): Promise<void> {
  const database = await open();
  await change(database);
  await database.close();
}

describe('tongban audit verify', () => {
  it('should report intact chains on an untouched database', async () => {
    const result = await tongban('audit', 'verify');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/checked \d+ events in 4 cases: all chains intact/);
  });

  it('should say there is no such case for a case id nothing holds, and fail', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const result = await tongban('audit', 'verify', '--case', unknown);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`no such case: ${unknown}`);
    expect(result.stdout).not.toContain('all chains intact');
  });

  it('should say a malformed case id is not a case id, without a database error', async () => {
    const result = await tongban('audit', 'verify', '--case', 'nope');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('not a case id: "nope"');
    expect(result.stderr).not.toMatch(/invalid input syntax|Failed query/i);
  });

  it('should find an audit row whose content was altered, naming the case and the event', async () => {
    await tamper((database) =>
      database.db
        .update(auditEvents)
        .set({ data: { forged: true } })
        .where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.seq, 2)))
        .then(() => undefined),
    );
    const result = await tongban('audit', 'verify');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`case ${caseId}: event 2 its content was altered after it was written`);
  });

  it('should find an audit row that was removed from the middle of a chain', async () => {
    await tamper(async (database) => {
      await database.db
        .delete(auditEvents)
        .where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.seq, 2)));
    });
    const result = await tongban('audit', 'verify', '--case', caseId);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`case ${caseId}: event 2 is missing (the next event found is 3)`);
  });

  it('should find the newest rows cut off the end of a chain', async () => {
    await tamper(async (database) => {
      // repair the middle first, so only the truncation is left to find
      await database.db.execute(sql`delete from audit_events where case_id = ${caseId} and seq >= 2`);
    });
    const result = await tongban('audit', 'verify');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the chain ends at 1 but the case records \d+ events/);
  });
});

/**
 * What someone with the database and this code, but not the key, can do to a case's history: leave
 * events out and hash the chain again, from the first event, with the project's own hashing.
 */
async function rehashWithout(database: DatabaseHandle, id: string, dropped: number[]): Promise<void> {
  const rows = await database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.caseId, id))
    .orderBy(asc(auditEvents.seq));
  let prevHash = 'genesis';
  const kept = rows
    .filter((row) => !dropped.includes(row.seq))
    .map((row, index) => {
      const seq = index + 1;
      const hash = createHash('sha256')
        .update(
          canonicalJson([
            id,
            seq,
            row.at.toISOString(),
            row.actorId,
            row.action,
            row.before ?? null,
            row.after ?? null,
            row.data,
            prevHash,
          ]),
        )
        .digest('hex');
      const rewritten = { ...row, seq, prevHash, hash };
      prevHash = hash;
      return rewritten;
    });
  await database.db.delete(auditEvents).where(eq(auditEvents.caseId, id));
  await database.db.insert(auditEvents).values(kept.map(({ id: _id, ...row }) => row));
  await database.db.update(cases).set({ auditSeq: kept.length, auditHead: prevHash }).where(eq(cases.id, id));
}

/** Deletes a case row and what hangs off it; its audit events too if `events`. */
async function deleteCase(database: DatabaseHandle, id: string, events: boolean): Promise<void> {
  const tables = [
    'notifications',
    'timers',
    'supervision_orders',
    'comments',
    'attachments',
    'ratings',
    'tasks',
  ];
  for (const table of [...tables, ...(events ? ['audit_events'] : [])])
    await database.db.execute(sql`delete from ${sql.identifier(table)} where case_id = ${id}`);
  await database.db.delete(cases).where(eq(cases.id, id));
}

describe('tongban audit verify against someone with the database but not the key', () => {
  it('should find a chain hashed again without some of its events, naming the case', async () => {
    await tamper((database) => rehashWithout(database, forgedId, [2]));
    const result = await tongban('audit', 'verify', '--case', forgedId);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`case ${forgedId}: `));
  });

  it('should find a case deleted together with its events, naming the case', async () => {
    await tamper((database) => deleteCase(database, deletedId, true));
    const result = await tongban('audit', 'verify', '--case', deletedId);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`case ${deletedId}: `));
  });

  it('should find events whose case row was deleted, naming the case', async () => {
    await tamper((database) => deleteCase(database, orphanedId, false));
    const result = await tongban('audit', 'verify', '--case', orphanedId);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`case ${orphanedId}: `));
  });

  it('should name every tampered case when checking them all', async () => {
    const result = await tongban('audit', 'verify');
    expect(result.code).toBe(1);
    for (const id of [caseId, forgedId, deletedId, orphanedId])
      expect(result.stderr).toMatch(new RegExp(`case ${id}: `));
  });
});

/** Every file of a folder tree, by its path inside the folder. */
function filesUnder(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(relative(dir, path), readFileSync(path));
  }
  return found;
}

describe('tongban definitions export', () => {
  it('should write every file of definitions/ back byte for byte, in the same layout', async () => {
    // given a database the library was imported into (beforeAll)
    const out = join(work, 'exported');

    // when the catalog is exported
    const result = await tongban('definitions', 'export', out);

    // then the folder holds exactly the library's files, each identical to the one imported
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const library = filesUnder(definitionsDir);
    library.delete('package.json');
    const exported = filesUnder(out);
    expect([...exported.keys()].sort()).toEqual([...library.keys()].sort());
    for (const [path, bytes] of library) expect(exported.get(path)?.equals(bytes), path).toBe(true);
    expect(result.stdout).toContain(`exported ${library.size} definitions`);
  });
});

describe('tongban definitions import', () => {
  it('should name every file that is not readable JSON, and import nothing', async () => {
    // given a library with two files that are not JSON and one that is not a definition's text
    const broken = join(work, 'unreadable');
    cpSync(definitionsDir, broken, { recursive: true });
    writeFileSync(join(broken, 'forms', 'review-opinion.json'), '{ "kind": "form", ');
    writeFileSync(join(broken, 'matters', 'd1.noise.json'), 'not json at all');
    const workflowFile = join(broken, 'workflows', 'standard-approval.json');
    const workflow = JSON.parse(readFileSync(workflowFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(workflowFile, JSON.stringify({ ...workflow, version: 2, machine: 'broken' }));

    // when it is imported
    const result = await tongban('definitions', 'import', broken);

    // then every problem is reported, each with its file, and nothing is imported
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(broken, 'forms', 'review-opinion.json')}: not valid JSON`);
    expect(result.stderr).toContain(`${join(broken, 'matters', 'd1.noise.json')}: not valid JSON`);
    expect(result.stderr).toContain(`${workflowFile}: workflow:standard-approval@2 /machine`);
    expect(result.stderr).toMatch(/nothing imported/);
  });

  it('should name the file of a version that is already published with other content', async () => {
    // given a library in which one published version was changed without a new version number
    const changed = join(work, 'changed');
    cpSync(definitionsDir, changed, { recursive: true });
    const formFile = join(changed, 'forms', 'grid-report.json');
    const form = JSON.parse(readFileSync(formFile, 'utf8')) as {
      version: number;
      title: Record<string, string>;
    };
    writeFileSync(formFile, JSON.stringify({ ...form, title: { ...form.title, en: 'Changed' } }, null, 2));

    // when it is imported
    const result = await tongban('definitions', 'import', changed);

    // then the conflict names the file and what to do
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${formFile}: form:grid-report@${form.version}`);
    expect(result.stderr).toContain(`Version ${form.version} of form "grid-report" already exists`);
    expect(result.stderr).toMatch(/nothing imported/);
  });

  it('should report every problem of a broken library and import nothing', async () => {
    const broken = join(work, 'broken');
    cpSync(definitionsDir, broken, { recursive: true });
    const workflowFile = join(broken, 'workflows', 'standard-approval.json');
    const workflow = JSON.parse(readFileSync(workflowFile, 'utf8')) as {
      version: number;
      machine: { states: Record<string, { on?: Record<string, unknown> }> };
    };
    workflow.version = 2;
    (workflow.machine.states.accept as { on: Record<string, unknown> }).on.accept = 'nowhere';
    writeFileSync(workflowFile, JSON.stringify(workflow));
    const matterFile = join(broken, 'matters', 'd1.fire-lane.json');
    const matter = JSON.parse(readFileSync(matterFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(matterFile, JSON.stringify({ ...matter, version: 2, lead: 'd9.nobody' }));

    const result = await tongban('definitions', 'import', broken);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('workflow:standard-approval@2 /machine/states/accept/on/accept/target');
    expect(result.stderr).toContain(
      'matter:d1.fire-lane@2 /lead: 找不到部门“d9.nobody” / No department named "d9.nobody" exists',
    );
    expect(result.stderr).toMatch(/nothing imported: \d+ problem\(s\) in 2 definition\(s\)/);
    const database = await open();
    const [latest] = await database.db
      .select({ version: definitions.version })
      .from(definitions)
      .where(eq(definitions.key, 'standard-approval'))
      .orderBy(desc(definitions.version));
    await database.close();
    expect(latest?.version).toBe(1);
  });

  it('should publish new versions and leave unchanged ones alone', async () => {
    const next = join(work, 'next');
    cpSync(definitionsDir, next, { recursive: true });
    const formFile = join(next, 'forms', 'review-opinion.json');
    const form = JSON.parse(readFileSync(formFile, 'utf8')) as { version: number };
    writeFileSync(formFile, JSON.stringify({ ...form, version: 2 }));
    const result = await tongban('definitions', 'import', next);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/published 1, unchanged \d+/);
  });

  it('should export the version in force as <key>.json, and older ones as <key>@<version>.json when asked', async () => {
    // given review-opinion at versions 1 and 2 (the test above)
    const latest = join(work, 'latest');
    const all = join(work, 'all-versions');

    // when the catalog is exported, with and without the older versions
    expect((await tongban('definitions', 'export', latest)).code).toBe(0);
    expect((await tongban('definitions', 'export', all, '--all-versions')).code).toBe(0);

    // then <key>.json is the version in force, and version 1 is kept beside it as written
    const inForce = JSON.parse(readFileSync(join(latest, 'forms', 'review-opinion.json'), 'utf8'));
    expect(inForce.version).toBe(2);
    expect(filesUnder(latest).has(join('forms', 'review-opinion@1.json'))).toBe(false);
    expect(readFileSync(join(all, 'forms', 'review-opinion@1.json'), 'utf8')).toBe(
      readFileSync(join(definitionsDir, 'forms', 'review-opinion.json'), 'utf8'),
    );
  });
});

describe('tongban as a user meets it', () => {
  it('should say which command it does not know', async () => {
    const result = await tongban('frobnicate');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain('tongban <command>');
  });

  it('should say what migrate applied to an empty database, and that a second run had nothing to do', async () => {
    // given an empty database
    const empty: NodeJS.ProcessEnv = { ...env, TONGBAN_DATA_DIR: join(work, 'empty') };
    if (testDriver() === 'postgres') {
      const admin = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
      await admin.unsafe(`create database "${dbName}_empty"`);
      await admin.end();
      const url = new URL(adminUrl());
      url.pathname = `/${dbName}_empty`;
      empty.DATABASE_URL = url.toString();
    }
    const journal = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../drizzle/meta/_journal.json', import.meta.url)), 'utf8'),
    ) as { entries: Array<{ tag: string }> };

    // when it is migrated, twice
    const first = await run(process.execPath, [cli, 'migrate'], { env: empty, timeout: 60_000 });
    const second = await run(process.execPath, [cli, 'migrate'], { env: empty, timeout: 60_000 });

    // then the first run names every migration it applied, the second says there was none
    expect(first.stdout).toContain(`applied ${journal.entries.length} migrations`);
    for (const entry of journal.entries) expect(first.stdout).toContain(entry.tag);
    expect(first.stdout).not.toContain('up to date');
    expect(second.stdout).toMatch(/migrations are up to date \(\d+ applied, the last [0-9a-z_]+\)/);
  });
});
