import { placeToneMark } from '../ingest/normalize/index.js';

/**
 * How many passages have each accented word (lower case, canonical tone placement). The index
 * matches folded terms, where `súng` is `sung` of `bổ sung` and `săn` is `sản`; how common a word
 * the citizen typed with accents is must be read with its accents.
 */
export class AccentedWordCounts {
  private readonly counts = new Map<string, number>();

  /** Counts (`+1`) or uncounts (`-1`) the distinct accented words of one passage's text. */
  update(text: string, delta: 1 | -1): void {
    for (const word of accentedWords(text)) {
      const next = (this.counts.get(word) ?? 0) + delta;
      if (next > 0) this.counts.set(word, next);
      else this.counts.delete(word);
    }
  }

  /** Passages having the word; a word of several (`chồng/vợ`) counts as its rarest part. */
  count(word: string): number {
    const parts = word.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (parts.length === 0) return 0;
    return Math.min(...parts.map((part) => this.counts.get(canonicalWord(part.toLowerCase())) ?? 0));
  }
}

/** Spaces and punctuation (an explicit class: splitting 20 MB on `\P{L}` takes twice as long). */
const SEPARATORS = /[\s,.;:()[\]{}"'“”‘’!?…\-–—/\\|*+=<>%&#@^~`_]+/;
const NON_ASCII = /[^\x00-\x7F]/;

/** Canonical forms of the words seen (a corpus has a few tens of thousands). */
const canonical = new Map<string, string>();

/** A lower-case word in canonical form (NFC, tone mark placed): cached, since placing tone marks is the costly part. */
function canonicalWord(word: string): string {
  if (!NON_ASCII.test(word)) return word;
  let form = canonical.get(word);
  if (form === undefined) {
    form = placeToneMark(word.normalize('NFC'));
    if (canonical.size < 200_000) canonical.set(word, form);
  }
  return form;
}

/** The distinct accented words (letters and digits) of a text; unaccented words are left to the index. */
function accentedWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of text.toLowerCase().split(SEPARATORS)) {
    if (word && NON_ASCII.test(word)) words.add(canonicalWord(word));
  }
  return words;
}
