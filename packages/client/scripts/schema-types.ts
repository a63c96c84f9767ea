import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { buildApp, createRuntime, loadConfig, openDatabase } from '@tongban/runtime';

/** Where the generated types are committed. */
export const schemaTypesPath = fileURLToPath(new URL('../src/schema.d.ts', import.meta.url));

/** How to bring schema.d.ts up to date, for messages that find it stale. */
export const regenerateCommand = 'pnpm --filter @tongban/client generate';

const banner = `/**
 * Generated from the runtime's OpenAPI document by packages/client/scripts/generate.ts: do not edit.
 * Regenerate with \`${regenerateCommand}\` after changing a route's schema.
 */

`;

/**
 * The OpenAPI document of the runtime's HTTP API as it is built now: the fastify app in-process on an
 * in-memory PGlite database (nothing listens, nothing is written to disk).
 */
export async function openApiDocument(): Promise<OpenAPI3> {
  const database = await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: '',
    REDIS_URL: '',
    // a key of the moment: the document does not depend on it and no audit entry is written
    TONGBAN_AUDIT_KEY: randomBytes(32).toString('hex'),
  });
  const runtime = await createRuntime(config, { database, migrate: false });
  const app = await buildApp(runtime, { logger: false });
  try {
    await app.ready();
    return app.swagger() as OpenAPI3;
  } finally {
    await app.close();
    await runtime.close();
    await database.close();
  }
}

/** The text of schema.d.ts for a document: openapi-typescript's types, formatted as the repository is. */
export async function schemaTypes(document: OpenAPI3): Promise<string> {
  const text = banner + astToString(await openapiTS(document));
  const options = (await resolveConfig(schemaTypesPath)) ?? {};
  return format(text, { ...options, filepath: schemaTypesPath });
}
