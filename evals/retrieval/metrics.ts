/** Rank metrics and latency percentiles. A rank is 1-based; null = not among the results. */
import { foldForSearch } from '../../src/ingest/normalize/index.js';

export function recallAt(ranks: ReadonlyArray<number | null>, k: number): number {
  return ranks.length === 0 ? 0 : ranks.filter((rank) => rank !== null && rank <= k).length / ranks.length;
}

export function mrrAt(ranks: ReadonlyArray<number | null>, k: number): number {
  return ranks.length === 0 ? 0 : ranks.reduce<number>((sum, rank) => sum + (rank !== null && rank <= k ? 1 / rank : 0), 0) / ranks.length;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** First 1-based position whose item is correct, among the first `limit`. */
export function firstRank<T>(items: readonly T[], isCorrect: (item: T) => boolean, limit = items.length): number | null {
  const index = items.slice(0, limit).findIndex(isCorrect);
  return index === -1 ? null : index + 1;
}

export interface RankSummary {
  questions: number;
  at1: number;
  at3: number;
  at5: number;
  at10: number;
  mrr10: number;
}

export function summarize(ranks: ReadonlyArray<number | null>): RankSummary {
  return { questions: ranks.length, at1: recallAt(ranks, 1), at3: recallAt(ranks, 3), at5: recallAt(ranks, 5), at10: recallAt(ranks, 10), mrr10: mrrAt(ranks, 10) };
}

/**
 * Upper bound of hit@1 / R@1 for any system that answers the same question the same way: a
 * question set may hold the same words (case, accents and punctuation aside) with different gold
 * answers (paraphrase generators do this with generic questions such as "thủ tục này mất bao lâu?"
 * written for several procedures); at most the most frequent gold of each such group can be hit.
 */
export function sameQuestionCeiling(questions: ReadonlyArray<{ query: string; answerKey: string }>): { ceiling: number; conflictingGroups: number; questionsInConflict: number } {
  const groups = new Map<string, Map<string, number>>();
  for (const { query, answerKey } of questions) {
    const key = foldForSearch(query).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const answers = groups.get(key) ?? new Map<string, number>();
    answers.set(answerKey, (answers.get(answerKey) ?? 0) + 1);
    groups.set(key, answers);
  }
  let reachable = 0;
  let conflictingGroups = 0;
  let questionsInConflict = 0;
  for (const answers of groups.values()) {
    const counts = [...answers.values()];
    reachable += Math.max(...counts);
    if (answers.size > 1) {
      conflictingGroups += 1;
      questionsInConflict += counts.reduce((sum, count) => sum + count, 0);
    }
  }
  return { ceiling: questions.length === 0 ? 0 : reachable / questions.length, conflictingGroups, questionsInConflict };
}
