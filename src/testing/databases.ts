import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pg_textsearch } from '@electric-sql/pglite-pg_textsearch';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PgliteDatabase, openPostgresDatabase, migrate, readMigrations, type Database } from '../db/index.js';

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

const extensions = { vector, pg_textsearch };

/**
 * Creating a PGlite database runs initdb in WebAssembly (seconds). Tests start from a dump of a
 * freshly migrated database instead, cached on disk per migration set so every test process
 * shares it; the migrations still run (as a no-op) on each copy.
 */
let template: Promise<Blob> | undefined;
function migratedTemplate(): Promise<Blob> {
  template ??= (async () => {
    const key = crypto
      .createHash('sha256')
      .update(readMigrations().map((migration) => migration.checksum).join())
      .update(JSON.stringify(PGlite.name))
      .digest('hex')
      .slice(0, 16);
    const file = path.join(os.tmpdir(), `tro-ly-so-pglite-${key}.tar`);
    if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
    const fresh = new PgliteDatabase(await PGlite.create({ extensions }));
    await migrate(fresh);
    const dump = await fresh.client.dumpDataDir('none');
    await fresh.close();
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, new Uint8Array(await dump.arrayBuffer()));
    fs.renameSync(temporary, file);
    return dump;
  })();
  return template;
}

async function openMigratedPglite(): Promise<PgliteDatabase> {
  const database = new PgliteDatabase(await PGlite.create({ extensions, loadDataDir: await migratedTemplate() }));
  await migrate(database);
  return database;
}

export async function openTestPglite(): Promise<TestDatabase> {
  const database = await openMigratedPglite();
  return { name: 'pglite', database, close: () => database.close() };
}

export async function openTestPostgresWire(): Promise<TestDatabase> {
  const engine = await openMigratedPglite();
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
