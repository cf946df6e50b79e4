import fs from 'node:fs';
import path from 'node:path';
import { assertBatch, EmbeddingError, isBlank, type EmbedOptions, type EmbeddingModel } from './embedding-model.js';
import type { ResolvedManifestEntry, TransformersModelSettings } from './model-manifest.js';

/**
 * A Hugging Face sentence-embedding model dropped into `models/<name>/` (the layout of the
 * `onnx-community` / Xenova exports: `config.json`, `tokenizer.json`, `tokenizer_config.json`,
 * `onnx/model.onnx`), run through @huggingface/transformers on onnxruntime-node with remote loading
 * off: nothing is ever downloaded; a missing file is an error naming it.
 */

type FeatureExtractor = ((texts: string[], options: { pooling: 'mean' | 'cls'; normalize: boolean }) => Promise<{ data: unknown; dims: number[] }>) & {
  dispose(): Promise<void>;
};

const REQUIRED_FILES = ['config.json', 'tokenizer.json'];

export class TransformersEmbeddingModel implements EmbeddingModel {
  readonly maxBatch: number;

  private constructor(
    readonly modelId: string,
    readonly dimensions: number,
    private readonly extractor: FeatureExtractor,
    private readonly settings: TransformersModelSettings,
  ) {
    this.maxBatch = settings.maxBatch;
  }

  static async load(modelsDir: string, entry: ResolvedManifestEntry): Promise<TransformersEmbeddingModel> {
    if (entry.kind !== 'transformers') throw new EmbeddingError(`${entry.name} không phải mô hình transformers`);
    const directory = path.join(modelsDir, entry.name);
    const modelFile = path.join('onnx', entry.settings.dtype === 'fp32' ? 'model.onnx' : `model_${dtypeSuffix(entry.settings.dtype)}.onnx`);
    for (const file of [...REQUIRED_FILES, modelFile]) {
      if (!fs.existsSync(path.join(directory, file))) {
        throw new EmbeddingError(`mô hình ${entry.name}: thiếu ${path.join(directory, file)} (xem models/README.md để đặt mô hình vào)`);
      }
    }
    const transformers = await import('@huggingface/transformers');
    // Global switches of the library: every load in this process is local-only.
    transformers.env.allowRemoteModels = false;
    transformers.env.allowLocalModels = true;
    transformers.env.localModelPath = modelsDir.endsWith(path.sep) ? modelsDir : modelsDir + path.sep;
    transformers.env.useBrowserCache = false;
    let extractor: FeatureExtractor;
    try {
      extractor = (await transformers.pipeline('feature-extraction', entry.name, {
        local_files_only: true,
        dtype: entry.settings.dtype,
        device: 'cpu',
      })) as unknown as FeatureExtractor;
    } catch (cause) {
      throw new EmbeddingError(`không nạp được mô hình ${entry.name} từ ${directory}`, { cause });
    }
    const probe = await extractor(['a'], { pooling: entry.settings.pooling, normalize: true });
    const dimensions = probe.dims[probe.dims.length - 1] ?? 0;
    if (entry.dimensions && entry.dimensions !== dimensions) {
      throw new EmbeddingError(`${entry.name}: mô hình trả về ${dimensions} chiều, manifest ghi ${entry.dimensions}`);
    }
    return new TransformersEmbeddingModel(`${entry.name}@${entry.version}`, dimensions, extractor, entry.settings);
  }

  async embed(texts: string[], options: EmbedOptions = {}): Promise<Float32Array[]> {
    assertBatch(this, texts, options.signal);
    const prefix = options.kind === 'query' ? this.settings.queryPrefix : this.settings.passagePrefix;
    const vectors = texts.map(() => new Float32Array(this.dimensions));
    // blank texts keep the zero vector (same contract as the static model); the rest go in one batch
    const present = texts.flatMap((text, index) => (isBlank(text) ? [] : [index]));
    if (present.length === 0) return vectors;
    const output = await this.extractor(present.map((index) => prefix + texts[index]!), { pooling: this.settings.pooling, normalize: true });
    options.signal?.throwIfAborted();
    const data = output.data as Float32Array;
    present.forEach((index, row) => vectors[index]!.set(data.subarray(row * this.dimensions, (row + 1) * this.dimensions)));
    return vectors;
  }

  async close(): Promise<void> {
    await this.extractor.dispose();
  }
}

function dtypeSuffix(dtype: TransformersModelSettings['dtype']): string {
  return dtype === 'q8' ? 'quantized' : dtype;
}
