import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, openPgliteDatabase, readMigrations, splitStatements } from './index.js';
import { testDatabaseFactories, type TestDatabase } from '../testing/databases.js';

for (const open of testDatabaseFactories) {
  describe(`database (${open.name})`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await open();
    });
    after(async () => db.close());

    test('migrations are recorded and re-running them is a no-op', async () => {
      const rows = await db.database.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
      assert.deepEqual(
        rows.map((row) => row.id),
        readMigrations().map((migration) => migration.id),
      );
      assert.deepEqual(await migrate(db.database), []);
    });

    test('pgvector is available', async () => {
      const rows = await db.database.query<{ distance: number }>(
        "SELECT '[1,0,0]'::vector <=> '[0,1,0]'::vector AS distance",
      );
      assert.equal(rows[0]?.distance, 1);
    });

    test('a failing transaction leaves nothing behind', async () => {
      await assert.rejects(
        db.database.transaction(async (transaction) => {
          await transaction.query("INSERT INTO blobs (sha256, size_bytes) VALUES ('tx-test', 1)");
          throw new Error('boom');
        }),
        /boom/,
      );
      const rows = await db.database.query("SELECT 1 FROM blobs WHERE sha256 = 'tx-test'");
      assert.equal(rows.length, 0);
    });

    test('parameters and Vietnamese text round-trip', async () => {
      const rows = await db.database.query<{ text: string }>('SELECT $1::text AS text', ['Đăng ký khai sinh – hoà/hòa']);
      assert.equal(rows[0]?.text, 'Đăng ký khai sinh – hoà/hòa');
    });
  });
}

test('a file database survives reopening and refuses a second owner', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-db-'));
  const dataDir = path.join(dir, 'pglite');
  const first = await openPgliteDatabase(dataDir);
  await migrate(first);
  await first.query("INSERT INTO blobs (sha256, size_bytes) VALUES ('persisted', 42)");
  await assert.rejects(openPgliteDatabase(dataDir), /đang được tiến trình/);
  await first.close();
  const second = await openPgliteDatabase(dataDir);
  assert.deepEqual(await migrate(second), []);
  const rows = await second.query<{ size_bytes: number }>("SELECT size_bytes FROM blobs WHERE sha256 = 'persisted'");
  assert.equal(Number(rows[0]?.size_bytes), 42);
  await second.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('splitStatements keeps $$ bodies whole', () => {
  const statements = splitStatements(
    "-- c\nCREATE TABLE a (x int);\nCREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\n",
  );
  assert.equal(statements.length, 2);
  assert.match(statements[1] ?? '', /RETURN 1;\nEND;\n\$\$ LANGUAGE plpgsql;/);
});
