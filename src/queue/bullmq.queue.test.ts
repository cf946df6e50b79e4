import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Redis } from 'ioredis';
import { BullmqJobQueue, fromBullmqId, toBullmqId } from './bullmq.queue.js';
import { waitFor } from './testing/recording-handlers.js';

/** BullMQ specifics the contract suite cannot express. */
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

test('job ids survive the escaping BullMQ needs (no ":", not an integer)', () => {
  for (const id of ['document:1:2', '42', '%3A', '%N7', 'a%b:c', '0', 'plain-uuid']) {
    const escaped = toBullmqId(id);
    assert.ok(!escaped.includes(':'), escaped);
    assert.ok(!/^\d+$/.test(escaped), escaped);
    assert.equal(fromBullmqId(escaped), id);
  }
});

test('a worker that loses its lock aborts the handler', async () => {
  const queueName = `lock-${process.pid}-${Date.now()}`;
  const queue = new BullmqJobQueue({ redisUrl, queueName, prefix: 'tro-ly-so-test', lockDurationMs: 600, stalledIntervalMs: 60_000 });
  const redis = new Redis(redisUrl);
  let aborted = false;
  const worker = queue.startWorker({
    'document.process': async () => ({ status: 'skipped', reason: 'unused' }),
    'dossier.precheck': async () => ({ status: 'skipped', reason: 'unused' }),
    'system.echo': (_data, context) =>
      new Promise((_, reject) =>
        context.signal.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('aborted'));
        }),
      ),
  });
  try {
    const { id } = await queue.enqueue('system.echo', { key: 'lock' }, { jobId: 'lock:1' });
    await waitFor(async () => (await queue.getJob(id))?.status === 'active', 'the job to start');
    // What another worker's stalled check does to a job whose lock ran out.
    await redis.del(`tro-ly-so-test:${queueName}:${toBullmqId(id)}:lock`);
    await waitFor(() => aborted, 'the handler to be aborted', 3000);
  } finally {
    await worker.stop(1000);
    await queue.obliterate();
    await queue.close();
    await redis.quit();
  }
});

test('ping fails fast when Redis cannot be reached', async () => {
  const queue = new BullmqJobQueue({ redisUrl: 'redis://127.0.0.1:1', queueName: 'unreachable' });
  const startedAt = Date.now();
  await assert.rejects(queue.ping());
  assert.ok(Date.now() - startedAt < 3000);
  await assert.rejects(queue.enqueue('system.echo', { key: 'unreachable' }));
  await queue.close();
});
