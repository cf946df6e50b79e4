import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pg_textsearch } from '@electric-sql/pglite-pg_textsearch';
import type { Database, Queryable, SqlParameter } from './database.js';
import { acquireDataDirectoryLock, type DataDirectoryLock } from './data-directory.lock.js';

const extensions = { vector, pg_textsearch };

/** Opens (creating if needed) the embedded PGlite database; `dataDir` undefined means in-memory. */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<PgliteDatabase> {
  let lock: DataDirectoryLock | undefined;
  if (dataDir) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    lock = acquireDataDirectoryLock(dataDir);
  }
  try {
    const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions });
    return new PgliteDatabase(client, lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

export class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;

  constructor(
    readonly client: PGlite,
    private readonly lock?: DataDirectoryLock,
  ) {}

  async query<Row>(sql: string, parameters: readonly SqlParameter[] = []): Promise<Row[]> {
    const result = await this.client.query<Row>(sql, parameters as unknown[]);
    return result.rows;
  }

  async exec(sql: string): Promise<void> {
    await this.client.exec(sql);
  }

  async transaction<T>(work: (transaction: Queryable) => Promise<T>): Promise<T> {
    return this.client.transaction(async (transaction) =>
      work({
        query: async <Row>(sql: string, parameters: readonly SqlParameter[] = []) =>
          (await transaction.query<Row>(sql, parameters as unknown[])).rows,
      }),
    );
  }

  async close(): Promise<void> {
    try {
      if (!this.client.closed) await this.client.close();
    } finally {
      this.lock?.release();
    }
  }
}
