import { BullmqJobQueue } from './bullmq.queue.js';
import { DatabaseJobQueue } from './database.queue.js';
import { runQueueContract } from './queue.contract.js';
import { openTestPglite, openTestPostgresWire } from '../testing/databases.js';

/** The Redis of the development and CI machines (see the engineering guide, section 5). */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// Small delays keep the suite fast; the timing assertions are relative to them.
const backoffMs = 150;

for (const openDatabase of [openTestPglite, openTestPostgresWire]) {
  runQueueContract(`database queue on ${openDatabase === openTestPglite ? 'pglite' : 'postgres-wire'}`, async () => {
    const testDatabase = await openDatabase();
    const queue = new DatabaseJobQueue(testDatabase.database, { backoffMs, leaseSeconds: 5, pollIntervalMs: 100 });
    return {
      queue,
      backoffMs,
      close: async () => {
        await queue.close();
        await testDatabase.close();
      },
    };
  });
}

runQueueContract('bullmq on redis', async () => {
  // A queue of its own per run, removed afterwards, so runs never see each other's jobs.
  const queue = new BullmqJobQueue({
    redisUrl: testRedisUrl,
    queueName: `contract-${process.pid}-${Date.now()}`,
    prefix: 'tro-ly-so-test',
    backoffMs,
    lockDurationMs: 5000,
  });
  return {
    queue,
    backoffMs,
    close: async () => {
      await queue.obliterate();
      await queue.close();
    },
  };
});
