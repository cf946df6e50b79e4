/**
 * The one database abstraction: PGlite (embedded) or a PostgreSQL server through `pg`.
 * Repositories receive a `Queryable` and never know which one they talk to.
 */

export type SqlParameter = string | number | boolean | null | Date | Buffer | Uint8Array | unknown[] | Record<string, unknown>;

export interface Queryable {
  /** Runs one parameterised statement ($1, $2 …) and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, parameters?: readonly SqlParameter[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction; rolls back when it throws. */
  transaction<T>(work: (transaction: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
