import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Queryable } from '../db/index.js';
import { DatabaseWorker } from './database.worker.js';
import { JobRepository, toJobState } from './job.repository.js';
import type { EnqueueOptions, JobData, JobHandlers, JobName, JobQueue, JobState, WorkerHandle } from './job.types.js';
import type { QueueLogger } from './queue.shared.js';

export interface DatabaseJobQueueOptions {
  /** How long a claimed job stays reserved without a heartbeat (crash recovery time). Default 60. */
  leaseSeconds?: number;
  /** Default attempts per job (first run included). Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt up to `maxBackoffMs`. Default 1000. */
  backoffMs?: number;
  /** Default 10 minutes. */
  maxBackoffMs?: number;
  /** How often an idle worker looks for due jobs. Default 250. */
  pollIntervalMs?: number;
  /** Used when `startWorker` gets no concurrency. Default 1. */
  defaultConcurrency?: number;
  /** How long `close()` waits for running jobs of still-started workers. Default 30 s. */
  closeTimeoutMs?: number;
  logger?: QueueLogger;
}

/**
 * Durable queue in the service's own database, for the embedded mode (no Redis): jobs survive a
 * restart, run at least once, and a crashed worker's job is taken over when its lease expires.
 */
export class DatabaseJobQueue implements JobQueue {
  readonly backend = 'database' as const;
  private readonly repository: JobRepository;
  private readonly workers = new Set<DatabaseWorker>();
  private readonly settings: Required<Omit<DatabaseJobQueueOptions, 'logger'>> & { logger?: QueueLogger };

  constructor(
    private readonly database: Queryable,
    options: DatabaseJobQueueOptions = {},
  ) {
    this.repository = new JobRepository(database);
    this.settings = {
      leaseSeconds: options.leaseSeconds ?? 60,
      maxAttempts: options.maxAttempts ?? 5,
      backoffMs: options.backoffMs ?? 1000,
      maxBackoffMs: options.maxBackoffMs ?? 10 * 60_000,
      pollIntervalMs: options.pollIntervalMs ?? 250,
      defaultConcurrency: options.defaultConcurrency ?? 1,
      closeTimeoutMs: options.closeTimeoutMs ?? 30_000,
      ...(options.logger ? { logger: options.logger } : {}),
    };
  }

  async enqueue<N extends JobName>(name: N, data: JobData<N>, options: EnqueueOptions = {}): Promise<{ id: string }> {
    const id = options.jobId ?? randomUUID();
    const delayMs = Math.max(0, options.delayMs ?? 0);
    const created = await this.repository.insert({
      id,
      name,
      data,
      maxAttempts: Math.max(1, options.maxAttempts ?? this.settings.maxAttempts),
      delayMs,
    });
    // Workers of this process start at once; workers elsewhere find the job at their next poll.
    if (created && delayMs === 0) for (const worker of this.workers) worker.poke();
    return { id };
  }

  async getJob(id: string): Promise<JobState | undefined> {
    const row = await this.repository.find(id);
    return row ? toJobState(row) : undefined;
  }

  startWorker(handlers: JobHandlers, options: { concurrency?: number } = {}): WorkerHandle {
    const worker = new DatabaseWorker(
      this.repository,
      handlers,
      {
        workerId: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
        concurrency: Math.max(1, options.concurrency ?? this.settings.defaultConcurrency),
        leaseSeconds: this.settings.leaseSeconds,
        pollIntervalMs: this.settings.pollIntervalMs,
        backoffMs: this.settings.backoffMs,
        maxBackoffMs: this.settings.maxBackoffMs,
        logger: this.settings.logger,
      },
      (stopped) => this.workers.delete(stopped),
    );
    this.workers.add(worker);
    return worker;
  }

  async ping(): Promise<void> {
    await this.database.query('SELECT 1');
  }

  /** Stops the workers still running; the database itself belongs to the caller. */
  async close(): Promise<void> {
    await Promise.all([...this.workers].map((worker) => worker.stop(this.settings.closeTimeoutMs)));
  }
}
