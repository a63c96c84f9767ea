/** Types of compress-web.mjs for the TypeScript callers (the runtime's tests). */
export interface CompressTotals {
  files: number;
  bytes: number;
  brotli: number;
  gzip: number;
}
export function compressDir(dir: string): Promise<CompressTotals>;
