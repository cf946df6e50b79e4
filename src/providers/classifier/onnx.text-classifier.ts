import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { readModelsDirectory, type ClassifierModelSettings, type ResolvedManifestEntry } from '../embedding/index.js';
import { HASHED_FEATURES_ID, hashedFeatures } from './hashed-features.js';
import { ClassifierError, type Classification, type TextClassifier } from './text-classifier.js';

/**
 * A project-trained classifier (multinomial logistic regression over hashed n-grams, exported as
 * MatMul → Add → Softmax) run by onnxruntime-node. Features are computed here in TypeScript by the
 * same function the training script used.
 */
export class OnnxTextClassifier implements TextClassifier {
  private constructor(
    readonly id: string,
    readonly labels: readonly string[],
    private readonly settings: ClassifierModelSettings,
    private readonly session: ort.InferenceSession,
  ) {}

  static async load(modelsDir: string, entry: ResolvedManifestEntry): Promise<OnnxTextClassifier> {
    if (entry.kind !== 'classifier-onnx') throw new ClassifierError(`${entry.name} không phải mô hình phân loại`);
    const { settings } = entry;
    if (settings.features !== HASHED_FEATURES_ID) throw new ClassifierError(`${entry.name}: đặc trưng ${settings.features} không được hỗ trợ`);
    const file = path.join(modelsDir, settings.model);
    if (!fs.existsSync(file)) throw new ClassifierError(`thiếu tệp mô hình ${file} (chạy: ${entry.rebuild ?? 'scripts/precheck/train-classifier.ts'})`);
    const bytes = fs.readFileSync(file);
    const expected = entry.files.find((candidate) => candidate.path === settings.model)?.sha256;
    if (expected) {
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== expected) throw new ClassifierError(`${file}: sha256 ${actual} khác manifest (${expected})`);
    }
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    return new OnnxTextClassifier(`${entry.name}@${entry.version}`, settings.labels, settings, session);
  }

  async classify(texts: readonly string[]): Promise<Classification[]> {
    if (texts.length === 0) return [];
    const dimensions = this.settings.dimensions;
    const input = new Float32Array(texts.length * dimensions);
    texts.forEach((text, row) => input.set(hashedFeatures(text, dimensions), row * dimensions));
    const inputName = this.session.inputNames[0] ?? 'features';
    const outputName = this.session.outputNames[0] ?? 'probabilities';
    const output = await this.session.run({ [inputName]: new ort.Tensor('float32', input, [texts.length, dimensions]) });
    const probabilities = output[outputName]?.data as Float32Array | undefined;
    if (!probabilities) throw new ClassifierError('mô hình phân loại không trả về xác suất');
    const count = this.labels.length;
    return texts.map((_, row) => {
      const scores: Record<string, number> = {};
      let best = 0;
      for (let index = 0; index < count; index += 1) {
        const value = probabilities[row * count + index] ?? 0;
        scores[this.labels[index] ?? String(index)] = value;
        if (value > (probabilities[row * count + best] ?? 0)) best = index;
      }
      return { label: this.labels[best] ?? '', confidence: probabilities[row * count + best] ?? 0, scores };
    });
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

export const DOCUMENT_CLASSIFIER_NAME = 'doc-classifier';

/** The document-kind classifier listed in `<modelsDir>/manifest.json`, or null when it is not there. */
export async function loadDocumentClassifier(modelsDir: string, name = DOCUMENT_CLASSIFIER_NAME): Promise<OnnxTextClassifier | null> {
  const directory = path.resolve(modelsDir);
  const entry = readModelsDirectory(directory).models.find((model) => model.name === name && model.kind === 'classifier-onnx');
  if (!entry) return null;
  return OnnxTextClassifier.load(directory, entry);
}
