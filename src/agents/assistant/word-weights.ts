import { fold } from './text-folding.js';

/**
 * How telling a word is, from how many procedure names contain it: `giấy phép` or `đăng ký` say
 * little, `flycam` or `giám hộ` a lot, and a word no name or passage has says the most — a
 * question whose rare words the answer does not contain is not answered by it.
 */
export class WordWeights {
  private readonly documentFrequency = new Map<string, number>();
  private readonly count: number;

  constructor(names: readonly string[]) {
    this.count = names.length;
    for (const name of names) for (const word of new Set(fold(name).trim().split(' '))) this.documentFrequency.set(word, (this.documentFrequency.get(word) ?? 0) + 1);
  }

  weight(word: string): number {
    const df = this.documentFrequency.get(fold(word).trim()) ?? 0;
    return Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
  }

  /** Weighted share of the words found (as whole words) in a text spaced like `fold` (accented or not, as the words). */
  share(words: readonly string[], foldedText: string): number {
    let total = 0;
    let found = 0;
    for (const word of words) {
      const weight = this.weight(word);
      total += weight;
      if (foldedText.includes(` ${word} `)) found += weight;
    }
    return total > 0 ? found / total : 0;
  }
}
