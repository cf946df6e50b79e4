import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { JobQueue } from './job.types.js';
import {
  crashBullmqQueue,
  crashDatabaseQueue,
  crashEventsTableSql,
  crashHandlers,
  crashLeaseMs,
  databaseEventLog,
  redisEventLog,
  type CrashEventLog,
} from './testing/crash-setup.js';
import { waitFor } from './testing/recording-handlers.js';
import { openTestPostgresWire } from '../testing/databases.js';

/**
 * At-least-once, exactly one completion: a real worker process is SIGKILLed in the middle of a
 * job; a second worker must take the job over once the lease / lock runs out, and the job's side
 * effect must happen exactly once.
 */
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function spawnCrashWorker(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/queue/testing/crash-worker.ts'], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function crashAndRecover(options: {
  queue: JobQueue;
  log: CrashEventLog;
  childEnv: Record<string, string>;
}): Promise<void> {
  const { queue, log } = options;
  const key = `crash-${process.pid}-${Date.now()}`;
  const { id } = await queue.enqueue('system.echo', { key }, { jobId: key, maxAttempts: 3 });
  const { child, output } = spawnCrashWorker(options.childEnv);
  let worker: ReturnType<JobQueue['startWorker']> | undefined;
  try {
    await waitFor(
      async () => (await log.read()).some((event) => event.event === 'started'),
      'the child worker to start the job',
      30_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nchild output:\n${output()}`);
    });
    await killHard(child);
    assert.equal((await queue.getJob(id))?.status, 'active', 'the dead worker still holds the job');

    worker = queue.startWorker(crashHandlers(log, 'complete'));
    const job = await waitFor(async () => {
      const state = await queue.getJob(id);
      return state?.status === 'completed' || state?.status === 'failed' ? state : undefined;
    }, 'the job to be taken over and finished', 15_000);
    // Long enough for a wrongly kept lock or stalled marker to cause a second run.
    await sleep(crashLeaseMs * 2);

    assert.equal(job.status, 'completed');
    assert.equal((await queue.getJob(id))?.attempts, 2);
    const events = (await log.read()).filter((event) => event.key === key);
    assert.deepEqual(
      events.map(({ event, attempt, pid }) => ({ event, attempt, byChild: pid === child.pid })),
      [
        { event: 'started', attempt: 1, byChild: true },
        { event: 'started', attempt: 2, byChild: false },
        { event: 'completed', attempt: 2, byChild: false },
      ],
    );
  } finally {
    await killHard(child);
    await worker?.stop(2000);
  }
}

test('database queue: a SIGKILLed worker’s job is taken over after its lease and completed once', async () => {
  const db = await openTestPostgresWire();
  try {
    await db.database.exec(crashEventsTableSql);
    const queue = crashDatabaseQueue(db.database);
    await crashAndRecover({
      queue,
      log: databaseEventLog(db.database),
      childEnv: { CRASH_BACKEND: 'database', DATABASE_URL: db.url ?? '' },
    });
    await queue.close();
  } finally {
    await db.close();
  }
});

test('bullmq: a SIGKILLed worker’s job is recovered as stalled and completed once', async () => {
  const queueName = `crash-${process.pid}-${Date.now()}`;
  const eventsKey = `tro-ly-so-test:${queueName}:crash-events`;
  const queue = crashBullmqQueue(redisUrl, queueName);
  const log = redisEventLog(redisUrl, eventsKey);
  try {
    await crashAndRecover({
      queue,
      log,
      childEnv: { CRASH_BACKEND: 'bullmq', REDIS_URL: redisUrl, CRASH_QUEUE_NAME: queueName, CRASH_EVENTS_KEY: eventsKey },
    });
  } finally {
    await queue.obliterate();
    await queue.close();
    await log.close();
  }
});
