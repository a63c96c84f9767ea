import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * JSON bodies as Fastify reads them (prototype poisoning refused), except that an empty body is no
 * body: a client that always sends `Content-Type: application/json` may POST to a route that takes none
 * (publish, retire). A route that needs a body still refuses a missing one through its schema.
 * `keepText` receives the text of every body read, as sent (the definitions routes store it).
 */
export function installJsonBodies(
  app: FastifyInstance,
  keepText?: (request: FastifyRequest, text: string) => void,
): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  const options = { parseAs: 'string', bodyLimit: app.initialConfig.bodyLimit } as const;
  app.addContentTypeParser<string>('application/json', options, (request, text, done) => {
    if (text === '') {
      done(null, undefined);
      return;
    }
    keepText?.(request, text);
    parse(request, text, done);
  });
}
