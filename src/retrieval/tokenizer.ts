import { foldForSearch, placeToneMark } from '../ingest/normalize/index.js';
import { ABBREVIATIONS } from './abbreviations.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Vietnamese text → index terms.
 *
 * Words are one to four syllables written apart (`đăng ký khai sinh`), so the units are syllables
 * plus syllable bigrams inside a phrase (never across punctuation): the bigram `khai sinh` is
 * what separates it from `khai tử`. Every syllable and bigram also exists in a diacritic-free
 * form (`dang ky`) so citizens typing without accents still match; whether the accented form is
 * indexed next to it is a choice (`folding`), measured in the eval.
 *
 * Before splitting: NFC with canonical tone placement (`hoà` → `hòa`), lower case, document
 * numbers kept whole (`68/2020/qh14`, `160/qđ-btp`), numbers without leading zeros or thousands
 * dots (`05` → `5`, `8.000` → `8000`), i/y spelling variants unified (`quí`, `lí`, `kĩ` → `quý`,
 * `lý`, `kỹ`), and abbreviations replaced by their long form (`cccd` → `căn cước công dân`).
 */

/** How a term was made; term strings carry it as a prefix so the kinds never collide. */
export type TermKind = 'word' | 'bigram' | 'folded' | 'foldedBigram' | 'number';

/** `dual`: accented and folded terms side by side; `only`: folded terms only (accents never matter). */
export type Folding = 'dual' | 'only';

export interface TokenizerOptions {
  bigrams: boolean;
  folding: Folding;
  expandAbbreviations: boolean;
}

export const DEFAULT_TOKENIZER_OPTIONS: TokenizerOptions = { bigrams: true, folding: 'dual', expandAbbreviations: true };

const FOLDED_PREFIX = '~';
const NUMBER_PREFIX = '#';

/** The term string of a given kind: `đăng`, `đăng ký`, `~dang`, `~dang ky`, `#68/2020/qh14`. */
export function termOf(kind: TermKind, value: string): string {
  switch (kind) {
    case 'word':
    case 'bigram':
      return value;
    case 'folded':
    case 'foldedBigram':
      return FOLDED_PREFIX + value;
    case 'number':
      return NUMBER_PREFIX + value;
  }
}

export function kindOfTerm(term: string): TermKind {
  if (term.startsWith(NUMBER_PREFIX)) return 'number';
  const folded = term.startsWith(FOLDED_PREFIX);
  const bigram = term.includes(' ');
  if (folded) return bigram ? 'foldedBigram' : 'folded';
  return bigram ? 'bigram' : 'word';
}

/** Document numbers: `68/2020/QH14`, `123/2015/NĐ-CP`, `160/QĐ-BTP` (suffix starts with a letter). */
const DOCUMENT_NUMBER = /\d{1,4}\/(?:\d{4}\/)?[a-zđ][a-zđ0-9]*(?:-[a-zđ][a-zđ0-9]*)*(?![\p{L}\p{N}])/gu;
/** Open syllables spelled with `i` or `y` in the two conventions in use (quí/quý, lí/lý, kĩ/kỹ, tỉ/tỷ, sĩ/sỹ). */
const I_SPELLING = /^(h|k|l|m|s|t|qu)([iíìỉĩị])$/u;
const I_TO_Y: Record<string, string> = { i: 'y', í: 'ý', ì: 'ỳ', ỉ: 'ỷ', ĩ: 'ỹ', ị: 'ỵ' };

/** A lower-case syllable with canonical tone placement and i/y spelling. */
export function canonicalSyllable(word: string): string {
  let result = /[^\x00-\x7F]/.test(word) ? placeToneMark(word) : word;
  const spelling = I_SPELLING.exec(result);
  // `qui` is always `quy`; after other onsets only a toned `i` is the contested spelling (lí/lý),
  // since plain `li`, `mi`, `ti`… are mostly different words from `ly`, `my`, `ty`.
  if (spelling && (spelling[1] === 'qu' || spelling[2] !== 'i')) result = spelling[1] + (I_TO_Y[spelling[2]!] ?? spelling[2]!);
  return result;
}

const foldCache = new Map<string, string>();
export function foldTerm(word: string): string {
  let result = foldCache.get(word);
  if (result === undefined) {
    result = foldForSearch(word);
    if (foldCache.size > 200_000) foldCache.clear();
    foldCache.set(word, result);
  }
  return result;
}

/** Abbreviations by written form and by folded form (`hdnd` finds `hđnd`). */
const ABBREVIATION_LOOKUP: ReadonlyMap<string, string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [key, long] of Object.entries(ABBREVIATIONS)) {
    const syllables = long.split(' ');
    map.set(key, syllables);
    const folded = foldTerm(key);
    if (!map.has(folded)) map.set(folded, syllables);
  }
  return map;
})();

/** What one written word becomes: canonical syllables (several for an abbreviation or `ki-lô`). */
function wordSyllables(word: string, expandAbbreviations: boolean): string[] {
  const cache = expandAbbreviations ? expandedCache : plainCache;
  let result = cache.get(word);
  if (result !== undefined) return result;
  const expanded = expandAbbreviations ? ABBREVIATION_LOOKUP.get(word) : undefined;
  if (expanded) result = expanded;
  else {
    result = [];
    for (const part of word.includes('-') ? word.split('-') : [word]) {
      if (part === '') continue;
      const abbreviation = expandAbbreviations ? ABBREVIATION_LOOKUP.get(part) : undefined;
      if (abbreviation) result.push(...abbreviation);
      else if (/^[\d.]+$/.test(part)) result.push(part.replace(/\./g, '').replace(/^0+(?=\d)/, ''));
      else result.push(canonicalSyllable(part));
    }
  }
  if (cache.size > 200_000) cache.clear();
  cache.set(word, result);
  return result;
}
const expandedCache = new Map<string, string[]>();
const plainCache = new Map<string, string[]>();

function isWordCode(code: number): boolean {
  if (code < 0xc0) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return code !== 0xd7 && code !== 0xf7 && !(code >= 0x2000 && code <= 0x2bff) && !(code >= 0x3000 && code <= 0x303f) && code !== 0xfeff;
}
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Normalised lower-case text ready to split (NFC, lower case, đ variants). */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[ðÐ]/g, 'đ');
}

export interface Segmented {
  /** Phrases of canonical syllables (abbreviations expanded); bigrams never cross a phrase. */
  phrases: string[][];
  /** Document numbers found, lower case. */
  numbers: string[];
}

/**
 * Splits text into phrases of canonical syllables and whole document numbers. A hand-written
 * scanner rather than regular expressions: indexing 20 MB of text spends its time here.
 * Spaces separate words; any other non-word character (punctuation, quotes, line breaks) also
 * ends the phrase. A hyphen between word characters joins (`nđ-cp`), a dot between digits too
 * (`8.000`).
 */
export function segment(text: string, expandAbbreviations = true): Segmented {
  let normalized = normalizeForSearch(text);
  const numbers: string[] = [];
  if (normalized.includes('/')) {
    normalized = normalized.replace(DOCUMENT_NUMBER, (match) => {
      numbers.push(match);
      return ' , ';
    });
  }
  const phrases: string[][] = [];
  let current: string[] = [];
  const length = normalized.length;
  let start = -1;
  const endWord = (end: number): void => {
    if (start < 0) return;
    const word = normalized.slice(start, end);
    start = -1;
    const syllables = wordSyllables(word, expandAbbreviations);
    for (const syllable of syllables) current.push(syllable);
  };
  const endPhrase = (): void => {
    if (current.length > 0) phrases.push(current);
    current = [];
  };
  for (let i = 0; i < length; i++) {
    const code = normalized.charCodeAt(i);
    if (isWordCode(code) || (code >= 0x300 && code <= 0x36f)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i + 1 < length) {
      const next = normalized.charCodeAt(i + 1);
      if (code === 0x2d && isWordCode(next)) continue; // hyphen inside a word
      if (code === 0x2e && isDigit(next) && isDigit(normalized.charCodeAt(i - 1))) continue; // 8.000
    }
    endWord(i);
    if (code !== 0x20) endPhrase();
  }
  endWord(length);
  endPhrase();
  return { phrases, numbers };
}

export interface AnalyzedText {
  /** Terms in order of appearance (repeats kept: they are the term frequencies). */
  terms: string[];
  /** Field length for BM25 normalisation: number of syllables. */
  length: number;
}

/**
 * Interned term strings. Returning the same string object for the same term lets V8 reuse its
 * cached hash: the index's dictionary lookups are most of the indexing time otherwise.
 */
const foldedTerms = new Map<string, string>();
const bigramTerms = new Map<string, Map<string, string>>();
function foldedTermOf(syllable: string): string {
  let term = foldedTerms.get(syllable);
  if (term === undefined) {
    term = FOLDED_PREFIX + foldTerm(syllable);
    if (foldedTerms.size > 200_000) foldedTerms.clear();
    foldedTerms.set(syllable, term);
  }
  return term;
}
function bigramOf(first: string, second: string): string {
  let inner = bigramTerms.get(first);
  if (inner === undefined) {
    if (bigramTerms.size > 100_000) bigramTerms.clear();
    bigramTerms.set(first, (inner = new Map()));
  }
  let term = inner.get(second);
  if (term === undefined) inner.set(second, (term = `${first} ${second}`));
  return term;
}

/** Text → index terms, as documents are indexed. */
export function analyze(text: string, options: TokenizerOptions = DEFAULT_TOKENIZER_OPTIONS): AnalyzedText {
  const { phrases, numbers } = segment(text, options.expandAbbreviations);
  const terms: string[] = [];
  let length = 0;
  const accented = options.folding === 'dual';
  for (const phrase of phrases) {
    length += phrase.length;
    let previous: string | undefined;
    let previousFolded: string | undefined;
    for (const syllable of phrase) {
      const folded = foldedTermOf(syllable);
      if (accented) terms.push(syllable);
      terms.push(folded);
      if (options.bigrams && previous !== undefined && previousFolded !== undefined) {
        if (accented) terms.push(bigramOf(previous, syllable));
        terms.push(bigramOf(previousFolded, folded.slice(1)));
      }
      previous = syllable;
      previousFolded = folded;
    }
  }
  for (const number of numbers) terms.push(NUMBER_PREFIX + foldTerm(number));
  length += numbers.length;
  return { terms, length };
}

export interface AnalyzedIds {
  /** Term ids in order of appearance (repeats are the term frequencies). */
  ids: number[];
  /** Number of syllables (field length). */
  length: number;
}

/**
 * Text → term ids of `vocabulary`: the same terms as `analyze`, without building strings for
 * them. With `create` false (queries) unknown terms are left out.
 */
export function analyzeIds(text: string, options: TokenizerOptions, vocabulary: Vocabulary, create: boolean): AnalyzedIds {
  const { phrases, numbers } = segment(text, options.expandAbbreviations);
  const ids: number[] = [];
  let length = 0;
  const accented = options.folding === 'dual';
  const bigrams = options.bigrams;
  for (const phrase of phrases) {
    length += phrase.length;
    let previousWord = -1;
    let previousFolded = -1;
    for (const syllable of phrase) {
      const record = vocabulary.syllable(syllable, foldedTermOf, create);
      const word = accented ? record[0]! : -1;
      const folded = record[1]!;
      if (word >= 0) ids.push(word);
      if (folded >= 0) ids.push(folded);
      if (bigrams) {
        if (accented && previousWord >= 0 && word >= 0) {
          const id = vocabulary.bigram(previousWord, word, create);
          if (id >= 0) ids.push(id);
        }
        if (previousFolded >= 0 && folded >= 0) {
          const id = vocabulary.bigram(previousFolded, folded, create);
          if (id >= 0) ids.push(id);
        }
      }
      previousWord = word;
      previousFolded = folded;
    }
  }
  for (const number of numbers) {
    const id = vocabulary.unigram('number', NUMBER_PREFIX + foldTerm(number), create);
    if (id >= 0) ids.push(id);
  }
  length += numbers.length;
  return { ids, length };
}

/** True when the text carries any Vietnamese diacritic (or đ): the user typed accents. */
export function hasDiacritics(text: string): boolean {
  return /[^\x00-\x7F]/.test(text) && foldForSearch(text) !== text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
