import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DatabaseJobQueue } from './database.queue.js';
import { waitFor } from './testing/recording-handlers.js';
import { openTestPostgresWire } from '../testing/databases.js';

/** `npm run worker` (src/cli/worker.ts) as a real process. */
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function startWorkerCli(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-worker-'));
  // Only what the child needs: an inherited DATABASE_URL or REDIS_URL would change the mode.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/worker.ts'], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, dataDir, exited, output: () => output };
}

test('the worker refuses to start on the embedded database, before touching it', async () => {
  const run = startWorkerCli({});
  assert.equal(await run.exited, 1);
  assert.match(run.output(), /cơ sở dữ liệu nhúng/);
  assert.match(run.output(), /DATABASE_URL/);
  assert.deepEqual(fs.readdirSync(run.dataDir), []);
});

test('with DATABASE_URL the worker runs queued jobs and SIGTERM lets the running one finish', async () => {
  const db = await openTestPostgresWire();
  const queue = new DatabaseJobQueue(db.database);
  const run = startWorkerCli({ DATABASE_URL: db.url ?? '' });
  try {
    const quick = await queue.enqueue('system.echo', { key: 'cli-quick' });
    await waitFor(async () => (await queue.getJob(quick.id))?.status === 'completed', 'the worker to run a job', 30_000).catch(
      (error: Error) => {
        throw new Error(`${error.message}\nworker output:\n${run.output()}`);
      },
    );
    const slow = await queue.enqueue('system.echo', { key: 'cli-slow', sleepMs: 1500 });
    await waitFor(async () => (await queue.getJob(slow.id))?.status === 'active', 'the slow job to start');
    run.child.kill('SIGTERM');
    assert.equal(await run.exited, 0, run.output());
    const job = await queue.getJob(slow.id);
    assert.equal(job?.status, 'completed');
    assert.equal(job?.attempts, 1);
  } finally {
    run.child.kill('SIGKILL');
    await queue.close();
    await db.close();
  }
});
