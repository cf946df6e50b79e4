/** Runs questions through a retriever and collects ranks, latency and the diacritics check. */
import { removeDiacritics } from '../../src/ingest/normalize/index.js';
import { groupKey, type SearchResult } from '../../src/retrieval/index.js';
import type { EvalQuestion } from './datasets.js';
import { firstRank, percentile, summarize, type RankSummary } from './metrics.js';

/** Anything that answers a query with results in the API contract shape. */
export interface Retriever {
  name: string;
  search(query: string, k: number): SearchResult[] | Promise<SearchResult[]>;
}

export interface QuestionOutcome {
  id: string;
  type: string;
  gold: string;
  rank: number | null;
  top: string | null;
  ms: number;
  /** Top unit for the question stripped of diacritics (only when the check ran). */
  strippedTop?: string | null;
}

export interface EvalOutcome {
  retriever: string;
  summary: RankSummary;
  byType: Record<string, RankSummary>;
  latency: { p50: number; p95: number; mean: number };
  /** Share of questions whose stripped form has the same top unit (null when not measured). */
  diacriticsAgreement: number | null;
  outcomes: QuestionOutcome[];
}

/** Unit of a result: law article or procedure document (works for peers, which return passages). */
export const unitOf = (result: SearchResult): string =>
  groupKey({ document: result.document, citation: result.citation } as Parameters<typeof groupKey>[0]);

export async function evaluate(retriever: Retriever, questions: readonly EvalQuestion[], options: { k?: number; diacritics?: boolean } = {}): Promise<EvalOutcome> {
  const k = options.k ?? 10;
  const outcomes: QuestionOutcome[] = [];
  for (const question of questions) {
    const started = performance.now();
    const results = await retriever.search(question.query, k);
    const ms = performance.now() - started;
    const outcome: QuestionOutcome = {
      id: question.id,
      type: question.type,
      gold: question.gold,
      rank: firstRank(results, question.isCorrect, k),
      top: results[0] ? unitOf(results[0]) : null,
      ms,
    };
    if (options.diacritics) {
      const stripped = await retriever.search(removeDiacritics(question.query), k);
      outcome.strippedTop = stripped[0] ? unitOf(stripped[0]) : null;
    }
    outcomes.push(outcome);
  }
  const byType: Record<string, RankSummary> = {};
  for (const type of [...new Set(outcomes.map((outcome) => outcome.type))]) {
    byType[type] = summarize(outcomes.filter((outcome) => outcome.type === type).map((outcome) => outcome.rank));
  }
  const times = outcomes.map((outcome) => outcome.ms);
  return {
    retriever: retriever.name,
    summary: summarize(outcomes.map((outcome) => outcome.rank)),
    byType,
    latency: { p50: percentile(times, 50), p95: percentile(times, 95), mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length) },
    diacriticsAgreement: options.diacritics ? outcomes.filter((outcome) => outcome.strippedTop === outcome.top).length / Math.max(1, outcomes.length) : null,
    outcomes,
  };
}
