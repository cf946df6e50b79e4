/**
 * Typed jobs. Adding a job = adding a member to `JobItem`; `JobHandlers` then fails to compile
 * until a handler exists for it.
 */
export type JobItem =
  /** Extract and index an uploaded or ingested document. */
  | { name: 'document.process'; data: { documentId: string } }
  /** Pre-check a submitted dossier (classification, extraction, checks, recommendation). */
  | { name: 'dossier.precheck'; data: { dossierId: string } }
  /** Used by the queue contract tests and the health check; does nothing but record it ran. */
  | { name: 'system.echo'; data: { key: string; sleepMs?: number; failTimes?: number } };

export type JobName = JobItem['name'];
export type JobData<N extends JobName> = Extract<JobItem, { name: N }>['data'];

export type JobOutcome =
  | { status: 'success'; result?: unknown }
  /** Nothing to do (e.g. the document was deleted meanwhile or is already processed). */
  | { status: 'skipped'; reason: string };

export interface JobContext {
  readonly jobId: string;
  /** 1 on the first run, 2 on the first retry … */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** Aborted when the worker is shutting down or has lost its lease. */
  readonly signal: AbortSignal;
  /** 0..1 */
  reportProgress(fraction: number): Promise<void>;
}

/** Handlers must be idempotent: at-least-once delivery means a job can run again after a crash. */
export type JobHandler<N extends JobName> = (data: JobData<N>, context: JobContext) => Promise<JobOutcome>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

/** Throw this from a handler for a failure that retrying cannot fix (e.g. a corrupt file). */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

export interface EnqueueOptions {
  /** Deduplication key: enqueueing an id that exists returns the existing job. */
  jobId?: string;
  delayMs?: number;
  maxAttempts?: number;
}

export type JobStatus = 'queued' | 'active' | 'completed' | 'failed';

export interface JobState {
  id: string;
  name: JobName;
  status: JobStatus;
  attempts: number;
  progress: number;
  lastError?: string;
  result?: unknown;
}

export interface WorkerHandle {
  /** Stops taking jobs and waits for running ones (up to the timeout) before returning. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JobQueue {
  readonly backend: 'database' | 'bullmq';
  enqueue<N extends JobName>(name: N, data: JobData<N>, options?: EnqueueOptions): Promise<{ id: string }>;
  getJob(id: string): Promise<JobState | undefined>;
  startWorker(handlers: JobHandlers, options?: { concurrency?: number }): WorkerHandle;
  /** Throws when the backend cannot be reached (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
