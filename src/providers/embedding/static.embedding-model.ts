import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { assertBatch, EmbeddingError, isBlank, type EmbedOptions, type EmbeddingModel } from './embedding-model.js';
import type { ResolvedManifestEntry, StaticModelSettings } from './model-manifest.js';
import { encodeStatic, parseVocabulary, STATIC_TOKENIZER_ID, type StaticVocabulary } from './static-tokenizer.js';

/**
 * The project's own embedding model: static term vectors built from the corpora
 * (scripts/embedding/build-model.ts), run as an ONNX graph by onnxruntime-node. The tokenizer is
 * TypeScript (static-tokenizer.ts); the graph does the lookup, weighting, sum and normalisation.
 * Queries and passages are embedded the same way, and without diacritics a text gives the same
 * tokens, hence the same vector.
 */
export interface StaticModelOptions {
  /** onnxruntime intra-op threads; default 1 (embedding is cheap; leave cores to the server). */
  threads?: number;
  /** Check files against the manifest's sha256 before loading (default true). */
  verify?: boolean;
}

export class StaticOnnxEmbeddingModel implements EmbeddingModel {
  readonly maxBatch = 256;

  private constructor(
    readonly modelId: string,
    readonly dimensions: number,
    private readonly session: ort.InferenceSession,
    private readonly vocabulary: StaticVocabulary,
    private readonly settings: StaticModelSettings,
  ) {}

  static async load(modelsDir: string, entry: ResolvedManifestEntry, options: StaticModelOptions = {}): Promise<StaticOnnxEmbeddingModel> {
    if (entry.kind !== 'static-onnx') throw new EmbeddingError(`${entry.name} không phải mô hình static-onnx`);
    const { settings } = entry;
    if (settings.tokenizer !== STATIC_TOKENIZER_ID) {
      throw new EmbeddingError(`${entry.name}: bộ tách từ ${settings.tokenizer} không được hỗ trợ (cần ${STATIC_TOKENIZER_ID})`);
    }
    const read = (relative: string): Buffer => {
      const file = path.join(modelsDir, relative);
      if (!fs.existsSync(file)) throw new EmbeddingError(`thiếu tệp mô hình ${file} (chạy: ${entry.rebuild ?? 'scripts/embedding/build-model.ts'})`);
      const bytes = fs.readFileSync(file);
      const expected = entry.files.find((candidate) => candidate.path === relative)?.sha256;
      if (options.verify !== false && expected) {
        const actual = createHash('sha256').update(bytes).digest('hex');
        if (actual !== expected) throw new EmbeddingError(`${file}: sha256 ${actual} khác manifest (${expected})`);
      }
      return bytes;
    };
    const vocabulary = parseVocabulary(read(settings.vocabulary).toString('utf8'));
    const session = await ort.InferenceSession.create(read(settings.model), {
      intraOpNumThreads: options.threads ?? 1,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
    });
    const model = new StaticOnnxEmbeddingModel(`${entry.name}@${entry.version}`, entry.dimensions ?? 0, session, vocabulary, settings);
    const [probe] = await model.run([{ ids: [1], weights: [1] }]);
    if (!probe || (entry.dimensions && probe.length !== entry.dimensions)) {
      throw new EmbeddingError(`${entry.name}: mô hình trả về ${probe?.length ?? 0} chiều, manifest ghi ${entry.dimensions}`);
    }
    return entry.dimensions ? model : new StaticOnnxEmbeddingModel(model.modelId, probe.length, session, vocabulary, settings);
  }

  async embed(texts: string[], options: EmbedOptions = {}): Promise<Float32Array[]> {
    assertBatch(this, texts, options.signal);
    if (texts.length === 0) return [];
    const encoded = texts.map((text) => (isBlank(text) ? { ids: [], weights: [] } : encodeStatic(text, this.vocabulary, this.settings.bigramWeight)));
    const vectors = await this.run(encoded);
    options.signal?.throwIfAborted();
    return vectors;
  }

  private async run(encoded: { ids: number[]; weights: number[] }[]): Promise<Float32Array[]> {
    const sequence = Math.max(1, ...encoded.map((item) => item.ids.length));
    const ids = new BigInt64Array(encoded.length * sequence);
    const weights = new Float32Array(encoded.length * sequence);
    encoded.forEach((item, row) => {
      for (let index = 0; index < item.ids.length; index++) {
        ids[row * sequence + index] = BigInt(item.ids[index]!);
        weights[row * sequence + index] = item.weights[index]!;
      }
    });
    const output = await this.session.run({
      token_ids: new ort.Tensor('int64', ids, [encoded.length, sequence]),
      weights: new ort.Tensor('float32', weights, [encoded.length, sequence]),
    });
    const embedding = output.embedding;
    if (!embedding) throw new EmbeddingError(`${this.modelId}: mô hình không có đầu ra "embedding"`);
    const data = embedding.data as Float32Array;
    const dimensions = data.length / encoded.length;
    return encoded.map((_, row) => data.slice(row * dimensions, (row + 1) * dimensions));
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
