import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * `models/manifest.json`: what every model file is, where it came from and how to rebuild it, plus
 * the per-model settings the runtime needs (prefixes, pooling, tokenizer). A Hugging Face model
 * dropped into `models/<name>/` works without an entry when its family is recognised by name
 * (`familyDefaults`); an entry overrides those defaults and records its sha256 and license.
 */

const fileSchema = z.object({
  path: z.string().describe('relative to the models directory'),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const staticSettingsSchema = z.object({
  tokenizer: z.string(),
  bigramWeight: z.number().positive().default(1),
  vocabulary: z.string().describe('vocab.tsv, relative to the models directory'),
  model: z.string().describe('model.onnx, relative to the models directory'),
});

const transformersSettingsSchema = z.object({
  /** Prepended to queries / passages (multilingual-e5: `query: ` and `passage: `). */
  queryPrefix: z.string().default(''),
  passagePrefix: z.string().default(''),
  /** Sentence vector from the token vectors: mean over the attention mask (e5) or the first token (bge-m3). */
  pooling: z.enum(['mean', 'cls']).default('mean'),
  /** transformers.js dtype: `fp32` loads onnx/model.onnx, `q8` onnx/model_quantized.onnx, … */
  dtype: z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16']).default('fp32'),
  maxBatch: z.number().int().positive().default(32),
});

/** A classifier the project trains (scripts/precheck/train-classifier.ts); not an embedding model. */
const classifierSettingsSchema = z.object({
  features: z.string().describe('feature extractor id, e.g. hashed-folded-ngrams-v1'),
  dimensions: z.number().int().positive(),
  labels: z.array(z.string()).min(2),
  model: z.string().describe('model.onnx, relative to the models directory'),
});

const baseEntry = {
  name: z.string().regex(/^[\w.-]+$/),
  version: z.string(),
  default: z.boolean().default(false),
  dimensions: z.number().int().positive().optional(),
  license: z.string(),
  made: z.string().describe('how the files were made or where they came from'),
  rebuild: z.string().optional(),
  build: z.record(z.string(), z.unknown()).optional(),
  files: z.array(fileSchema).default([]),
};

export const manifestEntrySchema = z.discriminatedUnion('kind', [
  z.object({ ...baseEntry, kind: z.literal('static-onnx'), settings: staticSettingsSchema }),
  z.object({ ...baseEntry, kind: z.literal('transformers'), settings: transformersSettingsSchema.default(transformersSettingsSchema.parse({})) }),
  z.object({ ...baseEntry, kind: z.literal('classifier-onnx'), settings: classifierSettingsSchema }),
]);

export const manifestSchema = z.object({ models: z.array(manifestEntrySchema) });

export type ManifestEntry = z.input<typeof manifestEntrySchema>;
export type ResolvedManifestEntry = z.output<typeof manifestEntrySchema>;
export type StaticModelSettings = z.output<typeof staticSettingsSchema>;
export type TransformersModelSettings = z.output<typeof transformersSettingsSchema>;
export type ModelManifest = z.output<typeof manifestSchema>;
export type ClassifierModelSettings = z.output<typeof classifierSettingsSchema>;

export function readManifest(file: string): ModelManifest {
  let content: unknown;
  try {
    content = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new Error(`không đọc được ${file}`, { cause });
  }
  const parsed = manifestSchema.safeParse(content);
  if (!parsed.success) throw new Error(`${file} không hợp lệ: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The manifest of a models directory, or an empty one when the file does not exist. */
export function readModelsDirectory(modelsDir: string): ModelManifest {
  const file = path.join(modelsDir, 'manifest.json');
  return fs.existsSync(file) ? readManifest(file) : { models: [] };
}

/**
 * Settings for well-known sentence-embedding families when a dropped-in folder has no manifest entry:
 * e5 models were trained with `query: ` / `passage: ` prefixes and mean pooling; bge-m3 uses the
 * first token ([CLS]) and no prefixes.
 */
export function familyDefaults(name: string): Partial<TransformersModelSettings> {
  const lower = name.toLowerCase();
  if (/(^|[-_/])e5([-_]|$)/.test(lower) || lower.includes('multilingual-e5')) {
    return { queryPrefix: 'query: ', passagePrefix: 'passage: ', pooling: 'mean' };
  }
  if (lower.includes('bge')) return { pooling: 'cls' };
  return {};
}

/** A manifest entry for a Hugging Face folder without one: family defaults, unknown provenance. */
export function implicitTransformersEntry(name: string): ResolvedManifestEntry {
  return manifestEntrySchema.parse({
    name,
    version: 'local',
    kind: 'transformers',
    license: 'see the model card of the dropped-in model',
    made: 'dropped into models/ by the operator; no manifest entry',
    settings: familyDefaults(name),
  });
}
