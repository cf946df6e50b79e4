/**
 * Ranking metrics for the embedding evaluation. Passages are ranked by score, then collapsed to the
 * unit the gold names (a law article, a procedure document) keeping the first occurrence, so that
 * several clauses of one article count once.
 */

/** Distinct keys in rank order. */
export function collapse<T>(ranked: readonly T[], key: (item: T) => string): string[] {
  const seen = new Set<string>();
  const keys: string[] = [];
  for (const item of ranked) {
    const value = key(item);
    if (seen.has(value)) continue;
    seen.add(value);
    keys.push(value);
  }
  return keys;
}

/** Share of gold keys among the first k ranked keys. */
export function recallAt(ranked: readonly string[], gold: ReadonlySet<string>, k: number): number {
  if (gold.size === 0) return 0;
  return ranked.slice(0, k).filter((key) => gold.has(key)).length / gold.size;
}

/** 1-based rank of the first gold key, or undefined when absent. */
export function firstRank(ranked: readonly string[], gold: ReadonlySet<string>): number | undefined {
  const index = ranked.findIndex((key) => gold.has(key));
  return index < 0 ? undefined : index + 1;
}

export function reciprocalRankAt(ranked: readonly string[], gold: ReadonlySet<string>, k: number): number {
  const rank = firstRank(ranked, gold);
  return rank !== undefined && rank <= k ? 1 / rank : 0;
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Reciprocal rank fusion of several rankings of item indexes (k = 60, Cormack et al. 2009), each
 * ranking optionally weighted.
 */
export function reciprocalRankFusion(rankings: readonly (readonly number[])[], weights: readonly number[] = [], k = 60): number[] {
  const scores = new Map<number, number>();
  rankings.forEach((ranking, which) => {
    const weight = weights[which] ?? 1;
    ranking.forEach((item, rank) => scores.set(item, (scores.get(item) ?? 0) + weight / (k + rank + 1)));
  });
  return [...scores].sort((left, right) => right[1] - left[1] || left[0] - right[0]).map(([item]) => item);
}
