#!/usr/bin/env node
// Runs the CLI from TypeScript source (workspace packages resolve their `tongban-source` condition).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = fileURLToPath(new URL('../src/cli/tongban.ts', import.meta.url));
const tsx = require.resolve('tsx');
const args = process.argv.slice(2);
// The embedded server (`start`) sits mostly idle on a small machine: its young generation is kept
// small (V8 lets it grow to 16 MB a semi-space and keeps it), and the C allocator gives freed memory
// back to the system at once (glibc keeps up to 64 MB otherwise). Settings in the environment win.
// See "Memory of the embedded server" in runtime/README.md.
const embedded = args[0] === 'start';
const env = { ...process.env };
const options = [];
if (embedded) {
  env.MALLOC_TRIM_THRESHOLD_ ??= String(128 * 1024);
  if (!/--max-semi-space-size/.test(env.NODE_OPTIONS ?? '')) options.push('--max-semi-space-size=2');
}
const child = spawn(
  process.execPath,
  [...options, '--conditions=tongban-source', '--import', tsx, cli, ...args],
  { stdio: 'inherit', env },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
