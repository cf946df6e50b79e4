import { openPostgresDatabase } from '../../db/index.js';
import {
  crashBullmqQueue,
  crashDatabaseQueue,
  crashHandlers,
  databaseEventLog,
  redisEventLog,
  type CrashEventLog,
} from './crash-setup.js';
import type { JobQueue } from '../job.types.js';

/**
 * Child process of `worker-crash.test.ts`: a real worker whose `system.echo` handler records that
 * it started and then hangs until the test SIGKILLs this process.
 *   CRASH_BACKEND=database DATABASE_URL=…            or
 *   CRASH_BACKEND=bullmq REDIS_URL=… CRASH_QUEUE_NAME=… CRASH_EVENTS_KEY=…
 */
const backend = process.env.CRASH_BACKEND;
let queue: JobQueue;
let log: CrashEventLog;
if (backend === 'database') {
  const database = openPostgresDatabase(process.env.DATABASE_URL ?? '', 2);
  queue = crashDatabaseQueue(database);
  log = databaseEventLog(database);
} else if (backend === 'bullmq') {
  const redisUrl = process.env.REDIS_URL ?? '';
  queue = crashBullmqQueue(redisUrl, process.env.CRASH_QUEUE_NAME ?? '');
  log = redisEventLog(redisUrl, process.env.CRASH_EVENTS_KEY ?? '');
} else {
  throw new Error(`CRASH_BACKEND must be database or bullmq, not ${backend}`);
}
queue.startWorker(crashHandlers(log, 'hang'));
process.stdout.write(`crash worker ${process.pid} started (${backend})\n`);
