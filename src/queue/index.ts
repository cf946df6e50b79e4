import type { AppConfig } from '../config/index.js';
import type { Queryable } from '../db/index.js';
import { BullmqJobQueue } from './bullmq.queue.js';
import { DatabaseJobQueue } from './database.queue.js';
import type { JobQueue } from './job.types.js';
import type { QueueLogger } from './queue.shared.js';

export * from './job.types.js';
export { BullmqJobQueue, type BullmqJobQueueOptions } from './bullmq.queue.js';
export { DatabaseJobQueue, type DatabaseJobQueueOptions } from './database.queue.js';
export type { QueueLogger } from './queue.shared.js';

/**
 * The configured queue: BullMQ when REDIS_URL is set, otherwise the queue in the service's own
 * database. `workers.leaseSeconds` is the crash-recovery time of both: the database lease, and
 * BullMQ's lock duration and stalled-check interval.
 */
export function createJobQueue(
  config: Pick<AppConfig, 'queue' | 'workers'>,
  database: Queryable,
  logger?: QueueLogger,
): JobQueue {
  const { concurrency, leaseSeconds, maxAttempts } = config.workers;
  if (config.queue.kind === 'bullmq') {
    return new BullmqJobQueue({
      redisUrl: config.queue.redisUrl,
      maxAttempts,
      lockDurationMs: leaseSeconds * 1000,
      defaultConcurrency: concurrency,
      ...(logger ? { logger } : {}),
    });
  }
  return new DatabaseJobQueue(database, {
    leaseSeconds,
    maxAttempts,
    defaultConcurrency: concurrency,
    ...(logger ? { logger } : {}),
  });
}
