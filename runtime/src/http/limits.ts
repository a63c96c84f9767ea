import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { RuntimeConfig } from '../config/config.js';
import { ApiError } from '../errors/api-error.js';

/** Checks one limit for a request; over it, answers 429 TB_RATE_LIMITED with Retry-After. */
export type LimitCheck = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * The counters behind every abuse limit (@fastify/rate-limit). Embedded: in this process's memory.
 * Scaled (`REDIS_URL` set): in Redis under `<prefix>:limits:`, so every API node counts the same
 * attempts. If Redis cannot be reached the request goes through rather than the API going down.
 */
export async function installLimits(app: FastifyInstance, config: RuntimeConfig): Promise<void> {
  if (!config.redisUrl) {
    await app.register(rateLimit, { global: false, skipOnError: true });
    return;
  }
  // ioredis loads only when there is a Redis to talk to
  const { Redis } = await import('ioredis');
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', (error: Error) => app.log.warn({ err: error }, 'rate-limit store unreachable'));
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  await app.register(rateLimit, {
    global: false,
    skipOnError: true,
    redis,
    nameSpace: `${config.redisPrefix}:limits:`,
  });
}

/**
 * A limit of `max` requests a minute per key, checked where the route calls it (after the body is
 * parsed if the key needs the body). Limits are named, so two of them never share a counter.
 */
export function perMinute(
  app: FastifyInstance,
  name: string,
  max: number,
  key: (request: FastifyRequest) => string,
): LimitCheck {
  const check = app.createRateLimit({
    max,
    timeWindow: 60_000,
    keyGenerator: (request) => `${name}:${key(request)}`,
  });
  return async (request, reply) => {
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    const seconds = Math.max(1, result.ttlInSeconds);
    reply.header('retry-after', String(seconds));
    request.log.info({ limit: name, key: result.key }, 'rate limited');
    throw new ApiError('TB_RATE_LIMITED', { seconds: String(seconds) });
  };
}

/** The client's address as limits count it: an IPv6 client by its /64, as one household or phone has. */
export const addressOf = (request: FastifyRequest): string => rateLimit.normalizeIP(request.ip, 64);
