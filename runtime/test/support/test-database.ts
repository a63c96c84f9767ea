import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';

export type TestDriver = 'pglite' | 'postgres';

/** Which database this vitest project runs against (the runtime suite runs once per driver). */
export function testDriver(): TestDriver {
  const driver = process.env.TONGBAN_TEST_DB;
  if (driver !== 'pglite' && driver !== 'postgres')
    throw new Error(`TONGBAN_TEST_DB must be pglite or postgres, got ${String(driver)}`);
  return driver;
}

/** The server the PostgreSQL project creates its databases on: DATABASE_URL, else the local test database. */
export const adminUrl = () => process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';

/**
 * A database of its own for one test file: an in-memory PGlite, or a new PostgreSQL database (dropped
 * at the end), so parallel files and parallel runs never see each other's rows.
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  if (testDriver() === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await handle.migrate();
    return handle;
  }
  const name = `tb_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      const dropper = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
