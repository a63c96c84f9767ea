import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { webApps, type WebApp } from './paths.js';

/**
 * A stand-in for the runtime's own serving of the built apps (runtime/src/web, issue 13 part 5), used by
 * the harness only while the runtime does not serve them: packages/*\/dist under /portal, /workbench and
 * /designer with the app's index.html for deep links, and /api passed on to the runtime, on one origin.
 */
export interface StaticApps {
  url: string;
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export async function startStaticApps(apiUrl: string): Promise<StaticApps> {
  const api = new URL(apiUrl);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === '/api' || path.startsWith('/api/')) return passOn(request, response, api);
    const [, app, ...rest] = path.split('/');
    if (app === undefined || !(app in webApps)) {
      response.writeHead(302, { location: '/designer/gallery' }).end();
      return;
    }
    serveFile(response, app as WebApp, rest.join('/'));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

function serveFile(response: ServerResponse, app: WebApp, relative: string) {
  const dist = join(webApps[app], 'dist');
  const wanted = normalize(join(dist, relative));
  const inside = wanted.startsWith(dist + sep);
  // a file that exists, else the app's index.html (its router reads the path)
  const file = inside && existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(dist, 'index.html');
  if (!existsSync(file)) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end(`${app} is not built`);
    return;
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}

function passOn(request: IncomingMessage, response: ServerResponse, api: URL) {
  const upstream = httpRequest(
    {
      host: api.hostname,
      port: api.port,
      method: request.method,
      path: request.url,
      headers: { ...request.headers, host: api.host },
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', (error) => response.writeHead(502).end(error.message));
  request.pipe(upstream);
}
