// `pnpm --filter @tongban/client generate`: writes src/schema.d.ts from the runtime's OpenAPI document.
import { readFile, writeFile } from 'node:fs/promises';
import { openApiDocument, schemaTypes, schemaTypesPath } from './schema-types.js';

const text = await schemaTypes(await openApiDocument());
const before = await readFile(schemaTypesPath, 'utf8').catch(() => '');
await writeFile(schemaTypesPath, text);
const paths = text.match(/^ {2}'\/api\/[^']*': \{$/gm)?.length ?? 0;
console.log(`${schemaTypesPath}: ${before === text ? 'unchanged' : 'written'} (${paths} paths)`);
