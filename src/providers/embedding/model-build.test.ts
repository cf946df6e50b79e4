import { test } from 'node:test';
import assert from 'node:assert/strict';
import ort from 'onnxruntime-node';
import { encodeVarint, ProtoWriter } from '../../../scripts/onnx/onnx-writer.js';
import { gaussian, orthonormalizeColumns, ppmi, randomizedSvd, seededRandom, symmetricEigen } from '../../../scripts/embedding/ppmi-svd.js';
import { buildStaticEmbeddingOnnx, quantizeRows } from '../../../scripts/embedding/static-graph.js';

/** The build pieces of the static model (scripts/embedding), checked where the test runner looks. */

test('protobuf varints: small, multi-byte and negative (ten bytes) values', () => {
  assert.deepEqual(Array.from(encodeVarint(1n)), [1]);
  assert.deepEqual(Array.from(encodeVarint(300n)), [0xac, 0x02]);
  assert.deepEqual(Array.from(encodeVarint(-1n)), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
  assert.deepEqual(Array.from(new ProtoWriter().string(2, 'ab').finish()), [0x12, 2, 0x61, 0x62]);
});

test('the exported ONNX graph runs in onnxruntime and computes the normalised weighted sum of dequantised rows', async () => {
  const vocabulary = 7;
  const dimensions = 5;
  const normal = gaussian(seededRandom(3));
  const matrix = Float32Array.from({ length: vocabulary * dimensions }, (_, index) => (index < dimensions ? 0 : normal()));
  const { table, rowScale } = quantizeRows(matrix, vocabulary, dimensions);
  const session = await ort.InferenceSession.create(buildStaticEmbeddingOnnx({ vocabularySize: vocabulary, dimensions, table, rowScale, producerVersion: 'test' }));
  try {
    const ids = [[3, 5, 0], [6, 0, 0], [0, 0, 0]];
    const weights = [[1.5, 0.5, 0], [2, 0, 0], [0, 0, 0]];
    const output = await session.run({
      token_ids: new ort.Tensor('int64', BigInt64Array.from(ids.flat().map(BigInt)), [3, 3]),
      weights: new ort.Tensor('float32', Float32Array.from(weights.flat()), [3, 3]),
    });
    const data = output.embedding!.data as Float32Array;
    for (let row = 0; row < 3; row++) {
      const expected = new Float64Array(dimensions);
      ids[row]!.forEach((id, position) => {
        for (let k = 0; k < dimensions; k++) expected[k]! += weights[row]![position]! * table[id * dimensions + k]! * rowScale[id]!;
      });
      const norm = Math.hypot(...expected);
      for (let k = 0; k < dimensions; k++) {
        assert.ok(Math.abs(data[row * dimensions + k]! - (norm > 0 ? expected[k]! / norm : 0)) < 1e-5);
      }
    }
    // int8 rows stay within half a quantisation step of the float rows
    for (let index = dimensions; index < matrix.length; index++) {
      const row = Math.floor(index / dimensions);
      assert.ok(Math.abs(table[index]! * rowScale[row]! - matrix[index]!) <= rowScale[row]! / 2 + 1e-7);
    }
  } finally {
    await session.release();
  }
});

test('Cholesky QR gives orthonormal columns; Jacobi recovers eigenvalues', () => {
  const normal = gaussian(seededRandom(5));
  const n = 200;
  const width = 6;
  const m = Float64Array.from({ length: n * width }, normal);
  orthonormalizeColumns(m, n, width);
  for (let i = 0; i < width; i++) {
    for (let j = 0; j < width; j++) {
      let sum = 0;
      for (let r = 0; r < n; r++) sum += m[r * width + i]! * m[r * width + j]!;
      assert.ok(Math.abs(sum - (i === j ? 1 : 0)) < 1e-9);
    }
  }
  const { values } = symmetricEigen(Float64Array.of(2, 1, 0, 1, 2, 0, 0, 0, 5), 3);
  assert.deepEqual(Array.from(values, (value) => Math.round(value * 1e9) / 1e9).sort(), [1, 3, 5]);
});

test('randomised SVD finds the singular values of a low-rank PPMI-like matrix', () => {
  const rows = 300;
  const columns = 80;
  const rank = 4;
  const normal = gaussian(seededRandom(9));
  const left = Float64Array.from({ length: rows * rank }, normal);
  const right = Float64Array.from({ length: rank * columns }, normal);
  const dense = new Float32Array(rows * columns);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) for (let k = 0; k < rank; k++) dense[r * columns + c]! += left[r * rank + k]! * right[k * columns + c]! * (k + 1);
  const sparse = { rows, columns, rowStart: new Int32Array(rows + 1), column: new Int32Array(rows * columns), value: new Float32Array(rows * columns) };
  for (let r = 0; r < rows; r++) {
    sparse.rowStart[r + 1] = (r + 1) * columns;
    for (let c = 0; c < columns; c++) {
      sparse.column[r * columns + c] = c;
      sparse.value[r * columns + c] = dense[r * columns + c]!;
    }
  }
  const exact = randomizedSvd(sparse, rank + 2, { seed: 1, powerIterations: 2 });
  assert.ok(exact.singularValues[rank]! < 1e-3 * exact.singularValues[0]!, 'rank is found');
  const again = randomizedSvd(sparse, rank, { seed: 1, powerIterations: 2 });
  assert.deepEqual(Array.from(again.singularValues), Array.from(randomizedSvd(sparse, rank, { seed: 1, powerIterations: 2 }).singularValues), 'seeded: deterministic');

  const counts = Float32Array.of(10, 0, 1, 1, 5, 5);
  const positive = ppmi(counts, 2, 3);
  assert.equal(positive.rows, 2);
  assert.ok(positive.value.every((value) => value > 0));
});
