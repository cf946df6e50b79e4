import { randomUUID } from 'node:crypto';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import {
  PermanentJobError,
  type EnqueueOptions,
  type JobContext,
  type JobData,
  type JobHandler,
  type JobHandlers,
  type JobName,
  type JobQueue,
  type JobState,
  type JobStatus,
  type WorkerHandle,
} from './job.types.js';
import { errorMessage, outcomeToResult, type QueueLogger } from './queue.shared.js';

export interface BullmqJobQueueOptions {
  redisUrl: string;
  /** Default `tro-ly-so`. Tests use a unique name so runs never share jobs. */
  queueName?: string;
  /** Redis key prefix. Default `bull`. */
  prefix?: string;
  /** Default attempts per job (first run included). Default 5. */
  maxAttempts?: number;
  /** First retry delay of the exponential backoff. Default 1000. */
  backoffMs?: number;
  /** How long a worker's lock on a job lasts without renewal (crash recovery time). Default 60 000. */
  lockDurationMs?: number;
  /** How often workers look for jobs whose lock expired. Default = lockDurationMs. */
  stalledIntervalMs?: number;
  /** How many times a job may be recovered from a dead worker before it fails. Default = maxAttempts. */
  maxStalledCount?: number;
  /** Used when `startWorker` gets no concurrency. Default 1. */
  defaultConcurrency?: number;
  /** How long `close()` waits for running jobs of still-started workers. Default 30 s. */
  closeTimeoutMs?: number;
  logger?: QueueLogger;
}

/**
 * BullMQ ids may not contain ':' nor be plain integers (both collide with BullMQ's own ids and
 * key layout). Our ids are free text (e.g. `document:<uuid>`), so they are escaped reversibly.
 */
export function toBullmqId(id: string): string {
  const escaped = id.replaceAll('%', '%25').replaceAll(':', '%3A');
  return /^\d+$/.test(escaped) ? `%N${escaped}` : escaped;
}

export function fromBullmqId(id: string): string {
  return (id.startsWith('%N') ? id.slice(2) : id).replaceAll('%3A', ':').replaceAll('%25', '%');
}

function toStatus(state: string): JobStatus | undefined {
  switch (state) {
    case 'active':
      return 'active';
    case 'completed':
      return 'completed';
    case 'failed':
      return 'failed';
    // Waiting, delayed (including a retry waiting for its backoff), prioritized, waiting for children.
    case 'waiting':
    case 'wait':
    case 'delayed':
    case 'prioritized':
    case 'paused':
    case 'waiting-children':
      return 'queued';
    default:
      return undefined;
  }
}

/** BullMQ counts runs recovered from a dead worker in attemptsStarted only; we report every start. */
const attemptsOf = (job: Job): number => Math.max(job.attemptsStarted ?? 0, job.attemptsMade ?? 0);

export class BullmqJobQueue implements JobQueue {
  readonly backend = 'bullmq' as const;
  readonly queue: Queue;
  private readonly queueConnection: Redis;
  private workerConnection: Redis | undefined;
  private readonly workers = new Set<BullmqWorker>();
  private readonly settings: {
    queueName: string;
    prefix: string;
    maxAttempts: number;
    backoffMs: number;
    lockDurationMs: number;
    stalledIntervalMs: number;
    maxStalledCount: number;
    defaultConcurrency: number;
    closeTimeoutMs: number;
  };

  constructor(private readonly options: BullmqJobQueueOptions) {
    const maxAttempts = options.maxAttempts ?? 5;
    const lockDurationMs = options.lockDurationMs ?? 60_000;
    this.settings = {
      queueName: options.queueName ?? 'tro-ly-so',
      prefix: options.prefix ?? 'bull',
      maxAttempts,
      backoffMs: options.backoffMs ?? 1000,
      lockDurationMs,
      stalledIntervalMs: options.stalledIntervalMs ?? lockDurationMs,
      maxStalledCount: options.maxStalledCount ?? maxAttempts,
      defaultConcurrency: options.defaultConcurrency ?? 1,
      closeTimeoutMs: options.closeTimeoutMs ?? 30_000,
    };
    // Enqueueing happens inside API requests: with Redis down it must fail fast (→ 503), not hang.
    this.queueConnection = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 });
    this.queueConnection.on('error', (error) => options.logger?.warn({ err: error }, 'redis (queue) connection error'));
    this.queue = new Queue(this.settings.queueName, {
      connection: this.queueConnection,
      prefix: this.settings.prefix,
      // Otherwise `add` waits for a connection that may never come, and the request hangs.
      skipWaitingForReady: true,
    });
    this.queue.on('error', (error) => options.logger?.error({ err: error }, 'bullmq queue error'));
  }

  async enqueue<N extends JobName>(name: N, data: JobData<N>, options: EnqueueOptions = {}): Promise<{ id: string }> {
    // Always our own id: BullMQ's counter ids would not survive the id escaping above.
    const id = options.jobId ?? randomUUID();
    // An existing id makes `add` a no-op that returns the existing job — the dedupe we want.
    await this.queue.add(name, data, {
      jobId: toBullmqId(id),
      attempts: Math.max(1, options.maxAttempts ?? this.settings.maxAttempts),
      backoff: { type: 'exponential', delay: this.settings.backoffMs },
      ...(options.delayMs && options.delayMs > 0 ? { delay: options.delayMs } : {}),
      // Finished jobs are kept for status pages but not forever (Redis memory). A removed job's
      // id can be enqueued again.
      removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    return { id };
  }

  async getJob(id: string): Promise<JobState | undefined> {
    // State first, then the job's data: read the other way round, a job finishing in between
    // looks completed but carries no return value yet.
    const status = toStatus(await this.queue.getJobState(toBullmqId(id)));
    if (!status) return undefined;
    const job = await this.queue.getJob(toBullmqId(id));
    if (!job) return undefined;
    const progress = status === 'completed' ? 1 : typeof job.progress === 'number' ? job.progress : 0;
    return {
      id,
      name: job.name as JobName,
      status,
      attempts: attemptsOf(job),
      progress,
      ...(job.failedReason ? { lastError: job.failedReason } : {}),
      ...(status === 'completed' && job.returnvalue !== null && job.returnvalue !== undefined
        ? { result: job.returnvalue }
        : {}),
    };
  }

  startWorker(handlers: JobHandlers, options: { concurrency?: number } = {}): WorkerHandle {
    // Workers block on Redis (BZPOPMIN): their connection must retry forever rather than error out.
    if (!this.workerConnection) {
      this.workerConnection = new Redis(this.options.redisUrl, { maxRetriesPerRequest: null });
      this.workerConnection.on('error', (error) => this.options.logger?.warn({ err: error }, 'redis (worker) connection error'));
    }
    const worker = new BullmqWorker(
      this.settings.queueName,
      handlers,
      {
        connection: this.workerConnection,
        prefix: this.settings.prefix,
        concurrency: Math.max(1, options.concurrency ?? this.settings.defaultConcurrency),
        lockDuration: this.settings.lockDurationMs,
        stalledInterval: this.settings.stalledIntervalMs,
        maxStalledCount: this.settings.maxStalledCount,
      },
      this.options.logger,
      (stopped) => this.workers.delete(stopped),
    );
    this.workers.add(worker);
    return worker;
  }

  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queueConnection.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('Redis không phản hồi PING trong 2 giây.')), 2000);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Removes every key of this queue. Tests only: there is no undo. */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers].map((worker) => worker.stop(this.settings.closeTimeoutMs)));
    await this.queue.close();
    await Promise.all([this.queueConnection.quit().catch(() => undefined), this.workerConnection?.quit().catch(() => undefined)]);
  }
}

interface BullmqWorkerOptions {
  connection: Redis;
  prefix: string;
  concurrency: number;
  lockDuration: number;
  stalledInterval: number;
  maxStalledCount: number;
}

class BullmqWorker implements WorkerHandle {
  private readonly worker: Worker;
  private stopped: Promise<void> | undefined;

  constructor(
    queueName: string,
    private readonly handlers: JobHandlers,
    options: BullmqWorkerOptions,
    private readonly logger: QueueLogger | undefined,
    private readonly onStopped: (worker: BullmqWorker) => void,
  ) {
    // Three declared parameters: BullMQ only passes the abort signal to processors that take it.
    this.worker = new Worker(queueName, (job: Job, _token?: string, signal?: AbortSignal) => this.process(job, signal), options);
    this.worker.on('error', (error) => logger?.error({ err: error }, 'bullmq worker error'));
    this.worker.on('failed', (job, error) =>
      logger?.warn({ jobId: job ? fromBullmqId(job.id ?? '') : undefined, error: error.message }, 'job attempt failed'),
    );
    // BullMQ keeps running a handler whose lock it could not renew; our contract aborts it, since
    // another worker will run the job again.
    this.worker.on('lockRenewalFailed', (jobIds: string[]) => {
      for (const jobId of jobIds) this.worker.cancelJob(jobId, 'lease lost');
    });
  }

  private async process(job: Job, signal: AbortSignal | undefined): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as JobHandler<JobName> | undefined;
    if (!handler) throw new UnrecoverableError(`Không có bộ xử lý cho loại việc "${job.name}".`);
    const context: JobContext = {
      jobId: fromBullmqId(job.id ?? ''),
      attempt: Math.max(1, job.attemptsStarted ?? job.attemptsMade + 1),
      maxAttempts: job.opts.attempts ?? 1,
      signal: signal ?? new AbortController().signal,
      reportProgress: (fraction) => job.updateProgress(Math.min(1, Math.max(0, fraction))),
    };
    try {
      return outcomeToResult(await handler(job.data as never, context));
    } catch (error) {
      if (error instanceof PermanentJobError) throw new UnrecoverableError(errorMessage(error));
      throw error instanceof Error ? error : new Error(errorMessage(error));
    }
  }

  stop(timeoutMs = Number.POSITIVE_INFINITY): Promise<void> {
    this.stopped ??= this.shutdown(timeoutMs).finally(() => this.onStopped(this));
    return this.stopped;
  }

  /** After the timeout the handlers are aborted; their jobs come back through the stalled check. */
  private async shutdown(timeoutMs: number): Promise<void> {
    const closing = this.worker.close();
    if (!Number.isFinite(timeoutMs)) return closing;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      closing.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (!timedOut) return;
    this.logger?.warn({}, 'job queue: shutdown timeout, aborting running jobs');
    this.worker.cancelAllJobs('worker shutting down');
    await this.worker.close(true);
  }
}
