import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EmbeddingModel } from './embedding-model.js';
import { cosine, cosineTopK, embedInBatches, normalizeInPlace, VectorMatrix } from './vector-math.js';

function randomUnit(dimensions: number, seed: number): Float32Array {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  return normalizeInPlace(Float32Array.from({ length: dimensions }, next));
}

test('cosineTopK returns exactly the best k rows by cosine, best first, and respects a filter', () => {
  const rows = Array.from({ length: 500 }, (_, index) => randomUnit(24, index + 1));
  const matrix = new VectorMatrix(24, rows);
  const query = randomUnit(24, 9999);
  const expected = rows
    .map((row, index) => ({ index, score: cosine(row, query) }))
    .sort((left, right) => right.score - left.score)
    .slice(0, 7);
  const hits = cosineTopK(matrix, query, 7);
  assert.deepEqual(hits.map((hit) => hit.index), expected.map((hit) => hit.index));
  assert.ok(hits.every((hit, index) => Math.abs(hit.score - expected[index]!.score) < 1e-5));
  assert.ok(cosineTopK(matrix, query, 5, (index) => index % 2 === 0).every((hit) => hit.index % 2 === 0));
  assert.deepEqual(cosineTopK(matrix, query, 0), []);
  assert.equal(cosineTopK(new VectorMatrix(24, rows.slice(0, 3)), query, 10).length, 3);
});

test('VectorMatrix refuses vectors of the wrong size; zero vectors normalise to zero', () => {
  assert.throws(() => new VectorMatrix(3, [new Float32Array(4)]));
  assert.deepEqual(Array.from(normalizeInPlace(new Float32Array(3))), [0, 0, 0]);
});

test('embedInBatches splits by maxBatch, keeps order and reports progress', async () => {
  const batches: number[] = [];
  const model: EmbeddingModel = {
    modelId: 'fake@1',
    dimensions: 1,
    maxBatch: 3,
    embed: async (texts) => {
      batches.push(texts.length);
      return texts.map((text) => Float32Array.of(Number(text)));
    },
    close: async () => {},
  };
  const progress: number[] = [];
  const vectors = await embedInBatches(model, ['1', '2', '3', '4', '5', '6', '7'], { onProgress: (done) => progress.push(done) });
  assert.deepEqual(vectors.map((vector) => vector[0]), [1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(batches, [3, 3, 1]);
  assert.deepEqual(progress, [3, 6, 7]);
});
