/** The data paths (`person.idNumber`) of the fields a form marks `x-sensitive`, at any depth. */
export function sensitivePaths(schema: unknown, at = ''): string[] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as { 'x-sensitive'?: unknown; properties?: Record<string, unknown> };
  const found = node['x-sensitive'] === true && at !== '' ? [at] : [];
  for (const [name, child] of Object.entries(node.properties ?? {}))
    found.push(...sensitivePaths(child, at === '' ? name : `${at}.${name}`));
  return found;
}
