import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobQueue, JobState, JobStatus, WorkerHandle } from './job.types.js';
import { JobRecorder, waitFor } from './testing/recording-handlers.js';

/**
 * One behaviour, every backend (Hono's `common.case.test.ts` pattern): each implementation of
 * `JobQueue` runs this same suite against a real database or a real Redis.
 */
export interface QueueUnderTest {
  queue: JobQueue;
  /** The first retry delay the queue was built with (so timing assertions can use it). */
  backoffMs: number;
  close(): Promise<void>;
}

let sequence = 0;
/** Unique per run and test: backends may share state (Redis) between runs. */
const uniqueKey = (label: string) => `${label}-${process.pid}-${Date.now().toString(36)}-${++sequence}`;

export function runQueueContract(name: string, open: () => Promise<QueueUnderTest>): void {
  describe(`job queue contract (${name})`, () => {
    let subject: QueueUnderTest;
    let queue: JobQueue;
    const recorder = new JobRecorder();

    before(async () => {
      subject = await open();
      queue = subject.queue;
    });
    after(async () => subject.close());

    /** Runs `body` with a started worker that is always stopped afterwards. */
    async function withWorker<T>(concurrency: number, body: (worker: WorkerHandle) => Promise<T>): Promise<T> {
      const worker = queue.startWorker(recorder.handlers(), { concurrency });
      try {
        return await body(worker);
      } finally {
        await worker.stop(5000);
      }
    }

    const settled = (id: string, statuses: JobStatus[] = ['completed', 'failed']) =>
      waitFor(async () => {
        const job = await queue.getJob(id);
        return job && statuses.includes(job.status) ? job : undefined;
      }, `job ${id} to reach ${statuses.join('/')}`);

    test('ping succeeds and an unknown job is undefined', async () => {
      await queue.ping();
      assert.equal(await queue.getJob(uniqueKey('missing')), undefined);
    });

    test('an enqueued job runs once and completes with its result', async () => {
      const key = uniqueKey('simple');
      const { id } = await queue.enqueue('system.echo', { key });
      assert.equal((await queue.getJob(id))?.status, 'queued');
      const job = await withWorker(1, () => settled(id));
      assert.deepEqual(job, {
        id,
        name: 'system.echo',
        status: 'completed',
        attempts: 1,
        progress: 1,
        result: { key, attempt: 1 },
      } satisfies JobState);
      assert.equal(recorder.runs(key), 1);
    });

    test('a skipped outcome counts as completed and keeps its reason', async () => {
      const key = uniqueKey('skip');
      const { id } = await queue.enqueue('system.echo', { key });
      const job = await withWorker(1, () => settled(id));
      assert.equal(job.status, 'completed');
      assert.deepEqual(job.result, { skipped: true, reason: 'nothing to do' });
    });

    test('enqueueing an existing jobId returns the existing job and runs it once', async () => {
      const key = uniqueKey('dedupe');
      const jobId = `document:${key}`; // ':' must survive every backend's id rules
      const first = await queue.enqueue('system.echo', { key }, { jobId });
      const second = await queue.enqueue('system.echo', { key: `${key}-other` }, { jobId });
      assert.equal(first.id, jobId);
      assert.equal(second.id, jobId);
      await withWorker(1, () => settled(jobId));
      // Enqueueing a finished id is a no-op too: it does not run again.
      await queue.enqueue('system.echo', { key }, { jobId });
      await sleep(300);
      assert.equal(recorder.runs(key), 1);
      assert.equal(recorder.runs(`${key}-other`), 0);
      assert.equal((await queue.getJob(jobId))?.status, 'completed');
    });

    test('a numeric jobId is a valid id', async () => {
      const jobId = String(Date.now() * 1000 + ++sequence);
      await queue.enqueue('system.echo', { key: uniqueKey('numeric') }, { jobId });
      assert.equal((await withWorker(1, () => settled(jobId))).id, jobId);
    });

    test('progress reported by a running job is visible through getJob', async () => {
      const key = uniqueKey('progress');
      const release = recorder.hold(key);
      const { id } = await queue.enqueue('system.echo', { key });
      await withWorker(1, async () => {
        const running = await waitFor(async () => {
          const job = await queue.getJob(id);
          return job?.status === 'active' && job.progress === 0.5 ? job : undefined;
        }, 'progress 0.5');
        assert.equal(running.attempts, 1);
        release();
        assert.equal((await settled(id)).progress, 1);
      });
    });

    test('a thrown error is retried with growing delays and succeeds on a later attempt', async () => {
      const key = uniqueKey('retry');
      const { id } = await queue.enqueue('system.echo', { key, failTimes: 2 }, { maxAttempts: 5 });
      const job = await withWorker(1, () => settled(id));
      assert.equal(job.status, 'completed');
      assert.equal(job.attempts, 3);
      assert.match(job.lastError ?? '', /planned failure 2/);
      assert.deepEqual(job.result, { key, attempt: 3 });
      const starts = recorder.starts.get(key) ?? [];
      assert.deepEqual(starts.map((start) => start.attempt), [1, 2, 3]);
      // Exponential backoff: the second wait is about twice the first (10% slack for timers).
      const [a, b, c] = starts.map((start) => start.at) as [number, number, number];
      assert.ok(b - a >= subject.backoffMs * 0.9, `first retry after ${b - a} ms`);
      assert.ok(c - b >= subject.backoffMs * 2 * 0.9, `second retry after ${c - b} ms`);
    });

    test('a PermanentJobError fails the job at once, without retry', async () => {
      const key = uniqueKey('permanent');
      const { id } = await queue.enqueue('system.echo', { key }, { maxAttempts: 5 });
      const job = await withWorker(1, () => settled(id));
      assert.equal(job.status, 'failed');
      assert.equal(job.attempts, 1);
      assert.match(job.lastError ?? '', /permanent failure/);
      await sleep(subject.backoffMs * 3);
      assert.equal(recorder.runs(key), 1);
    });

    test('a job that keeps failing ends failed after maxAttempts with the last error', async () => {
      const key = uniqueKey('exhausted');
      const { id } = await queue.enqueue('system.echo', { key, failTimes: 100 }, { maxAttempts: 2 });
      const job = await withWorker(1, () => settled(id, ['failed']));
      assert.equal(job.attempts, 2);
      assert.match(job.lastError ?? '', /planned failure 2/);
      await sleep(subject.backoffMs * 3);
      assert.equal(recorder.runs(key), 2);
    });

    test('a delayed job does not run before its delay', async () => {
      const key = uniqueKey('delayed');
      const enqueuedAt = Date.now();
      const { id } = await queue.enqueue('system.echo', { key }, { delayMs: 1200 });
      await withWorker(1, async () => {
        await sleep(600);
        assert.equal(recorder.runs(key), 0);
        assert.equal((await queue.getJob(id))?.status, 'queued');
        await settled(id);
      });
      const startedAt = recorder.starts.get(key)?.[0]?.at ?? 0;
      assert.ok(startedAt - enqueuedAt >= 1100, `ran ${startedAt - enqueuedAt} ms after enqueue`);
    });

    test('a worker runs up to its concurrency at once, and no more', async () => {
      const keys = [1, 2, 3, 4, 5].map((index) => uniqueKey(`concurrency-${index}`));
      recorder.resetConcurrency();
      const ids = await Promise.all(keys.map(async (key) => (await queue.enqueue('system.echo', { key, sleepMs: 400 })).id));
      await withWorker(2, async () => {
        for (const id of ids) assert.equal((await settled(id)).status, 'completed');
      });
      assert.equal(recorder.maxInFlight, 2);
      for (const key of keys) assert.equal(recorder.runs(key), 1);
    });

    test('two workers share the work without running a job twice', async () => {
      const keys = Array.from({ length: 8 }, (_, index) => uniqueKey(`shared-${index}`));
      const ids = await Promise.all(keys.map(async (key) => (await queue.enqueue('system.echo', { key, sleepMs: 100 })).id));
      const other = queue.startWorker(recorder.handlers(), { concurrency: 2 });
      try {
        await withWorker(2, async () => {
          for (const id of ids) assert.equal((await settled(id)).status, 'completed');
        });
      } finally {
        await other.stop(5000);
      }
      for (const key of keys) assert.equal(recorder.runs(key), 1, key);
    });

    test('stop() waits for the running job to finish and takes no new ones', async () => {
      const key = uniqueKey('stop');
      const release = recorder.hold(key);
      const { id } = await queue.enqueue('system.echo', { key });
      const worker = queue.startWorker(recorder.handlers(), { concurrency: 1 });
      await waitFor(() => recorder.runs(key) === 1, 'the job to start');
      let stopped = false;
      const stopping = worker.stop().then(() => (stopped = true));
      const laterKey = uniqueKey('after-stop');
      const later = await queue.enqueue('system.echo', { key: laterKey });
      await sleep(400);
      assert.equal(stopped, false, 'stop() returned while a job was running');
      release();
      await stopping;
      assert.equal(recorder.completions.get(key), 1);
      assert.equal((await queue.getJob(id))?.status, 'completed');
      await sleep(300);
      assert.equal(recorder.runs(laterKey), 0, 'a stopped worker took a new job');
      assert.equal((await queue.getJob(later.id))?.status, 'queued');
      // Leave nothing behind for the next test.
      await withWorker(1, () => settled(later.id));
    });
  });
}
