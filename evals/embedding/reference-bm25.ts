import { staticTerms } from '../../src/providers/embedding/index.js';

/**
 * A plain BM25 (k1 1.2, b 0.75) over folded syllables + bigrams, here only as a fixed lexical
 * reference: it shows how much a dense ranking adds when fused with a lexical one. The service's
 * own lexical leg lives in src/retrieval and is measured by its own evaluation.
 */
export class ReferenceBm25 {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly lengths: Float64Array;
  private readonly averageLength: number;

  constructor(texts: readonly string[]) {
    this.lengths = new Float64Array(texts.length);
    texts.forEach((text, doc) => {
      const counts = new Map<string, number>();
      for (const term of staticTerms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc, tf });
        this.lengths[doc]! += tf;
      }
    });
    this.averageLength = this.lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, texts.length);
  }

  /** Passage indexes by descending score, at most `k`. */
  search(query: string, k: number): number[] {
    return this.scored(query, k).map((hit) => hit.index);
  }

  /** Passages and their BM25 scores, best first, at most `k`. */
  scored(query: string, k: number): { index: number; score: number }[] {
    const scores = new Map<number, number>();
    const documents = this.lengths.length;
    for (const term of new Set(staticTerms(query))) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (documents - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = tf + 1.2 * (1 - 0.75 + (0.75 * this.lengths[doc]!) / this.averageLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * 2.2) / norm);
      }
    }
    return [...scores]
      .sort((left, right) => right[1] - left[1] || left[0] - right[0])
      .slice(0, k)
      .map(([index, score]) => ({ index, score }));
  }
}
