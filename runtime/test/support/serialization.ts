import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Watches what the response schemas do to every answer: a field a route returns that its schema does
 * not declare is dropped silently by fastify's serializer, which would break a caller without a word.
 * Each answer is compared, as JSON, before and after serialization; what differs is listed (method,
 * route, status and the JSON pointers lost or changed), for the harness to fail the test file with.
 */
export function watchSerialization(app: FastifyInstance): string[] {
  const losses: string[] = [];
  const before = new WeakMap<FastifyRequest, unknown>();
  app.addHook('preSerialization', async (request, _reply, payload) => {
    before.set(request, JSON.parse(JSON.stringify(payload ?? null)) as unknown);
    return payload;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!before.has(request) || typeof payload !== 'string') return payload;
    const expected = before.get(request);
    let sent: unknown;
    try {
      sent = JSON.parse(payload);
    } catch {
      sent = payload;
    }
    const lost = differences(expected, sent, '');
    if (lost.length > 0)
      losses.push(
        `${request.method} ${request.routeOptions.url ?? request.url} ${reply.statusCode}: ${lost.slice(0, 10).join(', ')}`,
      );
    return payload;
  });
  return losses;
}

/** The pointers at which `sent` is not `expected`. */
function differences(expected: unknown, sent: unknown, at: string): string[] {
  if (expected === sent) return [];
  if (Array.isArray(expected) && Array.isArray(sent)) {
    if (expected.length !== sent.length) return [`${at} (length)`];
    return expected.flatMap((item, index) => differences(item, sent[index], `${at}/${index}`));
  }
  if (isObject(expected) && isObject(sent))
    return Object.keys(expected).flatMap((key) =>
      key in sent ? differences(expected[key], sent[key], `${at}/${key}`) : [`${at}/${key} (dropped)`],
    );
  return [
    `${at || '/'} (${JSON.stringify(expected)?.slice(0, 40)} sent as ${JSON.stringify(sent)?.slice(0, 40)})`,
  ];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
