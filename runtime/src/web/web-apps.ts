import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { webAppNames, type WebAppName } from '../config/config.js';
import { sendRouteNotFound } from '../http/error-handler.js';
import { installWebAppSecurityHeaders } from '../http/security-headers.js';
import { notBuiltPage } from './not-built-page.js';

/** Vite names what it emits under assets/ by content hash: a new build is a new address. */
const hashedAssetCaching = 'public, max-age=31536000, immutable';
/** index.html names the hashed assets of the build in force: asked again every time (answered by ETag). */
const pageCaching = 'no-cache';

export interface WebAppsOptions {
  /** The folder each app was built into (its index.html and assets/). */
  dirs: Record<WebAppName, string>;
}

/**
 * The built web apps on the API's origin (docs/decisions/0020-one-origin.md): /portal/, /workbench/ and
 * /designer/, each its dist folder with brotli or gzip files written beside the assets at build time,
 * the app's index.html for every deep link, and the apps' security headers. `/` leads to the portal.
 */
export async function webApps(app: FastifyInstance, { dirs }: WebAppsOptions): Promise<void> {
  installWebAppSecurityHeaders(app);
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/portal/'));
  // browsers ask the origin for an icon whatever the page says: no icon yet, and no 404 in their console
  app.get('/favicon.ico', { schema: { hide: true } }, (_request, reply) =>
    reply.status(204).header('cache-control', 'public, max-age=86400').send(),
  );
  for (const name of webAppNames)
    await app.register(oneWebApp, { prefix: `/${name}`, name, root: dirs[name] });
}

async function oneWebApp(app: FastifyInstance, { name, root }: { name: WebAppName; root: string }) {
  await app.register(fastifyStatic, {
    root,
    // the folder may be built after the server started: looked up at each request, never globbed once
    wildcard: true,
    preCompressed: true,
    index: ['index.html'],
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', isHashedAsset(root, path) ? hashedAssetCaching : pageCaching);
    },
    // a server started before the apps were built says so at /<app>/ instead of warning here
    suppressWarning: true,
  });
  app.get('', { schema: { hide: true } }, (_request, reply) => reply.redirect(`/${name}/`));
  app.setNotFoundHandler((request, reply) => deepLinkOrNotFound(request, reply, name, root));
}

/**
 * An address the app's files do not have: a page of the app (its router reads the address) gets
 * index.html; a file (a name with an extension, anything under assets/) is a 404, so a stale page
 * asking for a script of an older build is told so instead of being handed HTML.
 */
function deepLinkOrNotFound(request: FastifyRequest, reply: FastifyReply, name: WebAppName, root: string) {
  if (!existsSync(join(root, 'index.html')))
    return reply
      .status(503)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(notBuiltPage(name, root));
  const path = (request.url.split('?')[0] ?? '').slice(name.length + 2);
  const isFile = path.startsWith('assets/') || /\.[A-Za-z0-9]+$/.test(path);
  if ((request.method !== 'GET' && request.method !== 'HEAD') || isFile)
    return sendRouteNotFound(request, reply);
  return reply.sendFile('index.html');
}

function isHashedAsset(root: string, path: string): boolean {
  return relative(root, path).startsWith(`assets${sep}`);
}
