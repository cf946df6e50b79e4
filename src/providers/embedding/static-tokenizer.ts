import { foldForSearch } from '../../ingest/normalize/index.js';

/**
 * The tokenizer of the project's static embedding model (tokenizer id `vi-folded-syllable-bigram-v1`;
 * the build script and the runtime share this code, so a change here means a new model version).
 *
 * Text → diacritic-free lower-case syllables (so `dang ky khai sinh` and `đăng ký khai sinh` give the
 * same tokens), grouped into phrases that punctuation separates, → syllables plus syllable bigrams
 * inside a phrase (`khai sinh` is what separates it from `khai tử`). Before folding, the i/y spelling
 * variants are unified (`quí`/`quý`, `lí`/`lý`, `kĩ`/`kỹ`); numbers lose leading zeros (`05` → `5`).
 */
export const STATIC_TOKENIZER_ID = 'vi-folded-syllable-bigram-v1';

const MAX_SYLLABLE_LENGTH = 24;
/** A toned `i` after h/k/l/m/s/t, or any `i` after `qu`, is the contested spelling of `y`. */
const I_SPELLING = /(?<![\p{L}\p{M}])(qu|[hklmst])([iíìỉĩị])(?![\p{L}\p{M}])/gu;
const I_TO_Y: Record<string, string> = { i: 'y', í: 'ý', ì: 'ỳ', ỉ: 'ỷ', ĩ: 'ỹ', ị: 'ỵ' };
const PIECE = /[\p{L}\p{N}]+|[^\p{L}\p{N}\s]+/gu;
const WORD = /^[\p{L}\p{N}]+$/u;

function unifySpelling(text: string): string {
  return text.replace(I_SPELLING, (whole, onset: string, vowel: string) =>
    onset === 'qu' || vowel !== 'i' ? onset + (I_TO_Y[vowel] ?? vowel) : whole,
  );
}

/** Folded syllables, split into phrases at punctuation. */
export function foldedPhrases(text: string): string[][] {
  const folded = foldForSearch(unifySpelling(text.normalize('NFC').toLowerCase()));
  const phrases: string[][] = [];
  let current: string[] = [];
  for (const match of folded.matchAll(PIECE)) {
    const piece = match[0];
    if (WORD.test(piece)) {
      if (piece.length > MAX_SYLLABLE_LENGTH) continue;
      current.push(/^\d+$/.test(piece) ? piece.replace(/^0+(?=\d)/, '') : piece);
    } else if (current.length > 0) {
      phrases.push(current);
      current = [];
    }
  }
  if (current.length > 0) phrases.push(current);
  return phrases;
}

/** Every unigram and in-phrase bigram occurrence, in order (`dang`, `dang ky`, `ky`, …). */
export function staticTerms(text: string): string[] {
  const terms: string[] = [];
  for (const phrase of foldedPhrases(text)) {
    for (let index = 0; index < phrase.length; index++) {
      terms.push(phrase[index]!);
      if (index + 1 < phrase.length) terms.push(`${phrase[index]!} ${phrase[index + 1]!}`);
    }
  }
  return terms;
}

export interface StaticVocabulary {
  /** Term → id; id 0 is padding and never a term. */
  ids: ReadonlyMap<string, number>;
  /** Inverse document frequency per id (index 0 unused). */
  idf: Float32Array;
}

/** `vocab.tsv`: one `term<TAB>idf` per line; line n (0-based) is id n + 1. */
export function parseVocabulary(content: string): StaticVocabulary {
  const lines = content.split('\n').filter((line) => line.length > 0);
  const ids = new Map<string, number>();
  const idf = new Float32Array(lines.length + 1);
  lines.forEach((line, index) => {
    const tab = line.lastIndexOf('\t');
    if (tab <= 0) throw new Error(`vocab.tsv line ${index + 1}: expected term<TAB>idf`);
    ids.set(line.slice(0, tab), index + 1);
    idf[index + 1] = Number(line.slice(tab + 1));
  });
  return { ids, idf };
}

export function formatVocabulary(terms: readonly { term: string; idf: number }[]): string {
  return terms.map(({ term, idf }) => `${term}\t${idf.toFixed(4)}`).join('\n') + '\n';
}

export interface EncodedText {
  ids: number[];
  weights: number[];
}

/**
 * Unique known terms of a text and their weights: idf × (1 + ln tf), bigrams scaled by
 * `bigramWeight`. Unknown terms are dropped: a text of only unknown words encodes to nothing.
 */
export function encodeStatic(text: string, vocabulary: StaticVocabulary, bigramWeight: number): EncodedText {
  const counts = new Map<number, number>();
  for (const term of staticTerms(text)) {
    const id = vocabulary.ids.get(term);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const ids: number[] = [];
  const weights: number[] = [];
  const bigramIds = bigramWeight === 1 ? undefined : vocabulary;
  for (const [id, count] of counts) {
    ids.push(id);
    let weight = vocabulary.idf[id]! * (1 + Math.log(count));
    if (bigramIds && isBigramId(vocabulary, id)) weight *= bigramWeight;
    weights.push(weight);
  }
  return { ids, weights };
}

const bigramCache = new WeakMap<StaticVocabulary, Uint8Array>();
function isBigramId(vocabulary: StaticVocabulary, id: number): boolean {
  let flags = bigramCache.get(vocabulary);
  if (!flags) {
    flags = new Uint8Array(vocabulary.idf.length);
    for (const [term, termId] of vocabulary.ids) if (term.includes(' ')) flags[termId] = 1;
    bigramCache.set(vocabulary, flags);
  }
  return flags[id] === 1;
}
