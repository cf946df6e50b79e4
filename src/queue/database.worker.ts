import { randomUUID } from 'node:crypto';
import type { JobRepository, JobRow } from './job.repository.js';
import {
  PermanentJobError,
  type JobContext,
  type JobHandler,
  type JobHandlers,
  type JobName,
  type WorkerHandle,
} from './job.types.js';
import { errorMessage, outcomeToResult, type QueueLogger } from './queue.shared.js';

export interface DatabaseWorkerSettings {
  workerId: string;
  concurrency: number;
  leaseSeconds: number;
  pollIntervalMs: number;
  backoffMs: number;
  maxBackoffMs: number;
  logger?: QueueLogger | undefined;
}

interface RunningJob {
  readonly row: JobRow;
  readonly token: string;
  readonly controller: AbortController;
  done?: Promise<void>;
}

/**
 * Polling worker of the database queue. Each run holds a lease (`locked_until`) that a heartbeat
 * renews; if the process dies the lease runs out and another worker claims the job again.
 * Queries stay short and no transaction spans a handler: PGlite has a single connection, and a
 * transaction held open for minutes would block every other query of the process.
 */
export class DatabaseWorker implements WorkerHandle {
  private readonly running = new Map<string, RunningJob>();
  private readonly names: JobName[];
  private stopping = false;
  private timer: NodeJS.Timeout | undefined;
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly repository: JobRepository,
    private readonly handlers: JobHandlers,
    private readonly settings: DatabaseWorkerSettings,
    private readonly onStopped: (worker: DatabaseWorker) => void,
  ) {
    // Only names this worker can run are claimed: during a rolling deploy an older worker leaves
    // a newly added job type to the workers that know it.
    this.names = Object.keys(handlers) as JobName[];
    this.poke();
  }

  /** Looks for work now (after a local enqueue or a finished job) instead of at the next poll. */
  poke(): void {
    if (this.stopping) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
      // A job that finished between the pump's last claim and here must not wait for the timer.
      if (this.pumpAgain) this.poke();
    });
  }

  private async pump(): Promise<void> {
    clearTimeout(this.timer);
    try {
      do {
        this.pumpAgain = false;
        while (!this.stopping && this.running.size < this.settings.concurrency) {
          const token = `${this.settings.workerId}:${randomUUID()}`;
          const row = await this.repository.claim(this.names, token, this.settings.leaseSeconds);
          if (!row) break;
          this.launch(row, token);
        }
      } while (this.pumpAgain && !this.stopping);
    } catch (error) {
      this.settings.logger?.error({ err: error }, 'job queue: could not claim a job');
    }
    if (!this.stopping) this.timer = setTimeout(() => this.poke(), this.settings.pollIntervalMs);
  }

  private launch(row: JobRow, token: string): void {
    const job: RunningJob = { row, token, controller: new AbortController() };
    this.running.set(token, job);
    job.done = this.execute(job)
      .catch((error: unknown) => {
        // Only the bookkeeping queries can land here; the lease then expires and the job runs again.
        this.settings.logger?.error({ err: error, jobId: row.id }, 'job queue: could not record a job outcome');
      })
      .finally(() => {
        this.running.delete(token);
        this.poke();
      });
  }

  private async execute(job: RunningJob): Promise<void> {
    const { row, token, controller } = job;
    const { logger } = this.settings;
    if (row.attempts > row.max_attempts) {
      // Claimed only because its lease expired during the last allowed attempt.
      await this.repository.fail(
        row.id,
        token,
        'Tiến trình xử lý đã dừng đột ngột ở lần thử cuối cùng (hết hạn giữ việc).',
        row.max_attempts,
      );
      return;
    }
    const handler = this.handlers[row.name] as JobHandler<JobName> | undefined;
    if (!handler) {
      await this.repository.fail(row.id, token, `Không có bộ xử lý cho loại việc "${row.name}".`);
      return;
    }
    const stopHeartbeat = this.startHeartbeat(job);
    const context: JobContext = {
      jobId: row.id,
      attempt: row.attempts,
      maxAttempts: row.max_attempts,
      signal: controller.signal,
      reportProgress: (fraction) => this.repository.setProgress(row.id, token, Math.min(1, Math.max(0, fraction))),
    };
    logger?.debug({ jobId: row.id, job: row.name, attempt: row.attempts }, 'job started');
    let written: boolean;
    try {
      const outcome = await handler(row.data as never, context);
      stopHeartbeat();
      written = await this.repository.complete(row.id, token, outcomeToResult(outcome));
      if (written) logger?.info({ jobId: row.id, job: row.name, attempt: row.attempts }, 'job completed');
    } catch (error) {
      stopHeartbeat();
      const message = errorMessage(error);
      if (error instanceof PermanentJobError || row.attempts >= row.max_attempts) {
        written = await this.repository.fail(row.id, token, message);
        if (written) logger?.warn({ jobId: row.id, job: row.name, attempt: row.attempts, error: message }, 'job failed');
      } else {
        const delayMs = Math.min(this.settings.maxBackoffMs, this.settings.backoffMs * 2 ** (row.attempts - 1));
        written = await this.repository.retryLater(row.id, token, message, delayMs);
        if (written) logger?.warn({ jobId: row.id, job: row.name, attempt: row.attempts, delayMs, error: message }, 'job will retry');
      }
    }
    if (!written) {
      logger?.warn({ jobId: row.id, job: row.name }, 'job queue: lease lost before the outcome was written; another run owns the job');
    }
  }

  /** Renews the lease every third of its length; aborts the handler once the lease is gone. */
  private startHeartbeat(job: RunningJob): () => void {
    const intervalMs = Math.max(50, (this.settings.leaseSeconds * 1000) / 3);
    let timer: NodeJS.Timeout | undefined;
    let active = true;
    const beat = async (): Promise<void> => {
      try {
        const owned = await this.repository.renewLease(job.row.id, job.token, this.settings.leaseSeconds);
        if (!owned && active) {
          job.controller.abort(new Error('lease lost'));
          return;
        }
      } catch (error) {
        // A transient database error: the next beat tries again before the lease runs out.
        this.settings.logger?.warn({ err: error, jobId: job.row.id }, 'job queue: lease renewal failed');
      }
      if (active) timer = setTimeout(() => void beat(), intervalMs);
    };
    timer = setTimeout(() => void beat(), intervalMs);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }

  /**
   * Stops claiming and waits for running jobs. After `timeoutMs` their signals are aborted and
   * their leases released, so another worker picks them up at once; a late result from an
   * aborted handler is then discarded by the ownership check.
   */
  stop(timeoutMs = Number.POSITIVE_INFINITY): Promise<void> {
    this.stopped ??= this.shutdown(timeoutMs).finally(() => this.onStopped(this));
    return this.stopped;
  }

  private async shutdown(timeoutMs: number): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    // A claim in flight may still launch a job; wait for it so that job is waited for too.
    await this.pumping;
    const jobs = [...this.running.values()];
    const all = Promise.all(jobs.map((job) => job.done));
    if (!Number.isFinite(timeoutMs)) {
      await all;
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      all.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (!timedOut) return;
    const left = [...this.running.values()];
    this.settings.logger?.warn({ jobs: left.map((job) => job.row.id) }, 'job queue: shutdown timeout, releasing running jobs');
    for (const job of left) {
      // Release first: the aborted handler's failure must not be written as a retry with backoff.
      await this.repository.release(job.row.id, job.token).catch(() => undefined);
      job.controller.abort(new Error('worker shutting down'));
    }
  }
}
