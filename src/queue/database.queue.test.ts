import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DatabaseJobQueue } from './database.queue.js';
import { JobRepository } from './job.repository.js';
import type { JobHandlers } from './job.types.js';
import { waitFor } from './testing/recording-handlers.js';
import { testDatabaseFactories, type TestDatabase } from '../testing/databases.js';

/** Lease behaviour specific to the database queue (the contract suite covers the rest). */

/** Handlers whose echo run waits until its signal is aborted, then reports that it was. */
function hangingHandlers(aborted: Set<string>): JobHandlers {
  return {
    'document.process': async () => ({ status: 'skipped', reason: 'unused' }),
    'dossier.precheck': async () => ({ status: 'skipped', reason: 'unused' }),
    'system.echo': (data, context) =>
      new Promise((_, reject) => {
        context.signal.addEventListener('abort', () => {
          aborted.add(data.key);
          reject(new Error('aborted'));
        });
      }),
  };
}

for (const open of testDatabaseFactories) {
  describe(`database queue leases (${open.name})`, () => {
    let db: TestDatabase;
    let repository: JobRepository;
    before(async () => {
      db = await open();
      repository = new JobRepository(db.database);
    });
    after(async () => db.close());

    const lockedBy = async (id: string) =>
      (await db.database.query<{ locked_by: string | null }>('SELECT locked_by FROM jobs WHERE id = $1', [id]))[0]?.locked_by;

    test('a run whose lease was taken over cannot complete the job', async () => {
      const queue = new DatabaseJobQueue(db.database);
      const { id } = await queue.enqueue('system.echo', { key: 'takeover' });
      const first = await repository.claim(['system.echo'], 'worker-a', 60);
      assert.equal(first?.id, id);
      // Nothing else is due: the live lease keeps the job from a second claim.
      assert.equal(await repository.claim(['system.echo'], 'worker-b', 60), undefined);
      await db.database.query("UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1", [id]);
      const second = await repository.claim(['system.echo'], 'worker-b', 60);
      assert.equal(second?.attempts, 2);
      assert.equal(await repository.renewLease(id, 'worker-a', 60), false);
      assert.equal(await repository.complete(id, 'worker-a', { by: 'a' }), false);
      assert.equal(await repository.complete(id, 'worker-b', { by: 'b' }), true);
      assert.equal(await repository.complete(id, 'worker-b', { by: 'b again' }), false);
      const job = await queue.getJob(id);
      assert.equal(job?.status, 'completed');
      assert.deepEqual(job?.result, { by: 'b' });
    });

    test('losing the lease aborts the handler and its outcome is discarded', async () => {
      const queue = new DatabaseJobQueue(db.database, { leaseSeconds: 1, pollIntervalMs: 50 });
      const aborted = new Set<string>();
      const { id } = await queue.enqueue('system.echo', { key: 'lost' });
      const worker = queue.startWorker(hangingHandlers(aborted));
      try {
        await waitFor(async () => (await queue.getJob(id))?.status === 'active', 'the job to start');
        // another worker takes the job over with a lease of its own
        await db.database.query("UPDATE jobs SET locked_by = 'intruder', locked_until = now() + interval '1 hour' WHERE id = $1", [id]);
        await waitFor(() => aborted.has('lost'), 'the handler to be aborted', 3000);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const job = await queue.getJob(id);
        assert.equal(job?.status, 'active', 'the aborted run must not write its failure over the new owner');
        assert.equal(job?.lastError, undefined);
        assert.equal(await lockedBy(id), 'intruder');
      } finally {
        await worker.stop(1000);
        // the intruder never finishes: settle the job so later tests do not meet it
        await db.database.query("UPDATE jobs SET status = 'failed', locked_by = NULL, locked_until = NULL WHERE id = $1", [id]);
      }
    });

    test('a job whose worker died during its last attempt fails without running again', async () => {
      const queue = new DatabaseJobQueue(db.database, { pollIntervalMs: 50 });
      const { id } = await queue.enqueue('system.echo', { key: 'last' }, { maxAttempts: 1 });
      assert.ok(await repository.claim(['system.echo'], 'dead-worker', 60));
      await db.database.query("UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1", [id]);
      const aborted = new Set<string>();
      let ran = false;
      const handlers = hangingHandlers(aborted);
      const worker = queue.startWorker({ ...handlers, 'system.echo': async () => ((ran = true), { status: 'success' }) });
      try {
        const job = await waitFor(async () => {
          const state = await queue.getJob(id);
          return state?.status === 'failed' ? state : undefined;
        }, 'the job to fail');
        assert.equal(ran, false);
        assert.equal(job.attempts, 1);
        assert.match(job.lastError ?? '', /lần thử cuối/);
      } finally {
        await worker.stop();
      }
    });

    test('stop() with a timeout aborts a hanging job and hands it back at once', async () => {
      const queue = new DatabaseJobQueue(db.database, { pollIntervalMs: 50 });
      const aborted = new Set<string>();
      const { id } = await queue.enqueue('system.echo', { key: 'hanging' });
      const worker = queue.startWorker(hangingHandlers(aborted));
      await waitFor(async () => (await queue.getJob(id))?.status === 'active', 'the job to start');
      const startedAt = Date.now();
      await worker.stop(300);
      assert.ok(Date.now() - startedAt < 2000);
      assert.ok(aborted.has('hanging'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const job = await queue.getJob(id);
      assert.equal(job?.status, 'queued');
      assert.equal(job?.lastError, undefined, 'the aborted run must not record a failure');
      assert.equal(await lockedBy(id), null);
      // Another worker finishes it without waiting for a lease to expire.
      const next = queue.startWorker({ ...hangingHandlers(aborted), 'system.echo': async () => ({ status: 'success' }) });
      try {
        await waitFor(async () => (await queue.getJob(id))?.status === 'completed', 'the released job to complete', 3000);
        assert.equal((await queue.getJob(id))?.attempts, 2);
      } finally {
        await next.stop();
      }
    });
  });
}
