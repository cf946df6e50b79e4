import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { Redis } from 'ioredis';
import { AppError } from '../../errors/index.js';
import { sendProblem } from './problem.middleware.js';

export interface RateLimitOptions {
  windowSeconds: number;
  publicPerWindow: number;
  authenticatedPerWindow: number;
  /**
   * Requests from the loopback address skip the limits. Behind a reverse proxy on the same host
   * the proxy must send X-Forwarded-For (TRUST_PROXY covers loopback by default), otherwise every
   * caller would look local.
   */
  exemptLoopback?: boolean;
  /** With several API processes the counters must be shared: Redis. */
  redisUrl?: string;
}

export interface RateLimiter {
  middleware: RequestHandler;
  close(): Promise<void>;
}

/**
 * Per-client rate limits: a signed-in caller is counted by its subject, anyone else by IP
 * address (IPv6 by /56 subnet). Over the limit → 429 problem+json with Retry-After.
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  let redis: Redis | undefined;
  let store: Store | undefined;
  if (options.redisUrl) {
    redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
    store = new RedisStore({
      prefix: 'tls:rate:',
      sendCommand: (command: string, ...args: string[]) => redis!.call(command, ...args) as Promise<RedisReply>,
    });
  }
  const middleware = rateLimit({
    windowMs: options.windowSeconds * 1000,
    limit: (request) => (request.principal ? options.authenticatedPerWindow : options.publicPerWindow),
    keyGenerator: (request) => (request.principal ? `sub:${request.principal.subject}` : `ip:${ipKeyGenerator(request.ip ?? 'unknown')}`),
    skip: (request) => options.exemptLoopback === true && isLoopback(request.ip),
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    ...(store ? { store } : {}),
    // a rate-limit store outage must not take the API down
    passOnStoreError: true,
    handler: (request, response) => {
      const resetTime = (request as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfter = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + options.windowSeconds * 1000) - Date.now()) / 1000));
      sendProblem(
        response,
        new AppError({
          status: 429,
          code: 'rate-limited',
          detail: `Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${retryAfter} giây.`,
          headers: { 'Retry-After': String(retryAfter) },
        }),
        request.originalUrl.split('?')[0],
        request.requestId,
      );
    },
  });
  return { middleware, close: async () => void (await redis?.quit().catch(() => undefined)) };
}

function isLoopback(ip: string | undefined): boolean {
  if (!ip) return false;
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}
