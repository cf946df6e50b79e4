/**
 * What the dense leg can add: dense-only retrieval quality, a fixed lexical reference and their
 * reciprocal-rank fusion on the dev sets, plus embedding throughput and query latency.
 *
 *   npx tsx evals/embedding/embedding.eval.ts [--model NAME] [--legal FILE] [--routing FILE] [--report NAME]
 *
 * --model: a name in models/manifest.json or a dropped-in folder (default: the manifest's default).
 * Writes evals/reports/<report>.{json,md} (default `embedding`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { removeDiacritics } from '../../src/ingest/normalize/index.js';
import { cosineTopK, createEmbeddingModel, dot, embedInBatches, VectorMatrix, type EmbeddingModel } from '../../src/providers/embedding/index.js';
import { legalPassages, provincialPassages, readJsonLines, SHARED_DIR, type EvalPassage, type LegalQuestion, type RoutingQuestion } from './eval-corpus.js';
import { renderMarkdown, type EmbeddingReport } from './embedding-report.js';
import { ReferenceBm25 } from './reference-bm25.js';
import { collapse, firstRank, mean, percentile, recallAt, reciprocalRankAt, reciprocalRankFusion } from './retrieval-metrics.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: flags } = parseArgs({
  options: {
    model: { type: 'string' },
    legal: { type: 'string', default: path.join(SHARED_DIR, 'eval', 'legal-retrieval', 'dev.jsonl') },
    routing: { type: 'string', default: path.join(SHARED_DIR, 'eval', 'procedure-routing', 'dev.jsonl') },
    report: { type: 'string', default: 'embedding' },
    'models-dir': { type: 'string', default: path.join(repoRoot, 'models') },
  },
});

const CANDIDATES = 200;
const modelsDir = path.resolve(flags['models-dir']);
const loadStarted = performance.now();
const model = await createEmbeddingModel({ modelsDir, ...(flags.model ? { model: flags.model } : {}) });
const loadSeconds = (performance.now() - loadStarted) / 1000;
if (!model) {
  console.error('Không có mô hình nhúng nào (EMBEDDING_MODEL=none hoặc models/manifest.json không có mô hình mặc định).');
  process.exit(1);
}

interface PreparedSet {
  passages: EvalPassage[];
  matrix: VectorMatrix;
  bm25: ReferenceBm25;
  embedSeconds: number;
}

async function prepare(embeddingModel: EmbeddingModel, passages: EvalPassage[]): Promise<PreparedSet> {
  const texts = passages.map((passage) => passage.text);
  const started = performance.now();
  const vectors = await embedInBatches(embeddingModel, texts, { kind: 'passage' });
  const embedSeconds = (performance.now() - started) / 1000;
  return { passages, matrix: new VectorMatrix(embeddingModel.dimensions, vectors), bm25: new ReferenceBm25(texts), embedSeconds };
}

/** Dense weight in reciprocal-rank fusion with the lexical reference (lexical weight 1). */
const FUSION_WEIGHTS = [1, 0.5, 0.25] as const;
/** λ in score fusion: lexical score / best lexical score + λ · cosine. */
const SCORE_WEIGHTS = [0.5, 0.25, 0.1] as const;
const legs = ['dense', 'lexical', ...FUSION_WEIGHTS.map((weight) => `rrf dense×${weight}`), ...SCORE_WEIGHTS.map((weight) => `score dense×${weight}`)];

interface QueryRun {
  rankings: Record<string, number[]>;
  denseStripped: number[];
  milliseconds: number;
}

async function runQuery(set: PreparedSet, question: string): Promise<QueryRun> {
  const started = performance.now();
  const [vector] = await model!.embed([question], { kind: 'query' });
  const dense = cosineTopK(set.matrix, vector!, CANDIDATES).map((hit) => hit.index);
  const milliseconds = performance.now() - started;
  const lexicalHits = set.bm25.scored(question, CANDIDATES);
  const lexical = lexicalHits.map((hit) => hit.index);
  const [stripped] = await model!.embed([removeDiacritics(question)], { kind: 'query' });
  const denseStripped = cosineTopK(set.matrix, stripped!, 1).map((hit) => hit.index);
  const rankings: Record<string, number[]> = { dense, lexical };
  for (const weight of FUSION_WEIGHTS) rankings[`rrf dense×${weight}`] = reciprocalRankFusion([dense, lexical], [weight, 1]).slice(0, CANDIDATES);
  const best = lexicalHits[0]?.score ?? 1;
  const lexicalScore = new Map(lexicalHits.map((hit) => [hit.index, hit.score / best]));
  const candidates = [...new Set([...lexical, ...dense])];
  const cosines = new Map(candidates.map((index) => [index, dot(set.matrix.data.subarray(index * set.matrix.dimensions, (index + 1) * set.matrix.dimensions), vector!)]));
  for (const weight of SCORE_WEIGHTS) {
    const score = (index: number) => (lexicalScore.get(index) ?? 0) + weight * cosines.get(index)!;
    rankings[`score dense×${weight}`] = [...candidates].sort((left, right) => score(right) - score(left) || left - right);
  }
  return { rankings, denseStripped, milliseconds };
}

interface SetSpec {
  /** Unit key of a passage: what the gold names. */
  keyOf: (index: number) => string;
  /** Metric name → value for one question, from the collapsed ranking. */
  measures: Record<string, (ranked: string[], gold: ReadonlySet<string>) => number>;
  /** The lexical reference "misses" beyond this rank; dense "rescues" within it. */
  rescueDepth: number;
}

async function evaluateSet(set: PreparedSet, questions: { id: string; question: string; gold: ReadonlySet<string> }[], spec: SetSpec) {
  const values: Record<string, Record<string, number[]>> = Object.fromEntries(legs.map((leg) => [leg, Object.fromEntries(Object.keys(spec.measures).map((name) => [name, [] as number[]]))]));
  const latencies: number[] = [];
  let agreement = 0;
  let denseRescues = 0;
  const perQuestion: { id: string; ranks: Record<string, number | null> }[] = [];
  for (const question of questions) {
    const run = await runQuery(set, question.question);
    latencies.push(run.milliseconds);
    const ranks: Record<string, number | null> = {};
    for (const leg of legs) {
      const ranked = collapse(run.rankings[leg]!, spec.keyOf);
      for (const [name, measure] of Object.entries(spec.measures)) values[leg]![name]!.push(measure(ranked, question.gold));
      ranks[leg] = firstRank(ranked, question.gold) ?? null;
    }
    if ((ranks.lexical ?? Infinity) > spec.rescueDepth && (ranks.dense ?? Infinity) <= spec.rescueDepth) denseRescues++;
    const [top] = run.rankings.dense!;
    const [strippedTop] = run.denseStripped;
    if (top !== undefined && strippedTop !== undefined && spec.keyOf(top) === spec.keyOf(strippedTop)) agreement++;
    perQuestion.push({ id: question.id, ranks });
  }
  const metrics = Object.fromEntries(legs.map((leg) => [leg, Object.fromEntries(Object.entries(values[leg]!).map(([name, list]) => [name, mean(list)]))]));
  return { questions: questions.length, metrics, latencies, diacriticsAgreement: agreement / questions.length, denseRescues, perQuestion };
}

function evaluateLegal(set: PreparedSet, questions: LegalQuestion[]) {
  return evaluateSet(
    set,
    questions.map((question) => ({ id: question.id, question: question.question, gold: new Set(question.gold.map((item) => `${item.law}#${item.article}`)) })),
    {
      keyOf: (index) => `${set.passages[index]!.document}#${set.passages[index]!.unit}`,
      measures: {
        'R@1': (ranked, gold) => recallAt(ranked, gold, 1),
        'R@5': (ranked, gold) => recallAt(ranked, gold, 5),
        'R@10': (ranked, gold) => recallAt(ranked, gold, 10),
        'MRR@10': (ranked, gold) => reciprocalRankAt(ranked, gold, 10),
      },
      rescueDepth: 10,
    },
  );
}

function evaluateRouting(set: PreparedSet, questions: RoutingQuestion[]) {
  return evaluateSet(
    set,
    // the title is the unit: files that hold the same procedure both count
    questions.map((question) => ({ id: question.id, question: question.question, gold: new Set([question.gold.title]) })),
    {
      keyOf: (index) => set.passages[index]!.unit,
      measures: {
        'hit@1': (ranked, gold) => recallAt(ranked, gold, 1),
        'hit@3': (ranked, gold) => recallAt(ranked, gold, 3),
        'MRR@10': (ranked, gold) => reciprocalRankAt(ranked, gold, 10),
      },
      rescueDepth: 3,
    },
  );
}

const started = performance.now();
const legal = await prepare(model, await legalPassages());
const routing = await prepare(model, await provincialPassages());
const legalResult = await evaluateLegal(legal, readJsonLines<LegalQuestion>(flags.legal));
const routingResult = await evaluateRouting(routing, readJsonLines<RoutingQuestion>(flags.routing));
const allLatencies = [...legalResult.latencies, ...routingResult.latencies];
const passages = legal.passages.length + routing.passages.length;
const passageCharacters = [...legal.passages, ...routing.passages].reduce((sum, passage) => sum + passage.text.length, 0);
const embedSeconds = legal.embedSeconds + routing.embedSeconds;

const report: EmbeddingReport = {
  generatedAt: new Date().toISOString(),
  command: `npx tsx evals/embedding/embedding.eval.ts${flags.model ? ` --model ${flags.model}` : ''}`,
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
  model: { id: model.modelId, dimensions: model.dimensions, maxBatch: model.maxBatch, loadSeconds },
  throughput: {
    passages,
    characters: passageCharacters,
    seconds: embedSeconds,
    textsPerSecond: passages / embedSeconds,
    charactersPerSecond: passageCharacters / embedSeconds,
  },
  queryLatencyMs: { p50: percentile(allLatencies, 50), p95: percentile(allLatencies, 95), includes: 'embedding one query + exact cosine top-200 over the set' },
  legal: { ...legalResult, passages: legal.passages.length, latencies: undefined },
  routing: { ...routingResult, passages: routing.passages.length, latencies: undefined },
  totalSeconds: (performance.now() - started) / 1000,
};
await model.close();

const reportsDir = path.join(repoRoot, 'evals', 'reports');
fs.mkdirSync(reportsDir, { recursive: true });
fs.writeFileSync(path.join(reportsDir, `${flags.report}.json`), JSON.stringify(report, null, 2) + '\n');
fs.writeFileSync(path.join(reportsDir, `${flags.report}.md`), renderMarkdown(report));
console.log(renderMarkdown(report));
