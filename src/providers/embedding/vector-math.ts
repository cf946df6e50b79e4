import type { EmbedOptions, EmbeddingModel } from './embedding-model.js';

/** Dot product; for L2-normalised vectors this is the cosine. */
export function dot(a: Float32Array, b: Float32Array): number {
  const length = Math.min(a.length, b.length);
  let sum = 0;
  for (let index = 0; index < length; index++) sum += a[index]! * b[index]!;
  return sum;
}

export function l2Norm(vector: Float32Array): number {
  return Math.sqrt(dot(vector, vector));
}

/** Scales a vector to unit length in place; the zero vector stays zero. */
export function normalizeInPlace(vector: Float32Array): Float32Array {
  const norm = l2Norm(vector);
  if (norm > 0) for (let index = 0; index < vector.length; index++) vector[index]! /= norm;
  return vector;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  const norms = l2Norm(a) * l2Norm(b);
  return norms > 0 ? dot(a, b) / norms : 0;
}

/**
 * Embeds any number of texts, `maxBatch` at a time, reporting progress after each batch. What
 * ingestion uses for chunks.
 */
export async function embedInBatches(
  model: EmbeddingModel,
  texts: readonly string[],
  options: EmbedOptions & { onProgress?: (done: number, total: number) => void } = {},
): Promise<Float32Array[]> {
  const { onProgress, ...embedOptions } = options;
  const vectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += model.maxBatch) {
    options.signal?.throwIfAborted();
    const batch = texts.slice(start, start + model.maxBatch);
    vectors.push(...(await model.embed(batch, embedOptions)));
    onProgress?.(vectors.length, texts.length);
  }
  return vectors;
}

/** Row-major matrix of unit vectors for brute-force search. */
export class VectorMatrix {
  readonly data: Float32Array;
  readonly count: number;

  constructor(
    readonly dimensions: number,
    vectors: readonly Float32Array[],
  ) {
    this.count = vectors.length;
    this.data = new Float32Array(this.count * dimensions);
    vectors.forEach((vector, row) => {
      if (vector.length !== dimensions) throw new Error(`vector ${row} has ${vector.length} dimensions, expected ${dimensions}`);
      this.data.set(vector, row * dimensions);
    });
  }
}

export interface VectorHit {
  /** Row in the matrix. */
  index: number;
  /** Cosine similarity (vectors are unit length). */
  score: number;
}

/**
 * Exact top-k by cosine over every row: fine for tens of thousands of chunks in memory and for
 * evaluations; the database path uses pgvector's HNSW index instead. `accept` filters rows.
 */
export function cosineTopK(matrix: VectorMatrix, query: Float32Array, k: number, accept?: (index: number) => boolean): VectorHit[] {
  const { data, dimensions, count } = matrix;
  if (k <= 0 || count === 0) return [];
  // a small sorted buffer beats sorting every score when k is much smaller than the corpus
  const hits: VectorHit[] = [];
  for (let row = 0; row < count; row++) {
    if (accept && !accept(row)) continue;
    let score = 0;
    const offset = row * dimensions;
    for (let index = 0; index < dimensions; index++) score += data[offset + index]! * query[index]!;
    if (hits.length === k && score <= hits[k - 1]!.score) continue;
    let position = hits.length < k ? hits.length : k - 1;
    if (hits.length < k) hits.push({ index: row, score });
    while (position > 0 && hits[position - 1]!.score < score) {
      hits[position] = hits[position - 1]!;
      position--;
    }
    hits[position] = { index: row, score };
  }
  return hits;
}
