import { analyze, kindOfTerm, type TokenizerOptions } from './tokenizer.js';

/**
 * Titles and headings of the citable units, with their own document frequencies, for the
 * re-ranking features. Procedure documents (and articles of one law) share most of their body
 * wording; what tells them apart is the name: `Đăng ký khai sinh` vs `Đăng ký lại khai sinh có
 * yếu tố nước ngoài`. A name term's weight is its IDF among names, so `đăng ký` (in nearly
 * every procedure name) counts little and `nước ngoài` or `lại` count a lot.
 */

interface LabelTerms {
  terms: string[];
  weights: Float64Array;
  total: number;
}

class LabelCollection {
  private readonly df = new Map<string, number>();
  private readonly entries = new Map<string, { terms: string[]; refs: number; set?: Set<string> }>();
  private count = 0;

  constructor(private readonly tokenizer: TokenizerOptions) {}

  /** Registers one more user of the label `key` (a document or a unit). */
  retain(key: string, text: string): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.refs += 1;
      return;
    }
    const terms = labelTerms(text, this.tokenizer);
    this.entries.set(key, { terms, refs: 1 });
    this.count += 1;
    for (const term of terms) this.df.set(term, (this.df.get(term) ?? 0) + 1);
  }

  release(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.refs -= 1;
    if (entry.refs > 0) return;
    this.entries.delete(key);
    this.count -= 1;
    for (const term of entry.terms) {
      const df = (this.df.get(term) ?? 1) - 1;
      if (df <= 0) this.df.delete(term);
      else this.df.set(term, df);
    }
  }

  idf(term: string): number {
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
  }

  weighted(key: string): LabelTerms | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const weights = new Float64Array(entry.terms.length);
    let total = 0;
    entry.terms.forEach((term, i) => {
      weights[i] = this.idf(term);
      total += weights[i]!;
    });
    return { terms: entry.terms, weights, total };
  }

  has(term: string): boolean {
    return this.df.has(term);
  }

  /** Terms of `key`'s label as a set. */
  termSet(key: string): ReadonlySet<string> | undefined {
    const entry = this.entries.get(key);
    return entry ? (entry.set ??= new Set(entry.terms)) : undefined;
  }
}

/** Diacritic-free unigrams and bigrams of a label (unique), so accents never change the features. */
export function labelTerms(text: string, tokenizer: TokenizerOptions): string[] {
  const terms = analyze(text.replace(/^\s*Điều\s+\d+[a-zđ]?\s*[.:]?\s*/iu, ''), { ...tokenizer, bigrams: true }).terms;
  return [...new Set(terms.filter((term) => kindOfTerm(term) === 'folded' || kindOfTerm(term) === 'foldedBigram'))];
}

export interface LabelFeatures {
  /** Share (IDF-weighted) of the document title that the question covers. */
  title: number;
  /** Share of the unit heading (article heading) that the question covers; 0 without heading. */
  heading: number;
}

export class UnitLabels {
  private readonly titles: LabelCollection;
  private readonly headings: LabelCollection;

  constructor(tokenizer: TokenizerOptions) {
    this.titles = new LabelCollection(tokenizer);
    this.headings = new LabelCollection(tokenizer);
  }

  retain(documentKey: string, title: string, unitKey: string, heading: string | undefined): void {
    this.titles.retain(documentKey, title);
    if (heading) this.headings.retain(unitKey, heading);
  }

  release(documentKey: string, unitKey: string): void {
    this.titles.release(documentKey);
    this.headings.release(unitKey);
  }

  /** Terms of a document title (folded unigrams and bigrams). */
  titleTerms(documentKey: string): ReadonlySet<string> | undefined {
    return this.titles.termSet(documentKey);
  }

  features(queryTerms: ReadonlySet<string>, documentKey: string, unitKey: string): LabelFeatures {
    return { title: coverage(this.titles.weighted(documentKey), queryTerms), heading: coverage(this.headings.weighted(unitKey), queryTerms) };
  }
}

function coverage(label: LabelTerms | undefined, queryTerms: ReadonlySet<string>): number {
  if (!label || label.total === 0) return 0;
  let covered = 0;
  label.terms.forEach((term, i) => {
    if (queryTerms.has(term)) covered += label.weights[i]!;
  });
  return covered / label.total;
}
