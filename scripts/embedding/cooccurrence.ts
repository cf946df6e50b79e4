import { foldedPhrases } from '../../src/providers/embedding/static-tokenizer.js';
import { ppmi, type SparseMatrix } from './ppmi-svd.js';

/**
 * The term × context matrices the static model can be factorised from:
 * - `syllables`: PPMI of each term with the context syllables within ±window on the same line
 *   (distributional similarity: words used alike get alike vectors);
 * - `passages`: log(1 + tf) · idf of each term in each passage (latent semantic indexing: words of
 *   the same topics get alike vectors).
 */

/** Term ids of every syllable and in-phrase bigram of a text, in order, as a callback per occurrence. */
function forEachTerm(phrases: string[][], termId: ReadonlyMap<string, number>, visit: (id: number, position: number, bigram: boolean) => void): void {
  let position = 0;
  for (const phrase of phrases) {
    for (let index = 0; index < phrase.length; index++, position++) {
      const unigram = termId.get(phrase[index]!);
      if (unigram) visit(unigram, position, false);
      if (index + 1 < phrase.length) {
        const bigram = termId.get(`${phrase[index]!} ${phrase[index + 1]!}`);
        if (bigram) visit(bigram, position, true);
      }
    }
  }
}

export function syllableContextMatrix(
  lineSyllables: readonly string[][][],
  termId: ReadonlyMap<string, number>,
  vocabularySize: number,
  contextSyllables: readonly string[],
  window: number,
  smoothing: number,
): SparseMatrix {
  const contextId = new Map(contextSyllables.map((term, index) => [term, index] as const));
  const contexts = contextSyllables.length;
  const counts = new Float32Array(vocabularySize * contexts);
  for (const phrases of lineSyllables) {
    const flat = phrases.flat();
    const contextOf = Int32Array.from(flat, (syllable) => contextId.get(syllable) ?? -1);
    forEachTerm(phrases, termId, (id, position, bigram) => {
      const row = id * contexts;
      const last = Math.min(flat.length - 1, position + (bigram ? 1 : 0) + window);
      for (let other = Math.max(0, position - window); other <= last; other++) {
        if (other === position || (bigram && other === position + 1)) continue;
        const context = contextOf[other]!;
        if (context >= 0) counts[row + context]!++;
      }
    });
  }
  return ppmi(counts, vocabularySize, contexts, smoothing);
}

export function passageContextMatrix(blocks: readonly string[], termId: ReadonlyMap<string, number>, vocabularySize: number, idf: Float32Array): SparseMatrix {
  const perTerm: { passage: number; count: number }[][] = Array.from({ length: vocabularySize }, () => []);
  blocks.forEach((block, passage) => {
    const counts = new Map<number, number>();
    forEachTerm(foldedPhrases(block), termId, (id) => counts.set(id, (counts.get(id) ?? 0) + 1));
    for (const [id, count] of counts) perTerm[id]!.push({ passage, count });
  });
  const rowStart = new Int32Array(vocabularySize + 1);
  let entries = 0;
  perTerm.forEach((list, id) => {
    entries += list.length;
    rowStart[id + 1] = entries;
  });
  const column = new Int32Array(entries);
  const value = new Float32Array(entries);
  perTerm.forEach((list, id) => {
    list.forEach(({ passage, count }, index) => {
      column[rowStart[id]! + index] = passage;
      value[rowStart[id]! + index] = Math.log(1 + count) * idf[id]!;
    });
  });
  return { rows: vocabularySize, columns: blocks.length, rowStart, column, value };
}
