import { accentedForm, fold } from './text-folding.js';

/**
 * How telling a word is, from how many procedure names contain it: `giấy phép` or `đăng ký` say
 * little, `flycam` or `giám hộ` a lot, and a word no name has says the most — a question whose
 * rare words the answer does not contain is not answered by it. Accented words are counted with
 * their accents (`súng` is rare even though `bổ sung` is everywhere), plain ones without.
 */
const COMMON_MIN_NAMES = 10;

export class WordWeights {
  private readonly folded = new Map<string, number>();
  private readonly accented = new Map<string, number>();
  /** Folded pairs of adjacent words in names (`cai chinh`, `con nuoi`). */
  private readonly pairs = new Map<string, number>();
  private readonly count: number;

  constructor(names: readonly string[]) {
    this.count = names.length;
    for (const name of names) {
      for (const word of new Set(fold(name).trim().split(' '))) this.folded.set(word, (this.folded.get(word) ?? 0) + 1);
      for (const word of new Set(accentedForm(name).trim().split(' '))) this.accented.set(word, (this.accented.get(word) ?? 0) + 1);
      const words = fold(name).trim().split(' ');
      for (const pair of new Set(words.slice(1).map((word, i) => `${words[i]} ${word}`))) this.pairs.set(pair, (this.pairs.get(pair) ?? 0) + 1);
    }
  }

  /**
   * True when the two folded words stand side by side in a few procedure names (under 5%) and
   * `word` itself is in few names (under 3%): then a filler word is part of a name there (`cái`
   * is filler, `cải chính` is not; `con` alone says nothing, `con nuôi` names procedures), while
   * `thủ tục`, in every other name, and function words (`của`, `là`, `trong`) stay filler.
   */
  namesPair(first: string, second: string, word: string): boolean {
    const count = this.pairs.get(`${first} ${second}`) ?? 0;
    return count > 0 && count < this.count * 0.05 && (this.folded.get(word) ?? 0) < this.count * 0.03;
  }

  /**
   * True when many procedure names (3% or more) have the word: `lại`, `cấp`, `giấy`, `đăng ký` say
   * what is done, not to what; a question of such words only names no procedure. At least
   * `COMMON_MIN_NAMES` names must have it.
   */
  common(word: string): boolean {
    const df = /[^\x00-\x7F]/.test(word) ? (this.accented.get(word) ?? 0) : (this.folded.get(word) ?? 0);
    // a handful of names (a demo corpus) makes no word common
    return df >= Math.max(COMMON_MIN_NAMES, this.count * 0.03);
  }

  /** True when the two folded words stand side by side in some procedure names, but under 3% of them (`khai tu`, `tam tru`). */
  tellingPair(first: string, second: string): boolean {
    const count = this.pairs.get(`${first} ${second}`) ?? 0;
    return count > 0 && count < this.count * 0.03;
  }

  /** True when no procedure name has the word (it may still be in the corpus's passages). */
  unknown(word: string): boolean {
    return (/[^\x00-\x7F]/.test(word) ? this.accented.get(word) : this.folded.get(word)) === undefined;
  }

  /**
   * The weight of a word missing from every name but found in the passages (`share` of them have
   * it): at most that of a word in 1% of names (a modifier such as `gấp`), never that of a word the
   * corpus has never seen (`flycam`), and less the more passages have it: the words of a citizen's
   * story (`đang`, `một`, `phần`) are everywhere in the corpus and tell nothing about the procedure.
   */
  passageWeight(share: number): number {
    const df = Math.max(1, this.count * 0.01);
    const cap = Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
    return Math.min(cap, Math.log(1 + (1 - share) / Math.max(share, 1e-6)));
  }

  weight(word: string, overrides?: ReadonlyMap<string, number>): number {
    const override = overrides?.get(word);
    if (override !== undefined) return override;
    const df = /[^\x00-\x7F]/.test(word) ? (this.accented.get(word) ?? 0) : (this.folded.get(word) ?? 0);
    return Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
  }

  /** Weighted share of the words found (as whole words) in a text spaced like `fold` (accented or not, as the words). */
  share(words: readonly string[], text: string, overrides?: ReadonlyMap<string, number>): number {
    let total = 0;
    let found = 0;
    for (const word of words) {
      const weight = this.weight(word, overrides);
      total += weight;
      if (text.includes(` ${word} `)) found += weight;
    }
    return total > 0 ? found / total : 0;
  }
}
