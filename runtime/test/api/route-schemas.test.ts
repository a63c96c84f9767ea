import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { apiRoutes } from '../support/routes.js';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: object }> } | undefined>;
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

let h: Harness;
let document: OpenApi;

beforeAll(async () => {
  h = await createHarness();
  document = await h.json<OpenApi>(null, 'GET', '/api/openapi.json');
});
afterAll(async () => h.close());

/** Every operation of the document, as `METHOD /path`, with its declared answers. */
function operations(): Array<{ name: string; operation: Operation }> {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${path}`,
      operation,
    })),
  );
}

/** A success answer declares what it holds; 204 (no content) holds nothing to declare. */
function declaresSuccess(operation: Operation): boolean {
  const successes = Object.entries(operation.responses ?? {}).filter(([status]) => /^2/.test(status));
  return (
    successes.length > 0 &&
    successes.every(
      ([status, response]) =>
        status === '204' ||
        Object.values(response?.content ?? {}).some((media) => media.schema !== undefined),
    )
  );
}

describe('the OpenAPI document a typed client is generated from', () => {
  it('should declare a response schema for the success of every /api route', () => {
    const missing = operations()
      .filter(({ operation }) => !declaresSuccess(operation))
      .map(({ name }) => name);
    expect(missing, 'routes without a response schema for their success').toEqual([]);
  });

  it('should declare the one error shape for the 4xx and 5xx answers of every /api route', () => {
    const missing = operations()
      .filter(({ operation }) => !['4XX', '5XX'].every((status) => operation.responses?.[status]?.content))
      .map(({ name }) => name);
    expect(missing, 'routes without the error shape').toEqual([]);
  });

  it('should document every /api route the server answers', () => {
    // the routes fastify knows, against those the document lists (only the document itself and the
    // documentation pages at /api/docs are not in it)
    const documented = new Set(
      operations().map(({ name }) => name.replace(/\{([^}]+)\}/g, ':$1').replace(/^HEAD /, 'GET ')),
    );
    const known = apiRoutes(h.app);
    expect(known.length).toBeGreaterThan(40);
    const undocumented = known.filter(
      (name) =>
        !documented.has(name) && name !== 'GET /api/openapi.json' && !name.startsWith('GET /api/docs'),
    );
    expect(undocumented, 'routes missing from /api/openapi.json').toEqual([]);
  });
});
