// `pnpm start`: install-free entry that starts Tongban in embedded mode once the runtime exists.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const runtimeEntry = fileURLToPath(new URL('../runtime/bin/tongban.mjs', import.meta.url));
if (!existsSync(runtimeEntry)) {
  console.log('Tongban: the runtime is not built yet (it arrives with the runtime issue).');
  console.log('The engine is ready: run `pnpm test` to exercise it, `pnpm bench` to measure it.');
  process.exit(0);
}
await import('../runtime/bin/tongban.mjs');
