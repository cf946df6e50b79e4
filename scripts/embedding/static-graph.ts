import { OnnxDataType, encodeOnnxModel, floatTensor, int64Tensor, int8Tensor, type OnnxNode } from '../onnx/onnx-writer.js';

/**
 * The static embedding model as an ONNX graph (opset 13):
 *
 *   token_ids int64 [batch, sequence], weights float32 [batch, sequence]
 *   → Gather(table int8 [vocabulary, dimensions]) → Cast float → × Gather(row_scale) × weights
 *   → ReduceSum over the sequence → ÷ max(‖·‖₂, ε)  → embedding float32 [batch, dimensions]
 *
 * Rows are stored as int8 with one float scale per row (symmetric quantisation): four times smaller
 * than float32 for a cosine error far below what retrieval notices. Padding is id 0 with weight 0.
 */
export interface StaticGraphInput {
  vocabularySize: number;
  dimensions: number;
  /** vocabularySize × dimensions, row-major. */
  table: Int8Array;
  rowScale: Float32Array;
  producerVersion: string;
  metadata?: Record<string, string>;
}

export function buildStaticEmbeddingOnnx(input: StaticGraphInput): Uint8Array {
  const { vocabularySize, dimensions } = input;
  if (input.table.length !== vocabularySize * dimensions) throw new Error('table size does not match vocabulary × dimensions');
  const nodes: OnnxNode[] = [
    { opType: 'Gather', inputs: ['table', 'token_ids'], outputs: ['rows_int8'], attributes: { axis: 0 } },
    { opType: 'Cast', inputs: ['rows_int8'], outputs: ['rows'], attributes: { to: OnnxDataType.FLOAT } },
    { opType: 'Gather', inputs: ['row_scale', 'token_ids'], outputs: ['scales'], attributes: { axis: 0 } },
    { opType: 'Mul', inputs: ['scales', 'weights'], outputs: ['token_weights'] },
    { opType: 'Unsqueeze', inputs: ['token_weights', 'last_axis'], outputs: ['token_weights_3d'] },
    { opType: 'Mul', inputs: ['rows', 'token_weights_3d'], outputs: ['weighted_rows'] },
    { opType: 'ReduceSum', inputs: ['weighted_rows', 'sequence_axis'], outputs: ['summed'], attributes: { keepdims: 0 } },
    { opType: 'ReduceL2', inputs: ['summed'], outputs: ['norm'], attributes: { axes: [1], keepdims: 1 } },
    { opType: 'Max', inputs: ['norm', 'epsilon'], outputs: ['safe_norm'] },
    { opType: 'Div', inputs: ['summed', 'safe_norm'], outputs: ['embedding'] },
  ];
  return encodeOnnxModel({
    graphName: 'static_embedding',
    producerName: 'tro-ly-so scripts/embedding/build-model.ts',
    producerVersion: input.producerVersion,
    opsetVersion: 13,
    docString: 'IDF-weighted mean of PPMI-SVD term vectors, L2-normalised',
    nodes,
    inputs: [
      { name: 'token_ids', dataType: OnnxDataType.INT64, shape: ['batch', 'sequence'] },
      { name: 'weights', dataType: OnnxDataType.FLOAT, shape: ['batch', 'sequence'] },
    ],
    outputs: [{ name: 'embedding', dataType: OnnxDataType.FLOAT, shape: ['batch', dimensions] }],
    initializers: [
      int8Tensor('table', [vocabularySize, dimensions], input.table),
      floatTensor('row_scale', [vocabularySize], input.rowScale),
      int64Tensor('last_axis', [1], [2]),
      int64Tensor('sequence_axis', [1], [1]),
      floatTensor('epsilon', [], Float32Array.of(1e-12)),
    ],
    ...(input.metadata ? { metadata: input.metadata } : {}),
  });
}

/** Symmetric per-row int8 quantisation of a row-major float matrix. */
export function quantizeRows(matrix: Float32Array, rows: number, dimensions: number): { table: Int8Array; rowScale: Float32Array } {
  const table = new Int8Array(rows * dimensions);
  const rowScale = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    const offset = row * dimensions;
    let largest = 0;
    for (let index = 0; index < dimensions; index++) largest = Math.max(largest, Math.abs(matrix[offset + index]!));
    if (largest === 0) continue;
    const scale = largest / 127;
    rowScale[row] = scale;
    for (let index = 0; index < dimensions; index++) table[offset + index] = Math.round(matrix[offset + index]! / scale);
  }
  return { table, rowScale };
}
