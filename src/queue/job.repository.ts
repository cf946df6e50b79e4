import type { Queryable } from '../db/index.js';
import type { JobName, JobState, JobStatus } from './job.types.js';

/**
 * SQL of the database-backed queue (table `jobs`, migration 0001). Every time comparison uses the
 * database clock (`now()`), never the worker's, so workers on different machines agree on when a
 * job is due and when a lease has expired.
 *
 * Ownership: a claim writes a token unique to that claim into `locked_by`; every later write of
 * the run (heartbeat, progress, completion, failure) is conditional on that token. A worker whose
 * lease was taken over therefore cannot overwrite the new owner's run or complete a job twice.
 */

export interface JobRow {
  id: string;
  name: JobName;
  data: unknown;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  progress: number;
  result: unknown;
  last_error: string | null;
}

const columns = 'id, name, data, status, attempts, max_attempts, progress, result, last_error';

export function toJobState(row: JobRow): JobState {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    attempts: row.attempts,
    progress: Number(row.progress),
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    ...(row.result !== null && row.result !== undefined ? { result: row.result } : {}),
  };
}

/** jsonb parameters go in as text: both drivers then parse them the same way on the way out. */
const json = (value: unknown): string => JSON.stringify(value ?? null);

export class JobRepository {
  constructor(private readonly database: Queryable) {}

  /** Inserts the job unless the id exists; returns whether a row was created. */
  async insert(job: { id: string; name: JobName; data: unknown; maxAttempts: number; delayMs: number }): Promise<boolean> {
    const rows = await this.database.query(
      `INSERT INTO jobs (id, name, data, status, max_attempts, run_at)
       VALUES ($1, $2, $3::jsonb, 'queued', $4, now() + $5::double precision * interval '1 millisecond')
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [job.id, job.name, json(job.data), job.maxAttempts, job.delayMs],
    );
    return rows.length > 0;
  }

  async find(id: string): Promise<JobRow | undefined> {
    const rows = await this.database.query<JobRow>(`SELECT ${columns} FROM jobs WHERE id = $1`, [id]);
    return rows[0];
  }

  /**
   * Takes one due job: queued and due, or active with an expired lease (its worker crashed or
   * hung). SKIP LOCKED lets concurrent workers claim different rows without waiting on each
   * other. Re-running after an expired lease counts as an attempt, so a job that kills its worker
   * every time (e.g. out of memory on one huge file) ends failed instead of looping forever.
   */
  async claim(names: readonly JobName[], token: string, leaseSeconds: number): Promise<JobRow | undefined> {
    const rows = await this.database.query<JobRow>(
      `UPDATE jobs
          SET status = 'active', attempts = attempts + 1, locked_by = $1,
              locked_until = now() + $2::double precision * interval '1 second', updated_at = now()
        WHERE id = (
          SELECT id FROM jobs
           WHERE name = ANY($3::text[])
             AND ((status = 'queued' AND run_at <= now()) OR (status = 'active' AND locked_until < now()))
           ORDER BY run_at, created_at
           LIMIT 1
           FOR UPDATE SKIP LOCKED)
        RETURNING ${columns}`,
      [token, leaseSeconds, [...names]],
    );
    return rows[0];
  }

  /** Extends the lease; false when this claim no longer owns the job. */
  async renewLease(id: string, token: string, leaseSeconds: number): Promise<boolean> {
    const rows = await this.database.query(
      `UPDATE jobs SET locked_until = now() + $3::double precision * interval '1 second', updated_at = now()
        WHERE id = $1 AND locked_by = $2 AND status = 'active'
        RETURNING id`,
      [id, token, leaseSeconds],
    );
    return rows.length > 0;
  }

  async setProgress(id: string, token: string, progress: number): Promise<void> {
    await this.database.query(
      `UPDATE jobs SET progress = $3, updated_at = now() WHERE id = $1 AND locked_by = $2 AND status = 'active'`,
      [id, token, progress],
    );
  }

  /** Returns false when the lease was lost meanwhile: the result is then discarded. */
  async complete(id: string, token: string, result: unknown): Promise<boolean> {
    const rows = await this.database.query(
      `UPDATE jobs
          SET status = 'completed', result = $3::jsonb, progress = 1, locked_by = NULL, locked_until = NULL,
              finished_at = now(), updated_at = now()
        WHERE id = $1 AND locked_by = $2 AND status = 'active'
        RETURNING id`,
      [id, token, json(result)],
    );
    return rows.length > 0;
  }

  /** Schedules another attempt after `delayMs`. */
  async retryLater(id: string, token: string, error: string, delayMs: number): Promise<boolean> {
    const rows = await this.database.query(
      `UPDATE jobs
          SET status = 'queued', last_error = $3, locked_by = NULL, locked_until = NULL,
              run_at = now() + $4::double precision * interval '1 millisecond', updated_at = now()
        WHERE id = $1 AND locked_by = $2 AND status = 'active'
        RETURNING id`,
      [id, token, error, delayMs],
    );
    return rows.length > 0;
  }

  /** `attempts` lets a job that was claimed only to be failed report the attempts it really ran. */
  async fail(id: string, token: string, error: string, attempts?: number): Promise<boolean> {
    const rows = await this.database.query(
      `UPDATE jobs
          SET status = 'failed', last_error = $3, attempts = COALESCE($4::integer, attempts),
              locked_by = NULL, locked_until = NULL, finished_at = now(), updated_at = now()
        WHERE id = $1 AND locked_by = $2 AND status = 'active'
        RETURNING id`,
      [id, token, error, attempts ?? null],
    );
    return rows.length > 0;
  }

  /** Hands a job back at once (shutdown timeout): another worker need not wait for the lease. */
  async release(id: string, token: string): Promise<void> {
    await this.database.query(
      `UPDATE jobs SET status = 'queued', locked_by = NULL, locked_until = NULL, run_at = now(), updated_at = now()
        WHERE id = $1 AND locked_by = $2 AND status = 'active'`,
      [id, token],
    );
  }
}
