import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { openPgliteDatabase, openPostgresDatabase, migrate, type Database } from '../db/index.js';

/**
 * Test databases. Both are real: an in-memory PGlite, and the same engine served over the
 * PostgreSQL wire protocol (pglite-socket) and reached through the `pg` driver — the production
 * code path. Every repository test runs against both.
 */
export interface TestDatabase {
  name: 'pglite' | 'postgres-wire';
  database: Database;
  /** Connection string, for the wire variant (child processes connect to it). */
  url?: string;
  close(): Promise<void>;
}

export async function openTestPglite(): Promise<TestDatabase> {
  const database = await openPgliteDatabase(undefined);
  await migrate(database);
  return { name: 'pglite', database, close: () => database.close() };
}

export async function openTestPostgresWire(): Promise<TestDatabase> {
  const engine = await openPgliteDatabase(undefined);
  const server = new PGLiteSocketServer({ db: engine.client, host: '127.0.0.1', port: 0, maxConnections: 16 });
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:PORT"
  const url = `postgres://postgres:postgres@${address}/postgres?sslmode=disable`;
  const database = openPostgresDatabase(url, 4);
  await migrate(database);
  return {
    name: 'postgres-wire',
    database,
    url,
    close: async () => {
      await database.close();
      await server.stop();
      await engine.close();
    },
  };
}

export const testDatabaseFactories = [openTestPglite, openTestPostgresWire] as const;
