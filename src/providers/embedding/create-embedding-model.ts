import fs from 'node:fs';
import path from 'node:path';
import { EmbeddingError, type EmbeddingModel } from './embedding-model.js';
import { implicitTransformersEntry, readModelsDirectory, type ResolvedManifestEntry } from './model-manifest.js';
import { StaticOnnxEmbeddingModel } from './static.embedding-model.js';
import { TransformersEmbeddingModel } from './transformers.embedding-model.js';

export interface EmbeddingModelConfig {
  /** Folder with manifest.json and model folders (the repository's `models/`). */
  modelsDir: string;
  /**
   * `undefined`/`''`/`default`: the manifest's default model (none there → no dense leg);
   * `none`: dense leg disabled; otherwise a manifest name or a folder name under `modelsDir`.
   */
  model?: string;
  /** onnxruntime threads for the static model (default 1). */
  threads?: number;
}

/** Sentinel for a disabled dense leg. */
export const NO_EMBEDDING_MODEL = 'none';

/**
 * Picks and loads the embedding model from config. Returns `null` when the dense leg is off
 * (`none`, or no default model present); throws `EmbeddingError` when a named model cannot be loaded.
 */
export async function createEmbeddingModel(config: EmbeddingModelConfig): Promise<EmbeddingModel | null> {
  const entry = resolveEmbeddingModel(config);
  if (!entry) return null;
  return loadEntry(config, entry);
}

export function loadEntry(config: EmbeddingModelConfig, entry: ResolvedManifestEntry): Promise<EmbeddingModel> {
  const modelsDir = path.resolve(config.modelsDir);
  switch (entry.kind) {
    case 'static-onnx':
      return StaticOnnxEmbeddingModel.load(modelsDir, entry, config.threads ? { threads: config.threads } : {});
    case 'transformers':
      return TransformersEmbeddingModel.load(modelsDir, entry);
    case 'classifier-onnx':
      return Promise.reject(new EmbeddingError(`${entry.name} là mô hình phân loại, không phải mô hình nhúng`));
  }
}

/** The manifest entry `config` selects, or `null` for no dense leg. */
export function resolveEmbeddingModel(config: EmbeddingModelConfig): ResolvedManifestEntry | null {
  const modelsDir = path.resolve(config.modelsDir);
  const requested = config.model?.trim() ?? '';
  if (requested === NO_EMBEDDING_MODEL) return null;
  const manifest = readModelsDirectory(modelsDir);
  if (requested === '' || requested === 'default') return manifest.models.find((model) => model.default) ?? null;
  const listed = manifest.models.find((model) => model.name === requested && model.kind !== 'classifier-onnx');
  if (listed) return listed;
  if (isTransformersFolder(path.join(modelsDir, requested))) return implicitTransformersEntry(requested);
  throw new EmbeddingError(
    `không tìm thấy mô hình nhúng "${requested}" trong ${modelsDir} (có: ${listEmbeddingModels(modelsDir).map((model) => model.name).join(', ') || 'không có'})`,
  );
}

/** Every model the directory offers: manifest entries, then dropped-in Hugging Face folders without an entry. */
export function listEmbeddingModels(modelsDir: string): ResolvedManifestEntry[] {
  const directory = path.resolve(modelsDir);
  const listed = readModelsDirectory(directory).models.filter((model) => model.kind !== 'classifier-onnx');
  const names = new Set(listed.map((model) => model.name));
  const dropped = fs.existsSync(directory)
    ? fs
        .readdirSync(directory, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !names.has(entry.name) && isTransformersFolder(path.join(directory, entry.name)))
        .map((entry) => implicitTransformersEntry(entry.name))
    : [];
  return [...listed, ...dropped];
}

function isTransformersFolder(directory: string): boolean {
  return fs.existsSync(path.join(directory, 'config.json')) && fs.existsSync(path.join(directory, 'onnx'));
}
