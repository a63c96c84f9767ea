/**
 * JSON Forms names a field by a dotted data path (`children.0.name`); the server and the engine by a
 * JSON pointer (`/children/0/name`). These convert between the two.
 */
export function pointerToPath(pointer: string): string {
  if (pointer === '' || pointer === '/') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
}

export function pathToPointer(path: string): string {
  if (path === '') return '';
  return path
    .split('.')
    .map((segment) => `/${segment.replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

/** Whether the field at `path` is `prefix` itself or inside it ('' is the whole form). */
export function isWithin(path: string, prefix: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(`${prefix}.`);
}

/** The value at a dotted path, or undefined where the data has nothing there. */
export function valueAt(data: unknown, path: string): unknown {
  if (path === '') return data;
  let value = data;
  for (const segment of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
