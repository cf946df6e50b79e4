import type { TermKind } from './tokenizer.js';

/**
 * Term dictionary of one index: every term gets a dense integer id. Unigrams (accented and
 * folded syllables, document numbers) are looked up by string once per syllable; bigrams are
 * keyed by the ids of their two syllables in an open-addressing table of typed arrays, so
 * indexing never builds or hashes bigram strings (that was most of the indexing time).
 */

const KIND_CODES: readonly TermKind[] = ['word', 'bigram', 'folded', 'foldedBigram', 'number'];

export class Vocabulary {
  private readonly words = new Map<string, number>();
  private readonly foldedWords = new Map<string, number>();
  private readonly numbers = new Map<string, number>();
  /** Syllable → [accented id, folded id]: one lookup per syllable when indexing. */
  private readonly syllables = new Map<string, Int32Array>();
  private strings: string[] = [];
  private kinds = new Uint8Array(1024);
  private firsts = new Int32Array(1024);
  private seconds = new Int32Array(1024);
  private count = 0;
  // open addressing: (first, second) → id + 1 (0 = empty)
  private pairFirst = new Int32Array(1 << 16);
  private pairSecond = new Int32Array(1 << 16);
  private pairId = new Int32Array(1 << 16);
  private pairCount = 0;

  get size(): number {
    return this.count;
  }

  kind(id: number): TermKind {
    return KIND_CODES[this.kinds[id]!]!;
  }

  /** The term as a string: `đăng`, `đăng ký`, `~dang`, `~dang ky`, `#68/2020/qh14`. */
  term(id: number): string {
    const kind = this.kind(id);
    if (kind === 'bigram' || kind === 'foldedBigram') {
      const first = this.term(this.firsts[id]!);
      const second = this.term(this.seconds[id]!);
      return `${first} ${kind === 'foldedBigram' ? second.slice(1) : second}`;
    }
    return this.strings[id]!;
  }

  /** Id of a unigram (`word`, `folded` with its `~` prefix, `number` with `#`); -1 when unknown and not created. */
  unigram(kind: 'word' | 'folded' | 'number', term: string, create: boolean): number {
    const map = kind === 'word' ? this.words : kind === 'folded' ? this.foldedWords : this.numbers;
    let id = map.get(term);
    if (id === undefined) {
      if (!create) return -1;
      id = this.allocate(kind, term, -1, -1);
      map.set(term, id);
    }
    return id;
  }

  /** Ids of a canonical syllable: [accented, folded] (-1 when unknown and not created). */
  syllable(syllable: string, foldedTerm: (syllable: string) => string, create: boolean): Int32Array {
    const cached = this.syllables.get(syllable);
    if (cached) return cached;
    const record = new Int32Array([this.unigram('word', syllable, create), this.unigram('folded', foldedTerm(syllable), create)]);
    if (record[0]! >= 0 && record[1]! >= 0) this.syllables.set(syllable, record);
    return record;
  }

  /** Id of the bigram of two unigram ids (accented pair → `bigram`, folded pair → `foldedBigram`). */
  bigram(first: number, second: number, create: boolean): number {
    if (first < 0 || second < 0) return -1;
    const mask = this.pairId.length - 1;
    let slot = hashPair(first, second) & mask;
    for (;;) {
      const stored = this.pairId[slot]!;
      if (stored === 0) break;
      if (this.pairFirst[slot] === first && this.pairSecond[slot] === second) return stored - 1;
      slot = (slot + 1) & mask;
    }
    if (!create) return -1;
    const kind = this.kind(first) === 'folded' ? 'foldedBigram' : 'bigram';
    const id = this.allocate(kind, '', first, second);
    this.pairFirst[slot] = first;
    this.pairSecond[slot] = second;
    this.pairId[slot] = id + 1;
    this.pairCount += 1;
    if (this.pairCount * 2 > this.pairId.length) this.rehash();
    return id;
  }

  /** Id of a term given as a string (as `term()` writes it); -1 when unknown. */
  find(term: string): number {
    if (term.startsWith('#')) return this.unigram('number', term, false);
    const folded = term.startsWith('~');
    const space = term.indexOf(' ');
    if (space === -1) return this.unigram(folded ? 'folded' : 'word', term, false);
    const first = term.slice(0, space);
    const second = term.slice(space + 1);
    return folded
      ? this.bigram(this.unigram('folded', first, false), this.unigram('folded', `~${second}`, false), false)
      : this.bigram(this.unigram('word', first, false), this.unigram('word', second, false), false);
  }

  private allocate(kind: TermKind, text: string, first: number, second: number): number {
    const id = this.count++;
    if (id >= this.kinds.length) {
      const size = this.kinds.length * 2;
      const kinds = new Uint8Array(size);
      kinds.set(this.kinds);
      this.kinds = kinds;
      const firsts = new Int32Array(size);
      firsts.set(this.firsts);
      this.firsts = firsts;
      const seconds = new Int32Array(size);
      seconds.set(this.seconds);
      this.seconds = seconds;
    }
    this.kinds[id] = KIND_CODES.indexOf(kind);
    this.firsts[id] = first;
    this.seconds[id] = second;
    this.strings[id] = text;
    return id;
  }

  private rehash(): void {
    const { pairFirst, pairSecond, pairId } = this;
    const size = pairId.length * 2;
    this.pairFirst = new Int32Array(size);
    this.pairSecond = new Int32Array(size);
    this.pairId = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < pairId.length; i++) {
      if (pairId[i] === 0) continue;
      let slot = hashPair(pairFirst[i]!, pairSecond[i]!) & mask;
      while (this.pairId[slot] !== 0) slot = (slot + 1) & mask;
      this.pairFirst[slot] = pairFirst[i]!;
      this.pairSecond[slot] = pairSecond[i]!;
      this.pairId[slot] = pairId[i]!;
    }
  }
}

function hashPair(first: number, second: number): number {
  let h = Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  return h >>> 0;
}
