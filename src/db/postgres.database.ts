import pg from 'pg';
import type { Database, Queryable, SqlParameter } from './database.js';

// bigint (int8) and numeric come back as strings by default; counts and sizes here fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));

/** `target` is a connection string, or pool settings (e.g. a unix socket directory as `host`). */
export function openPostgresDatabase(target: string | pg.PoolConfig, poolSize = 10): PostgresDatabase {
  const settings = typeof target === 'string' ? { connectionString: target } : target;
  return new PostgresDatabase(new pg.Pool({ max: poolSize, ...settings }));
}

export class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;

  constructor(readonly pool: pg.Pool) {
    // An idle client's error (server restart) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
  }

  async query<Row>(sql: string, parameters: readonly SqlParameter[] = []): Promise<Row[]> {
    const result = await this.pool.query(sql, parameters as unknown[]);
    return result.rows as Row[];
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(work: (transaction: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work({
        query: async <Row>(sql: string, parameters: readonly SqlParameter[] = []) =>
          (await client.query(sql, parameters as unknown[])).rows as Row[],
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
