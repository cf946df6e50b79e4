/**
 * Rebuilds the project's default embedding model from the shared corpora, deterministically:
 *
 *   npx tsx scripts/embedding/build-model.ts [--dimensions 128] [--vocabulary 30000] [--contexts 4096]
 *       [--window 5] [--seed 20240601] [--exponent 0] [--bigram-weight 2] [--min-count 5] [--contexts-kind syllables|passages]
 *
 * 1. text → folded syllables + in-phrase bigrams (src/providers/embedding/static-tokenizer.ts);
 * 2. vocabulary: every syllable seen ≥ min-count times, then the most frequent bigrams, up to the size;
 *    idf from passages of about chunk size;
 * 3. a term × context matrix (scripts/embedding/cooccurrence.ts): PPMI of co-occurrence with the
 *    context syllables within ±window on a line (`syllables`), or log-tf·idf per passage (`passages`, LSI);
 * 4. randomised truncated SVD → term vectors U·Σ^exponent, unit rows (exponent 0 measured best, Levy et al.
 *    report the same);
 * 5. the direction shared by all texts (first principal component of passage vectors, as in SIF) is
 *    removed from every term vector, so similarity reflects topic rather than "is Vietnamese legal text";
 * 6. int8 rows + per-row scale → models/<name>/model.onnx (built by scripts/embedding/static-graph.ts)
 *    and models/<name>/vocab.tsv; models/manifest.json gets name, version, sha256, how it was made.
 * The shared corpora are read by path (SHARED_DIR, default <repo>/../shared), never copied.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { encodeStatic, foldedPhrases, formatVocabulary, STATIC_TOKENIZER_ID } from '../../src/providers/embedding/static-tokenizer.js';
import { readManifest, type ManifestEntry } from '../../src/providers/embedding/model-manifest.js';
import { passageContextMatrix, syllableContextMatrix } from './cooccurrence.js';
import { randomizedSvd } from './ppmi-svd.js';
import { buildStaticEmbeddingOnnx, quantizeRows } from './static-graph.js';
import { readTrainingCorpus } from './training-corpus.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODEL_NAME = 'vi-static-ppmi-svd';
const MODEL_VERSION = '1.0.0';

const { values: flags } = parseArgs({
  options: {
    dimensions: { type: 'string', default: '128' },
    vocabulary: { type: 'string', default: '30000' },
    contexts: { type: 'string', default: '4096' },
    window: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20240601' },
    exponent: { type: 'string', default: '0' },
    'bigram-weight': { type: 'string', default: '2' },
    'min-count': { type: 'string', default: '5' },
    'contexts-kind': { type: 'string', default: 'syllables' },
    'models-dir': { type: 'string', default: path.join(repoRoot, 'models') },
    name: { type: 'string', default: MODEL_NAME },
  },
});
const parameters = {
  dimensions: Number(flags.dimensions),
  vocabulary: Number(flags.vocabulary),
  contexts: Number(flags.contexts),
  window: Number(flags.window),
  seed: Number(flags.seed),
  exponent: Number(flags.exponent),
  minCount: Number(flags['min-count']),
  contextKind: flags['contexts-kind'] === 'passages' ? ('passages' as const) : ('syllables' as const),
  contextSmoothing: 0.75,
  powerIterations: 3,
  oversample: 16,
  bigramWeight: Number(flags['bigram-weight']),
};
const modelsDir = path.resolve(flags['models-dir']);
const modelName = flags.name;
const sharedDir = path.resolve(process.env.SHARED_DIR ?? path.join(repoRoot, '..', 'shared'));

const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}`);

const corpus = await readTrainingCorpus(sharedDir);
log(`corpus: ${corpus.lines.length} distinct lines, ${corpus.blocks.length} passages from ${corpus.sources.map((s) => `${s.files} ${s.name}`).join(', ')}`);

// 1–2. term counts, passage frequencies, vocabulary
const lineSyllables: string[][][] = corpus.lines.map((line) => foldedPhrases(line));
const termCount = new Map<string, number>();
for (const phrases of lineSyllables) {
  for (const phrase of phrases) {
    for (let index = 0; index < phrase.length; index++) {
      termCount.set(phrase[index]!, (termCount.get(phrase[index]!) ?? 0) + 1);
      if (index + 1 < phrase.length) {
        const bigram = `${phrase[index]!} ${phrase[index + 1]!}`;
        termCount.set(bigram, (termCount.get(bigram) ?? 0) + 1);
      }
    }
  }
}
const byFrequency = (left: [string, number], right: [string, number]) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1);
const frequent = [...termCount].filter(([, count]) => count >= parameters.minCount).sort(byFrequency);
const unigrams = frequent.filter(([term]) => !term.includes(' '));
const bigrams = frequent.filter(([term]) => term.includes(' '));
const terms = [...unigrams, ...bigrams].slice(0, parameters.vocabulary - 1).map(([term]) => term);
const termId = new Map(terms.map((term, index) => [term, index + 1] as const));
const vocabularySize = terms.length + 1;
log(`vocabulary: ${vocabularySize} ids (${Math.min(unigrams.length, terms.length)} syllables, ${Math.max(0, terms.length - unigrams.length)} bigrams; ${termCount.size} distinct terms seen)`);

const documentFrequency = new Float64Array(vocabularySize);
for (const block of corpus.blocks) {
  const present = new Set<number>();
  for (const phrase of foldedPhrases(block)) {
    for (let index = 0; index < phrase.length; index++) {
      const unigram = termId.get(phrase[index]!);
      if (unigram) present.add(unigram);
      if (index + 1 < phrase.length) {
        const bigram = termId.get(`${phrase[index]!} ${phrase[index + 1]!}`);
        if (bigram) present.add(bigram);
      }
    }
  }
  for (const id of present) documentFrequency[id]!++;
}
const passages = corpus.blocks.length;
const idf = Float32Array.from(documentFrequency, (df) => Math.log(1 + (passages - df + 0.5) / (df + 0.5)));
idf[0] = 0;

// 3–4. term × context matrix → SVD → unit term vectors
const contextSyllables = unigrams.slice(0, parameters.contexts).map(([term]) => term);
const matrix =
  parameters.contextKind === 'passages'
    ? passageContextMatrix(corpus.blocks, termId, vocabularySize, idf)
    : syllableContextMatrix(lineSyllables, termId, vocabularySize, contextSyllables, parameters.window, parameters.contextSmoothing);
const contexts = matrix.columns;
log(`${parameters.contextKind === 'passages' ? 'log-tf·idf term × passage' : 'PPMI term × syllable'} matrix: ${vocabularySize} × ${contexts}, ${matrix.value.length} entries`);
const svd = randomizedSvd(matrix, parameters.dimensions, {
  seed: parameters.seed,
  powerIterations: parameters.powerIterations,
  oversample: parameters.oversample,
});
log(`SVD: top singular values ${Array.from(svd.singularValues.slice(0, 4), (value) => value.toFixed(1)).join(', ')}`);
const dimensions = parameters.dimensions;
const vectors = new Float32Array(vocabularySize * dimensions);
for (let row = 1; row < vocabularySize; row++) {
  let norm = 0;
  for (let k = 0; k < dimensions; k++) {
    const value = svd.u[row * dimensions + k]! * Math.pow(svd.singularValues[k]!, parameters.exponent);
    vectors[row * dimensions + k] = value;
    norm += value * value;
  }
  norm = Math.sqrt(norm);
  for (let k = 0; k < dimensions; k++) vectors[row * dimensions + k] = norm > 0 ? vectors[row * dimensions + k]! / norm : 0;
}

// 5. remove the direction every passage shares (power iteration on Σ t tᵀ over passage vectors)
const passageVectors: Float32Array[] = [];
const vocabulary = { ids: termId, idf };
for (const block of corpus.blocks) {
  // the runtime's own encoding, so the removed direction is the one runtime vectors share
  const encoded = encodeStatic(block, vocabulary, parameters.bigramWeight);
  const vector = new Float32Array(dimensions);
  encoded.ids.forEach((id, index) => {
    const weight = encoded.weights[index]!;
    for (let k = 0; k < dimensions; k++) vector[k]! += weight * vectors[id * dimensions + k]!;
  });
  let norm = 0;
  for (let k = 0; k < dimensions; k++) norm += vector[k]! ** 2;
  if (norm === 0) continue;
  for (let k = 0; k < dimensions; k++) vector[k]! /= Math.sqrt(norm);
  passageVectors.push(vector);
}
let common: Float64Array = new Float64Array(dimensions).fill(1 / Math.sqrt(dimensions));
for (let iteration = 0; iteration < 50; iteration++) {
  const next = new Float64Array(dimensions);
  for (const vector of passageVectors) {
    let projection = 0;
    for (let k = 0; k < dimensions; k++) projection += vector[k]! * common[k]!;
    for (let k = 0; k < dimensions; k++) next[k]! += projection * vector[k]!;
  }
  const norm = Math.sqrt(next.reduce((sum, value) => sum + value * value, 0));
  common = next.map((value) => value / norm);
}
let sharedVariance = 0;
for (const vector of passageVectors) {
  let projection = 0;
  for (let k = 0; k < dimensions; k++) projection += vector[k]! * common[k]!;
  sharedVariance += projection * projection;
}
log(`common direction explains ${((100 * sharedVariance) / passageVectors.length).toFixed(1)} % of passage vector energy; removed`);
for (let row = 1; row < vocabularySize; row++) {
  let projection = 0;
  for (let k = 0; k < dimensions; k++) projection += vectors[row * dimensions + k]! * common[k]!;
  for (let k = 0; k < dimensions; k++) vectors[row * dimensions + k]! -= projection * common[k]!;
}

// 6. export
const { table, rowScale } = quantizeRows(vectors, vocabularySize, dimensions);
const onnx = buildStaticEmbeddingOnnx({
  vocabularySize,
  dimensions,
  table,
  rowScale,
  producerVersion: MODEL_VERSION,
  metadata: { tokenizer: STATIC_TOKENIZER_ID, model: `${modelName}@${MODEL_VERSION}` },
});
const vocabularyFile = formatVocabulary(terms.map((term, index) => ({ term, idf: idf[index + 1]! })));
const modelDir = path.join(modelsDir, modelName);
fs.mkdirSync(modelDir, { recursive: true });
fs.writeFileSync(path.join(modelDir, 'model.onnx'), onnx);
fs.writeFileSync(path.join(modelDir, 'vocab.tsv'), vocabularyFile);
const buildSeconds = Math.round((performance.now() - started) / 100) / 10;

const fileEntry = (relative: string) => {
  const bytes = fs.readFileSync(path.join(modelsDir, relative));
  return { path: relative, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
};
const files = [fileEntry(`${modelName}/model.onnx`), fileEntry(`${modelName}/vocab.tsv`)];
const entry: ManifestEntry = {
  name: modelName,
  version: MODEL_VERSION,
  kind: 'static-onnx',
  default: true,
  dimensions,
  license:
    'Built by this project and distributed with it. Term statistics derived from public Vietnamese legal texts and public administrative-procedure records (see shared/corpora/SOURCES.md); no third-party model weights.',
  made: `${
    parameters.contextKind === 'passages'
      ? 'Latent semantic indexing: log(1+tf)·idf term × passage matrix'
      : `PPMI (context smoothing ${parameters.contextSmoothing}) of term × context-syllable co-occurrence within ±${parameters.window} on a line`
  } over the shared laws, national TTHC records (raw_text, boilerplate lines once) and provincial procedure .doc files; randomised truncated SVD (seed ${parameters.seed}); term vectors U·Σ^${parameters.exponent}, unit length, common passage direction removed; int8 rows with per-row scale; text vector = idf·(1+ln tf)-weighted sum of term vectors, L2-normalised, computed by the ONNX graph.`,
  rebuild: `npx tsx scripts/embedding/build-model.ts --name ${modelName} --dimensions ${parameters.dimensions} --vocabulary ${parameters.vocabulary} --contexts ${parameters.contexts} --window ${parameters.window} --seed ${parameters.seed} --exponent ${parameters.exponent} --min-count ${parameters.minCount} --bigram-weight ${parameters.bigramWeight} --contexts-kind ${parameters.contextKind}`,
  settings: { tokenizer: STATIC_TOKENIZER_ID, bigramWeight: parameters.bigramWeight, vocabulary: `${modelName}/vocab.tsv`, model: `${modelName}/model.onnx` },
  build: {
    parameters,
    vocabularySize,
    syllables: Math.min(unigrams.length, terms.length),
    bigrams: Math.max(0, terms.length - unigrams.length),
    contexts,
    matrixEntries: matrix.value.length,
    passages,
    sources: corpus.sources,
    buildSeconds,
    machine: `${process.platform}-${process.arch}, node ${process.version}`,
  },
  files,
};
const manifestPath = path.join(modelsDir, 'manifest.json');
const existing = fs.existsSync(manifestPath) ? readManifest(manifestPath).models : [];
const models = [...existing.filter((model) => model.name !== modelName).map((model) => (entry.default ? { ...model, default: false } : model)), entry];
fs.writeFileSync(manifestPath, JSON.stringify({ models }, null, 2) + '\n');
log(`wrote ${modelDir} (${files.map((file) => `${file.path} ${(file.bytes / 1048576).toFixed(2)} MiB`).join(', ')}) and manifest.json in ${buildSeconds} s`);
