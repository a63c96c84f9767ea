import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { definitionsDir } from '../../src/seed/seed.js';
import { cliPid, freePort, memoryMb, Processes, sleep, type ManagedProcess } from '../support/processes.js';

/**
 * `tongban start` as a user runs it: the embedded mode (PGlite under TONGBAN_DATA_DIR, local workers),
 * which imports the definitions library on its first start and again only when the library changed,
 * and which sits idle under 300 MB of resident memory (it held 616 MB).
 */

const idleCeilingMb = 300;

describe('tongban start', () => {
  const processes = new Processes();
  const dir = mkdtempSync(join(tmpdir(), 'tb-start-'));
  const library = join(dir, 'library');
  cpSync(definitionsDir, library, { recursive: true });
  let server: ManagedProcess | undefined;

  afterAll(async () => {
    await processes.stopAll();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the server, waits until it serves, then until its memory settles; gives its output and idle RSS. */
  async function start(): Promise<{ output: string; idleMb: number }> {
    const port = await freePort();
    server = processes.tongban('tongban start', ['start'], {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      REDIS_URL: '',
      TONGBAN_DATA_DIR: join(dir, 'data'),
      TONGBAN_DEFINITIONS_DIR: library,
    });
    await server.waitForOutput(/is running/, 180_000);
    const pid = cliPid(server);
    // idle: no request; the figure is taken once it stopped moving (the workers' first rounds are done)
    let previous = memoryMb(pid);
    for (let round = 0; round < 40; round++) {
      await sleep(1000);
      const now = memoryMb(pid);
      if (round >= 5 && Math.abs(now - previous) < 2) break;
      previous = now;
    }
    const idleMb = memoryMb(pid);
    // stopped before anything is asserted: the next start needs the data folder to itself
    await server.kill('SIGTERM', 30_000);
    return { output: server.output(), idleMb };
  }

  it(`should import the library on its first start and sit idle under ${idleCeilingMb} MB`, async () => {
    const { output, idleMb } = await start();
    console.log(`tongban start, first start: idle RSS ${idleMb.toFixed(0)} MB`);
    expect(output).toMatch(/definitions library .*: published \d+, unchanged 0/);
    expect(idleMb).toBeLessThan(idleCeilingMb);
  }, 300_000);

  it(`should not import an unchanged library again, and sit idle under ${idleCeilingMb} MB`, async () => {
    const { output, idleMb } = await start();
    console.log(`tongban start, restart: idle RSS ${idleMb.toFixed(0)} MB`);
    expect(output).toMatch(/definitions library .*: unchanged since its import at .*, not imported again/);
    expect(output).not.toMatch(/published \d+/);
    expect(idleMb).toBeLessThan(idleCeilingMb);
  }, 300_000);

  it('should import the library again once it changed', async () => {
    // given a new version of one form in the library
    const file = join(library, 'forms', 'review-opinion.json');
    const form = JSON.parse(readFileSync(file, 'utf8')) as { version: number };
    writeFileSync(file, `${JSON.stringify({ ...form, version: form.version + 1 }, null, 2)}\n`);

    // when the server starts again, then it publishes that version and leaves the rest alone
    const { output } = await start();
    expect(output).toMatch(/definitions library .*: published 1, unchanged \d+/);
  }, 300_000);
});
