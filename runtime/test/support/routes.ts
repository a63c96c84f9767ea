import type { FastifyInstance } from 'fastify';

/** The routes as `printRoutes` draws them: one line per node, indented by depth, with its methods. */
export function registeredRoutes(tree: string): string[] {
  const found: string[] = [];
  const prefixes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] as string).length / 4;
    const path = (prefixes[depth - 1] ?? '') + (match[2] as string);
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (match[3] ?? '').split(', ')) {
      // HEAD mirrors every GET (fastify's exposeHeadRoutes): the GET row covers it
      if (method !== '' && method !== 'HEAD') found.push(`${method} ${path}`);
    }
  }
  return found;
}

/** The routes the app answers under /api, as `METHOD /api/path/:param`. */
export function apiRoutes(app: FastifyInstance): string[] {
  return registeredRoutes(app.printRoutes({ commonPrefix: false })).filter((route) =>
    route.split(' ')[1]?.startsWith('/api'),
  );
}
