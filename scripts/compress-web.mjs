// Writes <file>.br and <file>.gz beside each text file of a built web app, once at build time, so the
// runtime serves them as they are (@fastify/static's preCompressed) instead of compressing per request.
// Usage: node scripts/compress-web.mjs <dist folder>...
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const compressible = /\.(?:js|mjs|css|html|svg|json|txt|xml|wasm|ico)$/;
/** Below this a compressed file saves less than its extra round of headers costs. */
const smallest = 1024;

/** Compresses every compressible file under `dir`; returns how many bytes there were and are. */
export async function compressDir(dir) {
  const totals = { files: 0, bytes: 0, brotli: 0, gzip: 0 };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !compressible.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    // a build running beside this one (another terminal, a test's set-up) may have replaced the file
    const bytes = await readFile(path).catch((error) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (bytes === null || bytes.length < smallest) continue;
    const brotli = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    const gzip = gzipSync(bytes, { level: 9 });
    if (brotli.length < bytes.length) await writeFile(`${path}.br`, brotli);
    if (gzip.length < bytes.length) await writeFile(`${path}.gz`, gzip);
    totals.files += 1;
    totals.bytes += bytes.length;
    totals.brotli += Math.min(brotli.length, bytes.length);
    totals.gzip += Math.min(gzip.length, bytes.length);
  }
  return totals;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const dir of process.argv.slice(2)) {
    const { files, bytes, brotli, gzip } = await compressDir(dir);
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`${dir}: ${files} files, ${kb(bytes)} -> brotli ${kb(brotli)}, gzip ${kb(gzip)}`);
  }
}
