import fs from 'node:fs';
import path from 'node:path';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { AppError } from '../errors/index.js';
import type { Database } from './database.js';
import { readLockOwner } from './data-directory.lock.js';
import type { PgliteDatabase } from './pglite.database.js';
import { openPostgresDatabase } from './postgres.database.js';

/**
 * While `npm start` holds the embedded PGlite database, command-line tools (client registration,
 * ingestion) reach it through the server: the server publishes the database on a unix socket
 * inside DATA_DIR (only the owner of the directory can connect) and the CLI talks to it with the
 * `pg` driver, the same code path as a PostgreSQL server.
 */
const socketPort = 5432;
const socketDirectory = (dataDir: string) => path.join(dataDir, 'run');
const socketFile = (dataDir: string) => path.join(socketDirectory(dataDir), `.s.PGSQL.${socketPort}`);

export async function publishEmbeddedDatabase(database: PgliteDatabase, dataDir: string): Promise<{ stop(): Promise<void> }> {
  fs.mkdirSync(socketDirectory(dataDir), { recursive: true, mode: 0o700 });
  fs.rmSync(socketFile(dataDir), { force: true }); // left by a crashed server
  const server = new PGLiteSocketServer({ db: database.client, path: socketFile(dataDir), maxConnections: 8 });
  await server.start();
  return {
    stop: async () => {
      await server.stop();
      fs.rmSync(socketFile(dataDir), { force: true });
    },
  };
}

/** For CLIs: the running server's database through its socket, or undefined when no server holds it. */
export function connectToRunningServer(pgliteDataDir: string, dataDir: string): Database | undefined {
  const owner = readLockOwner(pgliteDataDir);
  if (owner === undefined) return undefined;
  if (!fs.existsSync(socketFile(dataDir))) {
    throw new AppError({
      status: 503,
      code: 'database-in-use',
      detail: `Cơ sở dữ liệu nhúng đang được tiến trình ${owner} sử dụng và chưa mở cổng cho công cụ dòng lệnh. Hãy chờ máy chủ khởi động xong hoặc dừng nó rồi chạy lại lệnh.`,
    });
  }
  return openPostgresDatabase({ host: socketDirectory(dataDir), port: socketPort, user: 'postgres', database: 'postgres' }, 2);
}
