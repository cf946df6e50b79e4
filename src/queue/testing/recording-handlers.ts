import { setTimeout as sleep } from 'node:timers/promises';
import { PermanentJobError, type JobContext, type JobHandlers } from '../job.types.js';

/**
 * Test handlers for the queue contract: `system.echo` records every start and completion in
 * memory so tests can count runs, concurrency and timing. The key selects the behaviour:
 * `permanent…` throws PermanentJobError, `skip…` returns skipped; `failTimes` makes the first
 * runs throw; a gate opened by the test holds a run in the middle (after progress 0.5).
 */
export class JobRecorder {
  readonly starts = new Map<string, { at: number; attempt: number }[]>();
  readonly completions = new Map<string, number>();
  readonly aborted = new Set<string>();
  inFlight = 0;
  maxInFlight = 0;
  private readonly gates = new Map<string, { opened: Promise<void>; open: () => void }>();

  /** Holds runs of `key` until the returned function is called. */
  hold(key: string): () => void {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.gates.set(key, { opened, open });
    return open;
  }

  runs(key: string): number {
    return this.starts.get(key)?.length ?? 0;
  }

  resetConcurrency(): void {
    this.inFlight = 0;
    this.maxInFlight = 0;
  }

  handlers(): JobHandlers {
    return {
      'document.process': async () => {
        throw new PermanentJobError('document.process is not part of the queue tests');
      },
      'dossier.precheck': async () => {
        throw new PermanentJobError('dossier.precheck is not part of the queue tests');
      },
      'system.echo': async (data, context) => this.echo(data, context),
    };
  }

  private async echo(
    data: { key: string; sleepMs?: number; failTimes?: number },
    context: JobContext,
  ): Promise<{ status: 'success'; result: unknown } | { status: 'skipped'; reason: string }> {
    const starts = this.starts.get(data.key) ?? [];
    starts.push({ at: Date.now(), attempt: context.attempt });
    this.starts.set(data.key, starts);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (data.key.startsWith('permanent')) throw new PermanentJobError(`permanent failure of ${data.key}`);
      if (data.key.startsWith('skip')) return { status: 'skipped', reason: 'nothing to do' };
      if (starts.length <= (data.failTimes ?? 0)) throw new Error(`planned failure ${starts.length} of ${data.key}`);
      await context.reportProgress(0.5);
      await this.gates.get(data.key)?.opened;
      if (data.sleepMs) await sleep(data.sleepMs, undefined, { signal: context.signal });
      this.completions.set(data.key, (this.completions.get(data.key) ?? 0) + 1);
      return { status: 'success', result: { key: data.key, attempt: context.attempt } };
    } catch (error) {
      if (context.signal.aborted) this.aborted.add(data.key);
      throw error;
    } finally {
      this.inFlight -= 1;
    }
  }
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  description: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await sleep(25);
  }
}
