import type { AppConfig } from '../config/index.js';
import type { Database } from './database.js';
import { openPgliteDatabase } from './pglite.database.js';
import { openPostgresDatabase } from './postgres.database.js';
import { migrate } from './migrate.js';

export type { Database, Queryable, SqlParameter } from './database.js';
export { openPgliteDatabase, PgliteDatabase } from './pglite.database.js';
export { openPostgresDatabase, PostgresDatabase } from './postgres.database.js';
export { migrate, readMigrations, splitStatements } from './migrate.js';
export { readLockOwner } from './data-directory.lock.js';

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: Pick<AppConfig, 'database'>): Promise<Database> {
  const database =
    config.database.kind === 'postgres'
      ? openPostgresDatabase(config.database.url, config.database.poolSize)
      : await openPgliteDatabase(config.database.dataDir);
  try {
    await migrate(database);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
export * from './repositories/index.js';
export { publishEmbeddedDatabase, connectToRunningServer } from './embedded-socket.js';
