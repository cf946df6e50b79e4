import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { DOCUMENT_KINDS } from '../../src/agents/precheck/index.js';
import { HASHED_FEATURES_ID, hashedFeatures } from '../../src/providers/classifier/index.js';
import { encodeOnnxModel, floatTensor, OnnxDataType } from '../onnx/onnx-writer.js';
import { ConfusionMatrix } from '../../evals/precheck/precheck-metrics.js';
import { Random } from '../../evals/precheck/synthetic/random.js';
import { makeExamples, type Example } from './training-examples.js';

/**
 * Trains the document-kind classifier: multinomial logistic regression (softmax, L2) over hashed
 * folded n-grams, by seeded mini-batch SGD in TypeScript; exports MatMul → Add → Softmax as ONNX,
 * checks onnxruntime gives the same answers, records the model in models/manifest.json and writes a
 * held-out confusion matrix to evals/reports/doc-classifier.{json,md}.
 *   npx tsx scripts/precheck/train-classifier.ts [--seed 20250601] [--per-kind 400] [--dimensions 4096] [--epochs 12]
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const seed = option('--seed', 20250601);
const perKind = option('--per-kind', 400);
const dimensions = option('--dimensions', 4096);
const epochs = option('--epochs', 12);
const l2 = 1e-5;
const sharedDir = path.resolve(process.env.SHARED_DIR ?? path.join(repoRoot, '..', 'shared'));
const labels = [...DOCUMENT_KINDS];
const K = labels.length;

interface Sparse {
  indices: Int32Array;
  values: Float32Array;
  label: number;
}
function sparse(example: Example): Sparse {
  const dense = hashedFeatures(example.text, dimensions);
  const indices: number[] = [];
  const values: number[] = [];
  dense.forEach((value, index) => {
    if (value !== 0) {
      indices.push(index);
      values.push(value);
    }
  });
  return { indices: Int32Array.from(indices), values: Float32Array.from(values), label: labels.indexOf(example.label) };
}

const examples = makeExamples(seed, perKind, existsSync(sharedDir) ? sharedDir : undefined);
const random = new Random(seed + 1);
const order = examples.map((_, index) => index).sort(() => random.next() - 0.5);
const heldOut = new Set(order.filter((_, position) => position % 5 === 0));
const train = examples.filter((_, index) => !heldOut.has(index)).map(sparse);
const test = examples.filter((_, index) => heldOut.has(index));

const weights = new Float32Array(dimensions * K);
const bias = new Float32Array(K);
function scores(row: Sparse): Float32Array {
  const logits = Float32Array.from(bias);
  for (let n = 0; n < row.indices.length; n += 1) {
    const base = (row.indices[n] ?? 0) * K;
    const value = row.values[n] ?? 0;
    for (let k = 0; k < K; k += 1) logits[k] = (logits[k] ?? 0) + (weights[base + k] ?? 0) * value;
  }
  const max = Math.max(...logits);
  let sum = 0;
  for (let k = 0; k < K; k += 1) {
    logits[k] = Math.exp((logits[k] ?? 0) - max);
    sum += logits[k] ?? 0;
  }
  for (let k = 0; k < K; k += 1) logits[k] = (logits[k] ?? 0) / sum;
  return logits;
}

const started = performance.now();
for (let epoch = 0; epoch < epochs; epoch += 1) {
  const rate = 0.5 / (1 + epoch * 0.3);
  const shuffled = train.map((_, index) => index).sort(() => random.next() - 0.5);
  let loss = 0;
  for (const index of shuffled) {
    const row = train[index] as Sparse;
    const probabilities = scores(row);
    loss -= Math.log(Math.max(1e-9, probabilities[row.label] ?? 0));
    for (let k = 0; k < K; k += 1) {
      const gradient = (probabilities[k] ?? 0) - (k === row.label ? 1 : 0);
      bias[k] = (bias[k] ?? 0) - rate * gradient;
      for (let n = 0; n < row.indices.length; n += 1) {
        const position = (row.indices[n] ?? 0) * K + k;
        weights[position] = (weights[position] ?? 0) * (1 - rate * l2) - rate * gradient * (row.values[n] ?? 0);
      }
    }
  }
  console.log(`epoch ${epoch + 1}/${epochs}: loss ${(loss / train.length).toFixed(4)}`);
}

const model = encodeOnnxModel({
  graphName: 'doc_classifier',
  producerName: 'tro-ly-so scripts/precheck/train-classifier.ts',
  producerVersion: '1.0.0',
  opsetVersion: 13,
  nodes: [
    { opType: 'MatMul', inputs: ['features', 'weights'], outputs: ['logits_raw'] },
    { opType: 'Add', inputs: ['logits_raw', 'bias'], outputs: ['logits'] },
    { opType: 'Softmax', inputs: ['logits'], outputs: ['probabilities'], attributes: { axis: 1 } },
  ],
  inputs: [{ name: 'features', dataType: OnnxDataType.FLOAT, shape: ['batch', dimensions] }],
  outputs: [{ name: 'probabilities', dataType: OnnxDataType.FLOAT, shape: ['batch', K] }],
  initializers: [floatTensor('weights', [dimensions, K], weights), floatTensor('bias', [K], bias)],
  metadata: { labels: labels.join(','), features: HASHED_FEATURES_ID },
});

const modelDir = path.join(repoRoot, 'models', 'doc-classifier');
mkdirSync(modelDir, { recursive: true });
writeFileSync(path.join(modelDir, 'model.onnx'), model);

// held-out evaluation through onnxruntime, the way the service runs it
const session = await ort.InferenceSession.create(model);
const confusion = new ConfusionMatrix(labels);
const batch = new Float32Array(test.length * dimensions);
test.forEach((example, row) => batch.set(hashedFeatures(example.text, dimensions), row * dimensions));
const output = await session.run({ features: new ort.Tensor('float32', batch, [test.length, dimensions]) });
const probabilities = output.probabilities?.data as Float32Array;
let agree = 0;
test.forEach((example, row) => {
  let best = 0;
  for (let k = 1; k < K; k += 1) if ((probabilities[row * K + k] ?? 0) > (probabilities[row * K + best] ?? 0)) best = k;
  confusion.add(example.label, labels[best] ?? '');
  const typescript = scores(sparse(example));
  if (Math.abs((typescript[best] ?? 0) - (probabilities[row * K + best] ?? 0)) < 1e-4) agree += 1;
});
if (agree !== test.length) throw new Error(`onnxruntime and the TypeScript model disagree on ${test.length - agree} examples`);
const accuracy = Math.round(confusion.accuracy() * 1000) / 1000;

const sha256 = createHash('sha256').update(model).digest('hex');
const command = `npx tsx scripts/precheck/train-classifier.ts --seed ${seed} --per-kind ${perKind} --dimensions ${dimensions} --epochs ${epochs}`;
const manifestFile = path.join(repoRoot, 'models', 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { models: { name: string }[] };
const entry = {
  name: 'doc-classifier',
  version: '1.0.0',
  kind: 'classifier-onnx',
  default: false,
  license: 'Built by this project and distributed with it. Trained on documents the project generates (evals/precheck/synthetic, synthetic people) and, for the "other" class, passages of the public laws in shared/corpora/laws; no third-party model weights.',
  made: `Multinomial logistic regression (softmax, L2 ${l2}) over ${dimensions} hashed folded syllable/bigram/character-trigram features (${HASHED_FEATURES_ID}), seeded SGD for ${epochs} epochs on ${train.length} generated examples (${perKind} per kind, OCR-like roughening, titles garbled or removed in 60%); held-out accuracy ${accuracy} on ${test.length} examples (evals/reports/doc-classifier.md).`,
  rebuild: command,
  build: { seed, perKind, dimensions, epochs, trainExamples: train.length, heldOutExamples: test.length, heldOutAccuracy: accuracy },
  settings: { features: HASHED_FEATURES_ID, dimensions, labels, model: 'doc-classifier/model.onnx' },
  files: [{ path: 'doc-classifier/model.onnx', bytes: model.length, sha256 }],
};
manifest.models = [...manifest.models.filter((candidate) => candidate.name !== entry.name), entry];
writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

const report = { command, date: new Date().toISOString(), trainExamples: train.length, heldOutExamples: test.length, heldOutAccuracy: accuracy, seconds: Math.round((performance.now() - started) / 100) / 10, confusion: confusion.toJson() };
writeFileSync(path.join(repoRoot, 'evals', 'reports', 'doc-classifier.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(
  path.join(repoRoot, 'evals', 'reports', 'doc-classifier.md'),
  `# Document-kind classifier (held-out split)\n\nCommand: \`${command}\` · ${report.date}\n\n${train.length} training / ${test.length} held-out generated examples (every fifth example of a seeded shuffle is held out). Held-out accuracy through onnxruntime-node: **${accuracy}**. In the service the classifier is consulted only when no title/form-code rule fires; the end-to-end figure is in precheck.md.\n\n${confusion.toMarkdown()}\n`,
);
console.log(`held-out accuracy ${accuracy} (${test.length} examples); model ${model.length} bytes, sha256 ${sha256}`);
