#!/usr/bin/env node
// Runs the CLI from TypeScript source (workspace packages resolve their `tongban-source` condition).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = fileURLToPath(new URL('../src/cli/tongban.ts', import.meta.url));
const tsx = require.resolve('tsx');
const child = spawn(
  process.execPath,
  ['--conditions=tongban-source', '--import', tsx, cli, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
