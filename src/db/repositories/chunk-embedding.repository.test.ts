import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { testDatabaseFactories, type TestDatabase } from '../../testing/databases.js';
import { ChunkEmbeddingRepository } from './chunk-embedding.repository.js';

/** Unit vector in 8 dimensions pointing mostly along `axis`. */
function vector(axis: number, noise = 0.05): Float32Array {
  const values = Float32Array.from({ length: 8 }, (_, i) => (i === axis ? 1 : noise * ((i * 7 + axis) % 3)));
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
}

for (const open of testDatabaseFactories) {
  describe(`chunk embeddings in pgvector (${open.name})`, () => {
    let db: TestDatabase;
    let repository: ChunkEmbeddingRepository;
    const chunkIds: string[] = [];
    before(async () => {
      db = await open();
      repository = new ChunkEmbeddingRepository(db.database);
      const documentId = randomUUID();
      await db.database.query("INSERT INTO blobs (sha256, size_bytes) VALUES ('vec-test', 1)");
      await db.database.query(
        `INSERT INTO documents (id, sha256, filename, media_type, format, size_bytes, uploaded_by, status)
         VALUES ($1, 'vec-test', 'a.txt', 'text/plain', 'txt', 1, 'test', 'done')`,
        [documentId],
      );
      for (let axis = 0; axis < 8; axis++) {
        const rows = await db.database.query<{ id: string | number }>(
          `INSERT INTO chunks (document_id, ordinal, text, display_text, search_text, label) VALUES ($1, $2, 't', 't', 't', 'l') RETURNING id`,
          [documentId, axis],
        );
        const chunkId = String(rows[0]!.id);
        chunkIds.push(chunkId);
        await db.database.query(`INSERT INTO chunk_embeddings (chunk_id, model, embedding) VALUES ($1, 'mô-hình-8', $2::vector)`, [chunkId, `[${vector(axis).join(',')}]`]);
        // the same chunks under another model of another size must not mix in
        await db.database.query(`INSERT INTO chunk_embeddings (chunk_id, model, embedding) VALUES ($1, 'other', '[1,0,0]'::vector)`, [chunkId]);
      }
    });
    after(async () => db.close());

    test('the per-model HNSW index is created once and nearest neighbours come back in order', async () => {
      assert.equal(await repository.hasIndex('mô-hình-8', 8), false);
      await repository.ensureIndex('mô-hình-8', 8);
      await repository.ensureIndex('mô-hình-8', 8);
      assert.equal(await repository.hasIndex('mô-hình-8', 8), true);
      const hits = await repository.nearest('mô-hình-8', vector(3, 0.2), 3);
      assert.equal(hits.length, 3);
      assert.equal(hits[0]!.chunkId, chunkIds[3]);
      assert.ok(hits[0]!.similarity > 0.9 && hits[0]!.similarity >= hits[1]!.similarity);
      assert.equal(await repository.count('mô-hình-8'), 8);
    });

    test('the planner uses the HNSW index for the nearest-neighbour query', async () => {
      await repository.ensureIndex('mô-hình-8', 8);
      await db.database.query('SET enable_seqscan = off');
      const plan = await db.database.query<Record<string, string>>(
        `EXPLAIN SELECT chunk_id FROM chunk_embeddings e WHERE model = 'mô-hình-8' ORDER BY (embedding::vector(8)) <=> '[1,0,0,0,0,0,0,0]'::vector(8) LIMIT 3`,
      );
      await db.database.query('SET enable_seqscan = on');
      assert.match(plan.map((row) => Object.values(row)[0]).join('\n'), /chunk_embeddings_hnsw_/);
    });
  });
}
