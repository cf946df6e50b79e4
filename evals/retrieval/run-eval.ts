/**
 * Retrieval evaluation: our search service and the peer libraries on the same passages,
 * same machine, same questions.
 *
 *   npm run eval -- legal-retrieval | procedure-routing | all
 *     [--questions FILE]              other questions in the dev-set format (held-out sets)
 *     [--corpus laws,provincial,national]   what is indexed (default: the whole shared corpus)
 *     [--peers minisearch,orama,langchain,langchain-vector | none]   (default: all four)
 *     [--peer-sample N]               peers answer every N-th question (default 3; LangChain
 *                                     re-scores every passage per query, so it answers every
 *                                     max(N, 20)-th); our figures are also given on that sample
 *     [--ablation]                    also run the ablation table (rebuilds the index 4 times)
 *     [--limit N]                     first N questions only (smoke run: writes <set>.smoke.*)
 *     [--api URL]                     ask a running service through POST /v1/search instead
 *                                     (its database corpus; writes <set>.api.*; see api-eval.ts)
 *
 * Writes evals/reports/<set>.json and .md (figures and question ids only, no corpus text).
 */
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_RETRIEVAL_CONFIG, SearchService, type Passage, type SearchFilters } from '../../src/retrieval/index.js';
import { runAblation, type AblationRow } from './ablation.js';
import { runApiEvaluation } from './api-eval.js';
import { loadQuestions, SET_NAMES, type SetName } from './datasets.js';
import { evaluate, type EvalOutcome, type Retriever } from './evaluate.js';
import { sameQuestionCeiling, summarize } from './metrics.js';
import { createEmbeddingModel } from '../../src/providers/embedding/index.js';
import { langChainPeer, langChainVectorPeer, miniSearchPeer, oramaPeer } from './peers.js';
import { REPO_ROOT } from './shared-corpus.source.js';
import { writeSetReport, type PeerRow, type SetReport } from './report.js';
import { sharedCorpus, type SharedCorpusOptions } from './shared-corpus.source.js';

/** The candidate set each task is defined over, passed as the API's `kind` filter. */
export const TASK_FILTERS: Record<SetName, SearchFilters> = {
  'legal-retrieval': { kind: ['Luật', 'Bộ luật', 'Hiến pháp'] },
  'procedure-routing': { kind: 'Quy trình nội bộ' },
};

interface Options {
  sets: SetName[];
  questionsFile?: string;
  corpus: SharedCorpusOptions;
  peers: string[];
  peerSample: number;
  ablation: boolean;
  limit?: number;
  api?: string;
}

function parseArguments(argv: readonly string[]): Options {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at === -1 ? undefined : argv[at + 1];
  };
  const withValue = new Set(['--questions', '--corpus', '--peers', '--peer-sample', '--limit', '--api']);
  const positional = argv.filter((arg, i) => !arg.startsWith('--') && !(i > 0 && withValue.has(argv[i - 1]!)));
  const target = positional[0] ?? 'all';
  if (target !== 'all' && !SET_NAMES.includes(target as SetName)) {
    console.error(`Tập đánh giá không hợp lệ: ${target}. Dùng: ${SET_NAMES.join(' | ')} | all`);
    process.exit(2);
  }
  const corpus = value('--corpus')?.split(',');
  const peers = value('--peers');
  const options: Options = {
    sets: target === 'all' ? [...SET_NAMES] : [target as SetName],
    corpus: corpus ? { laws: corpus.includes('laws'), provincial: corpus.includes('provincial'), national: corpus.includes('national') } : {},
    peers: peers === undefined ? ['minisearch', 'orama', 'langchain', 'langchain-vector'] : peers === 'none' ? [] : peers.split(','),
    peerSample: Math.max(1, Number(value('--peer-sample') ?? 3)),
    ablation: argv.includes('--ablation'),
  };
  const questionsFile = value('--questions');
  if (questionsFile) options.questionsFile = questionsFile;
  const limit = value('--limit');
  if (limit) options.limit = Number(limit);
  const api = value('--api');
  if (api) options.api = api;
  if (options.questionsFile && options.sets.length > 1) {
    console.error('--questions cần chỉ rõ một tập (legal-retrieval hoặc procedure-routing).');
    process.exit(2);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  if (options.api) {
    for (const set of options.sets) {
      let questions = loadQuestions(set, options.questionsFile);
      if (options.limit) questions = questions.slice(0, options.limit);
      console.log(`Report: ${await runApiEvaluation(set, questions, options.api, TASK_FILTERS[set], options.limit !== undefined)}`);
    }
    return;
  }
  const source = sharedCorpus(options.corpus);
  let started = performance.now();
  const passages: Passage[] = [];
  for await (const passage of source.passages()) passages.push(passage);
  const loadSeconds = (performance.now() - started) / 1000;
  console.log(`Corpus: ${passages.length} passages from ${new Set(passages.map((passage) => passage.document.id)).size} documents (${loadSeconds.toFixed(1)} s)`);

  started = performance.now();
  const service = new SearchService(DEFAULT_RETRIEVAL_CONFIG);
  for (const passage of passages) service.add(passage);
  service.search('khởi động', { k: 1 });
  const buildSeconds = (performance.now() - started) / 1000;
  console.log(`Our index: ${buildSeconds.toFixed(1)} s, ${(service.indexBytes / 1e6).toFixed(0)} MB postings, ${service.vocabularySize} terms`);

  const peerBuilds: Array<{ name: string; seconds: number; retriever: (filters: SearchFilters) => Retriever; sampleEvery: number }> = [];
  if (options.peers.includes('minisearch')) {
    started = performance.now();
    const peer = miniSearchPeer(passages);
    peer.build();
    peerBuilds.push({ name: 'MiniSearch', seconds: (performance.now() - started) / 1000, retriever: (filters) => peer.retriever(kindsOf(filters)), sampleEvery: options.peerSample });
  }
  if (options.peers.includes('orama')) {
    started = performance.now();
    const peer = oramaPeer(passages);
    await peer.build();
    peerBuilds.push({ name: 'Orama', seconds: (performance.now() - started) / 1000, retriever: (filters) => peer.retriever(kindsOf(filters)), sampleEvery: options.peerSample });
  }
  if (options.peers.includes('langchain')) {
    const peer = langChainPeer(passages);
    peerBuilds.push({ name: 'LangChain BM25Retriever', seconds: 0, retriever: (filters) => peer.retriever(kindsOf(filters)), sampleEvery: Math.max(options.peerSample, 20) });
  }
  if (options.peers.includes('langchain-vector')) {
    const model = await createEmbeddingModel({ modelsDir: path.join(REPO_ROOT, 'models'), model: '' });
    if (model) {
      started = performance.now();
      const peer = langChainVectorPeer(passages, model);
      await peer.build();
      peerBuilds.push({ name: 'LangChain MemoryVectorStore', seconds: (performance.now() - started) / 1000, retriever: (filters) => peer.retriever(kindsOf(filters)), sampleEvery: options.peerSample });
    }
  }
  for (const peer of peerBuilds) console.log(`${peer.name}: built in ${peer.seconds.toFixed(1)} s`);

  for (const set of options.sets) {
    let questions = loadQuestions(set, options.questionsFile);
    if (options.limit) questions = questions.slice(0, options.limit);
    const filters = TASK_FILTERS[set];
    const ours: Retriever = { name: 'ours', search: (query, k) => service.search(query, { k, filters }) };
    // Warm-up so the first measured queries do not pay for JIT compilation.
    for (const question of questions.slice(0, 20)) ours.search(question.query, 10);
    const main = await evaluate(ours, questions, { diacritics: true });
    const unfiltered = await evaluate({ name: 'ours, no kind filter', search: (query, k) => service.search(query, { k }) }, questions);
    printOutcome(set, main);
    printOutcome(`${set} (no kind filter)`, unfiltered);

    const peers: PeerRow[] = [];
    for (const peer of peerBuilds) {
      const sample = questions.filter((_, i) => i % peer.sampleEvery === 0);
      const outcome = await evaluate(peer.retriever(filters), sample);
      const sampleIds = new Set(sample.map((question) => question.id));
      const oursOnSample = summarize(main.outcomes.filter((item) => sampleIds.has(item.id)).map((item) => item.rank));
      peers.push({ name: peer.name, buildSeconds: peer.seconds, sampleEvery: peer.sampleEvery, outcome, oursOnSample });
      printOutcome(`${set} ${peer.name} (1 question in ${peer.sampleEvery})`, outcome);
    }

    let ablation: AblationRow[] | undefined;
    if (options.ablation) ablation = await runAblation(set, passages, questions, filters);

    const report: SetReport = {
      set,
      questionsFile: options.questionsFile ?? 'dev.jsonl',
      command: `npm run eval -- ${process.argv.slice(2).join(' ')}`.trim(),
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', loadAverage: os.loadavg(), node: process.version },
      corpus: { description: source.description, passages: passages.length, documents: new Set(passages.map((passage) => passage.document.id)).size, loadSeconds },
      index: { buildSeconds, postingsBytes: service.indexBytes, terms: service.vocabularySize },
      filters,
      config: DEFAULT_RETRIEVAL_CONFIG,
      ours: main,
      unfiltered,
      ceiling: sameQuestionCeiling(questions),
      peers,
      ...(ablation ? { ablation } : {}),
    };
    // A run on the first N questions only is a smoke run: it must not overwrite the real report.
    const files = writeSetReport(report, options.limit ? `${set}.smoke` : set);
    console.log(`Reports: ${files.markdown}, ${files.json}`);
  }
}

function kindsOf(filters: SearchFilters): { kinds?: readonly string[] } {
  if (filters.kind === undefined) return {};
  return { kinds: Array.isArray(filters.kind) ? filters.kind : [filters.kind] };
}

function printOutcome(label: string, outcome: EvalOutcome): void {
  const { summary, latency } = outcome;
  const agreement = outcome.diacriticsAgreement === null ? '' : ` · diacritics agreement ${outcome.diacriticsAgreement.toFixed(3)}`;
  console.log(
    `${label}: n=${summary.questions} @1 ${summary.at1.toFixed(3)} @3 ${summary.at3.toFixed(3)} @5 ${summary.at5.toFixed(3)} @10 ${summary.at10.toFixed(3)} MRR@10 ${summary.mrr10.toFixed(3)} · p50 ${latency.p50.toFixed(1)} ms p95 ${latency.p95.toFixed(1)} ms${agreement}`,
  );
}

await main();
