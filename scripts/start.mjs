// `pnpm start`: Tongban in embedded mode (PGlite under ./data, local workers) with demo data, and the
// web apps (built first when missing or older than their sources; docs/decisions/0020-one-origin.md).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildWebApps } from './web-build.mjs';

// a failed build does not stop the API: the runtime serves the previous build or says how to build
await buildWebApps();
const cli = fileURLToPath(new URL('../runtime/bin/tongban.mjs', import.meta.url));
const child = spawn(process.execPath, [cli, 'start', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
