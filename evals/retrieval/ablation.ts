/**
 * What each step adds: cumulative steps from plain BM25 over syllables to the default, then
 * single changes away from the default (alternatives that were measured and not kept).
 * Tokenizer changes need their own index; query-time changes reuse one.
 */
import { DEFAULT_RETRIEVAL_CONFIG, SearchService, type Passage, type RetrievalConfig, type SearchFilters, type TokenizerOptions } from '../../src/retrieval/index.js';
import type { EvalQuestion, SetName } from './datasets.js';
import { evaluate } from './evaluate.js';
import type { RankSummary } from './metrics.js';

export interface AblationRow {
  step: string;
  kind: 'cumulative' | 'alternative';
  summary: RankSummary;
  diacriticsAgreement: number;
  p95: number;
}

type Variant = { step: string; kind: AblationRow['kind']; config: RetrievalConfig; query?: (question: EvalQuestion) => string };

const clone = (config: RetrievalConfig): RetrievalConfig => structuredClone(config);

function variants(set: SetName): Variant[] {
  const base = clone(DEFAULT_RETRIEVAL_CONFIG);
  // Cumulative: start from BM25F with every extra off.
  const plain = clone(base);
  plain.tokenizer = { bigrams: false, folding: 'only', expandAbbreviations: false };
  plain.query = { ...plain.query, stripFormulas: false, synonyms: false, maxDocumentShare: 1 };
  plain.rerank = { depth: 30, title: 0, localTitle: 0, localBody: 0, articleTitle: 0, heading: 0, kindBoost: {} };
  const steps: Variant[] = [];
  const step = (name: string, change: (config: RetrievalConfig) => void): void => {
    const previous = steps.at(-1)?.config ?? plain;
    const config = clone(previous);
    change(config);
    steps.push({ step: name, kind: 'cumulative', config });
  };
  step('BM25F over chunks, folded syllables, best chunk per unit', () => undefined);
  step('+ syllable bigrams', (config) => (config.tokenizer.bigrams = true));
  step('+ abbreviation expansion (both sides)', (config) => (config.tokenizer.expandAbbreviations = true));
  step('+ question formulas removed', (config) => (config.query.stripFormulas = true));
  step('+ informal/foreign synonyms appended', (config) => (config.query.synonyms = true));
  step('+ drop terms in > 50% of passages', (config) => (config.query.maxDocumentShare = 0.5));
  step('+ re-rank: article heading / law title coverage', (config) => {
    config.rerank.heading = base.rerank.heading;
    config.rerank.articleTitle = base.rerank.articleTitle;
  });
  step('+ re-rank: procedure title coverage (global + candidate IDF) = default', (config) => {
    config.rerank.title = base.rerank.title;
    config.rerank.localTitle = base.rerank.localTitle;
  });

  const alternative = (name: string, change: (config: RetrievalConfig) => void, query?: (question: EvalQuestion) => string): Variant => {
    const config = clone(base);
    change(config);
    return { step: name, kind: 'alternative', config, ...(query ? { query } : {}) };
  };
  const alternatives: Variant[] = [
    alternative('accented + folded terms side by side (dual), folded weight 0.3', (config) => {
      config.tokenizer.folding = 'dual';
      config.query.accented = { word: 1, bigram: 1, folded: 0.3, foldedBigram: 0.3, number: 1 };
    }),
    alternative('no bigrams (unigrams only)', (config) => (config.tokenizer.bigrams = false)),
    alternative('unit score = best + 0.1 × other chunks (sum-like)', (config) => (config.grouping.alpha = 0.1)),
    alternative('pseudo-relevance feedback (3 units, 10 bigrams, 0.3)', (config) => (config.feedback = { documents: 3, terms: 10, weight: 0.3 })),
    alternative('k1 = 0.9', (config) => (config.scoring.k1 = 0.9)),
    alternative('k1 = 1.5', (config) => (config.scoring.k1 = 1.5)),
    alternative('title field weight 2 (BM25F)', (config) => (config.scoring.fields = { ...config.scoring.fields, title: { weight: 2, b: 0.75 } })),
    alternative('keep all terms (no document-share cut)', (config) => (config.query.maxDocumentShare = 1)),
    alternative('drop terms in > 30% of passages', (config) => (config.query.maxDocumentShare = 0.3)),
    alternative('+ re-rank: question word pairs few candidates have anywhere in their text (local IDF), 0.2', (config) => (config.rerank.localBody = 0.2)),
    alternative('no re-ranking', (config) => (config.rerank = { depth: 30, title: 0, localTitle: 0, localBody: 0, articleTitle: 0, heading: 0, kindBoost: {} })),
  ];
  if (set === 'legal-retrieval') {
    alternatives.push(alternative('question only (multiple-choice options not appended)', () => undefined, (question) => question.query.split('\n')[0] ?? question.query));
  }
  return [...steps, ...alternatives];
}

export async function runAblation(set: SetName, passages: readonly Passage[], questions: readonly EvalQuestion[], filters: SearchFilters): Promise<AblationRow[]> {
  const services = new Map<string, SearchService>();
  const serviceFor = (tokenizer: TokenizerOptions, config: RetrievalConfig): SearchService => {
    const key = JSON.stringify(tokenizer);
    let service = services.get(key);
    if (!service) {
      service = new SearchService(config);
      for (const passage of passages) service.add(passage);
      services.set(key, service);
    }
    return service.withConfig(config);
  };
  const rows: AblationRow[] = [];
  for (const variant of variants(set)) {
    const service = serviceFor(variant.config.tokenizer, variant.config);
    const asked = variant.query ? questions.map((question) => ({ ...question, query: variant.query!(question) })) : questions;
    const outcome = await evaluate({ name: variant.step, search: (query, k) => service.search(query, { k, filters }) }, asked, { diacritics: true });
    rows.push({ step: variant.step, kind: variant.kind, summary: outcome.summary, diacriticsAgreement: outcome.diacriticsAgreement ?? 0, p95: outcome.latency.p95 });
    console.log(`  ablation ${variant.step}: @1 ${outcome.summary.at1.toFixed(3)} @3 ${outcome.summary.at3.toFixed(3)} @10 ${outcome.summary.at10.toFixed(3)} MRR ${outcome.summary.mrr10.toFixed(3)}`);
  }
  return rows;
}
