import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

/**
 * Plain SQL migrations (`NNNN_name.sql`), applied in order at start-up, each in its own
 * transaction and recorded in `schema_migrations`. Identical on PGlite and PostgreSQL.
 * An advisory lock keeps several API processes starting at once from racing.
 */
export const migrationsDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const advisoryLockKey = 7_246_001;

export interface Migration {
  id: string;
  sql: string;
  checksum: string;
}

export function readMigrations(directory = migrationsDirectory): Migration[] {
  return fs
    .readdirSync(directory)
    .filter((name) => /^\d{4}_[\w-]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(directory, name), 'utf8');
      return { id: name.replace(/\.sql$/, ''), sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

export async function migrate(database: Database, migrations = readMigrations()): Promise<string[]> {
  await database.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: string[] = [];
  await database.transaction(async (transaction) => {
    await transaction.query('SELECT pg_advisory_xact_lock($1)', [advisoryLockKey]);
    const rows = await transaction.query<{ id: string; checksum: string }>('SELECT id, checksum FROM schema_migrations');
    const done = new Map(rows.map((row) => [row.id, row.checksum]));
    for (const migration of migrations) {
      const checksum = done.get(migration.id);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.id} đã được áp dụng nhưng nội dung tệp đã thay đổi; hãy tạo migration mới thay vì sửa migration cũ.`,
          );
        }
        continue;
      }
      // Statements run one by one through the extended protocol would need splitting; a simple
      // statement batch inside the surrounding transaction keeps each migration atomic.
      for (const statement of splitStatements(migration.sql)) await transaction.query(statement);
      await transaction.query('INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)', [migration.id, migration.checksum]);
      applied.push(migration.id);
    }
  });
  return applied;
}

/** Splits a migration on semicolons that end a line, ignoring `--` comments and $$-quoted bodies. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    const trimmed = line.trim();
    if (!inDollar && (trimmed.startsWith('--') || trimmed === '')) continue;
    const dollarCount = (line.match(/\$\$/g) ?? []).length;
    if (dollarCount % 2 === 1) inDollar = !inDollar;
    current += line + '\n';
    if (!inDollar && trimmed.endsWith(';')) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
