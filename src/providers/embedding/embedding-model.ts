/**
 * Text → dense vector, for the vector leg of hybrid retrieval. Capabilities are data (Vercel AI SDK
 * `EmbeddingModelV2` style) so callers size batches and vector columns without knowing the
 * implementation: the project's own static model (ONNX through onnxruntime-node) or a Hugging Face
 * sentence-embedding model dropped into `models/` (through @huggingface/transformers).
 */

/**
 * Some models (e5) embed questions and passages differently (`query: ` / `passage: ` prefixes).
 * Callers always say which side a text is on; models that do not care ignore it.
 */
export type EmbeddingKind = 'query' | 'passage';

export interface EmbedOptions {
  /** Default `passage`. */
  kind?: EmbeddingKind;
  signal?: AbortSignal;
}

export interface EmbeddingModel {
  /** Stable id to store beside vectors (`<name>@<version>`): vectors from different ids never mix. */
  readonly modelId: string;
  readonly dimensions: number;
  /** Largest batch `embed` accepts in one call; `embedInBatches` splits longer lists. */
  readonly maxBatch: number;
  /**
   * One L2-normalised vector per text, in order. A text with nothing to embed (empty, only spaces,
   * or — for the static model — no known word) gives the zero vector: its cosine with anything is 0.
   */
  embed(texts: string[], options?: EmbedOptions): Promise<Float32Array[]>;
  close(): Promise<void>;
}

export class EmbeddingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmbeddingError';
  }
}

export function assertBatch(model: Pick<EmbeddingModel, 'maxBatch' | 'modelId'>, texts: readonly string[], signal?: AbortSignal): void {
  signal?.throwIfAborted();
  if (texts.length > model.maxBatch) {
    throw new EmbeddingError(`${model.modelId}: lô ${texts.length} văn bản vượt quá giới hạn ${model.maxBatch} (dùng embedInBatches)`);
  }
}

/** Whether a text has anything to embed at all. */
export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}
