// `pnpm start`: Tongban in embedded mode (PGlite under ./data, local workers) with demo data.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../runtime/bin/tongban.mjs', import.meta.url));
const child = spawn(process.execPath, [cli, 'start', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
