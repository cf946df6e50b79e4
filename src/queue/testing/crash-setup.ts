import { Redis } from 'ioredis';
import type { Queryable } from '../../db/index.js';
import { BullmqJobQueue } from '../bullmq.queue.js';
import { DatabaseJobQueue } from '../database.queue.js';
import type { JobHandlers } from '../job.types.js';

/**
 * Shared by the crash test and the child worker it kills (`crash-worker.ts`): the same short
 * leases on both sides, and an event log outside both processes that survives the SIGKILL.
 */
export interface CrashEvent {
  key: string;
  event: 'started' | 'completed';
  attempt: number;
  pid: number;
}

export interface CrashEventLog {
  record(event: CrashEvent): Promise<void>;
  read(): Promise<CrashEvent[]>;
  close(): Promise<void>;
}

/** Lease / lock length: short, so recovery after the kill takes seconds. */
export const crashLeaseMs = 1000;

export const crashEventsTableSql = `CREATE TABLE IF NOT EXISTS queue_crash_events (
  id bigserial PRIMARY KEY, job_key text NOT NULL, event text NOT NULL, attempt integer NOT NULL, pid integer NOT NULL)`;

export function databaseEventLog(database: Queryable): CrashEventLog {
  return {
    record: async (event) => {
      await database.query('INSERT INTO queue_crash_events (job_key, event, attempt, pid) VALUES ($1, $2, $3, $4)', [
        event.key,
        event.event,
        event.attempt,
        event.pid,
      ]);
    },
    read: () =>
      database.query<CrashEvent>('SELECT job_key AS key, event, attempt, pid FROM queue_crash_events ORDER BY id'),
    close: async () => undefined,
  };
}

export function redisEventLog(redisUrl: string, listKey: string): CrashEventLog {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  return {
    record: async (event) => {
      await redis.rpush(listKey, JSON.stringify(event));
    },
    read: async () => (await redis.lrange(listKey, 0, -1)).map((entry) => JSON.parse(entry) as CrashEvent),
    close: async () => {
      await redis.del(listKey);
      await redis.quit();
    },
  };
}

export function crashDatabaseQueue(database: Queryable): DatabaseJobQueue {
  return new DatabaseJobQueue(database, { leaseSeconds: crashLeaseMs / 1000, pollIntervalMs: 100, backoffMs: 100 });
}

export function crashBullmqQueue(redisUrl: string, queueName: string): BullmqJobQueue {
  return new BullmqJobQueue({
    redisUrl,
    queueName,
    prefix: 'tro-ly-so-test',
    backoffMs: 100,
    lockDurationMs: crashLeaseMs,
    stalledIntervalMs: crashLeaseMs / 2,
  });
}

/**
 * `hang`: record the start, then never finish (the process is killed meanwhile).
 * `complete`: record the start, do the job's one side effect (the `completed` event), succeed.
 */
export function crashHandlers(log: CrashEventLog, mode: 'hang' | 'complete'): JobHandlers {
  return {
    'document.process': async () => ({ status: 'skipped', reason: 'unused in the crash test' }),
    'dossier.precheck': async () => ({ status: 'skipped', reason: 'unused in the crash test' }),
    'system.echo': async (data, context) => {
      await log.record({ key: data.key, event: 'started', attempt: context.attempt, pid: process.pid });
      if (mode === 'hang') await new Promise(() => undefined);
      await log.record({ key: data.key, event: 'completed', attempt: context.attempt, pid: process.pid });
      return { status: 'success' };
    },
  };
}
