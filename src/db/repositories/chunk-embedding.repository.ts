import { createHash } from 'node:crypto';
import type { Queryable } from '../database.js';

export interface VectorHit {
  chunkId: string;
  /** Cosine similarity (1 = same direction). */
  similarity: number;
}

/**
 * Dense vectors of chunks in pgvector. The column has no fixed dimension (models differ), so the
 * HNSW index is an expression index per model: `(embedding::vector(N))` restricted to that
 * model's rows. Queries repeat the same expression and predicate so the planner can use it.
 */
export class ChunkEmbeddingRepository {
  constructor(private readonly db: Queryable) {}

  /** Creates the model's HNSW index if it is missing (idempotent; slow once on a large table). */
  async ensureIndex(model: string, dimensions: number): Promise<void> {
    const { expression, predicate } = parts(model, dimensions);
    await this.db.query(
      `CREATE INDEX IF NOT EXISTS ${indexName(model, dimensions)} ON chunk_embeddings USING hnsw ((${expression}) vector_cosine_ops) WHERE ${predicate}`,
    );
  }

  async hasIndex(model: string, dimensions: number): Promise<boolean> {
    const rows = await this.db.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [indexName(model, dimensions)]);
    return rows[0]?.found === true;
  }

  /** The k chunks nearest to the vector among the model's embeddings of processed documents. */
  async nearest(model: string, vector: Float32Array, k: number): Promise<VectorHit[]> {
    const { expression, predicate, dimensions } = parts(model, vector.length);
    const literal = `[${Array.from(vector, (value) => (Number.isFinite(value) ? value : 0)).join(',')}]`;
    const rows = await this.db.query<{ chunkId: string | number; distance: number }>(
      `SELECT e.chunk_id AS "chunkId", (${expression}) <=> $1::vector(${dimensions}) AS distance
         FROM chunk_embeddings e
        WHERE ${predicate}
        ORDER BY (${expression}) <=> $1::vector(${dimensions})
        LIMIT $2`,
      [literal, k],
    );
    return rows.map((row) => ({ chunkId: String(row.chunkId), similarity: 1 - Number(row.distance) }));
  }

  async count(model: string): Promise<number> {
    const rows = await this.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM chunk_embeddings WHERE model = $1`, [model]);
    return rows[0]?.count ?? 0;
  }
}

function parts(model: string, dimensions: number): { expression: string; predicate: string; dimensions: number } {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 16000) throw new Error(`invalid vector dimensions: ${dimensions}`);
  // DDL takes no parameters: the model id is quoted as a literal (it comes from the models manifest).
  return { expression: `embedding::vector(${dimensions})`, predicate: `model = '${model.replaceAll("'", "''")}'`, dimensions };
}

function indexName(model: string, dimensions: number): string {
  return `chunk_embeddings_hnsw_${createHash('sha256').update(`${model}:${dimensions}`).digest('hex').slice(0, 12)}`;
}
