import type { Logger } from '../logging/index.js';
import type { JobOutcome } from './job.types.js';

/** The part of the service logger the queue uses; tests can pass a plain object. */
export type QueueLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/** Stored error texts are bounded: a stack or a huge message must not bloat the jobs table. */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message || error.name : String(error);
  return message.length > 2000 ? `${message.slice(0, 2000)}…` : message;
}

/**
 * What a completed job stores as its result. A skipped job counts as completed (nothing is left
 * to do), and keeps its reason so the UI can say why nothing happened.
 */
export function outcomeToResult(outcome: JobOutcome): unknown {
  return outcome.status === 'skipped' ? { skipped: true, reason: outcome.reason } : (outcome.result ?? null);
}
