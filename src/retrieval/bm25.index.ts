import { analyzeIds, DEFAULT_TOKENIZER_OPTIONS, type AnalyzedIds } from './tokenizer.js';
import { Vocabulary } from './vocabulary.js';

/**
 * In-memory inverted index with BM25F scoring (Robertson & Zaragoza): per term and document the
 * field frequencies are length-normalised per field, weighted, summed into one pseudo-frequency,
 * and saturated once — so a title match strengthens a body match instead of being counted as a
 * separate term.
 *
 * Storage is two-tier, as in Lucene: a compact segment in typed arrays (CSR: one offset per term
 * into a doc-id array and a per-field frequency array) plus a small buffer of recent additions.
 * Removal marks the document dead (its postings are skipped) and the next compaction drops it;
 * an update is remove + add. Document frequencies count live documents only: they are kept
 * incrementally on add and recounted lazily per term after a removal.
 *
 * Fields and their names are fixed at construction; weights and length normalisation are chosen
 * per query, so they can be tuned without re-indexing.
 */

export interface IndexItem<M> {
  id: string;
  /** Text per field; a missing field is empty. */
  fields: Readonly<Record<string, string | undefined>>;
  meta: M;
}

export interface FieldScoring {
  weight: number;
  /** Length normalisation, 0 (none) … 1 (full). */
  b: number;
}

export interface ScoringParams {
  k1: number;
  fields: Readonly<Record<string, FieldScoring>>;
}

export interface QueryTerm {
  /** Term id in the index's vocabulary. */
  id: number;
  weight: number;
}

/** A filter over item metadata; `key` identifies it so its bitset is computed once and reused. */
export interface IndexFilter<M> {
  key: string;
  test: (meta: M) => boolean;
}

export interface ScoredDocuments {
  /** Internal document numbers of every matching document (unordered). */
  docs: Int32Array;
  scores: Float64Array;
  count: number;
}

export interface IndexHit<M> {
  id: string;
  doc: number;
  score: number;
  meta: M;
}

export interface Bm25IndexOptions {
  fields: readonly string[];
  /** Text → term ids of the vocabulary (`create` false for queries). Default: the Vietnamese tokenizer. */
  analyze?: (text: string, vocabulary: Vocabulary, create: boolean) => AnalyzedIds;
  /** Buffered postings that trigger compaction into the typed-array segment. */
  compactAfter?: number;
}

const MAX_TF = 255;

function grow<T extends Int32Array | Float32Array | Uint8Array | Float64Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  let size = Math.max(16, array.length);
  while (size < needed) size *= 2;
  const next = new (array.constructor as new (length: number) => T)(size);
  next.set(array);
  return next;
}

export class Bm25Index<M> {
  readonly fieldNames: readonly string[];
  private readonly fieldCount: number;
  private readonly analyze: (text: string, vocabulary: Vocabulary, create: boolean) => AnalyzedIds;
  readonly vocabulary = new Vocabulary();
  private readonly compactAfter: number;

  private termCount = 0;
  private dfCount = new Int32Array(1024);
  private dfVersion = new Int32Array(1024);
  /** Per term: last document that used it and its slot there (scratch for `add`). */
  private lastDoc = new Int32Array(1024).fill(-1);
  private slot = new Int32Array(1024);
  private version = 0;

  private readonly ids: string[] = [];
  private readonly metas: M[] = [];
  private readonly byId = new Map<string, number>();
  private alive = new Uint8Array(1024);
  private lengths: Float32Array[];
  private readonly totalLength: Float64Array;
  private liveCount = 0;

  // compact segment (CSR)
  private offsets = new Int32Array(1);
  private postDocs = new Int32Array(0);
  private postTf = new Uint8Array(0);
  private compactTerms = 0;
  // buffer: termId → flattened [doc, tf_0 … tf_F-1]*
  private buffer = new Map<number, number[]>();
  // forward store of additions not yet inverted
  private pendingTerms = new Int32Array(1024);
  private pendingDocs = new Int32Array(1024);
  private pendingTf = new Uint8Array(1024 * 4);
  private pendingCount = 0;
  private bufferedPostings = 0;
  private removedSinceCompaction = 0;

  // per-query scratch
  private scores = new Float64Array(1024);
  private touched = new Int32Array(1024);
  private readonly filterCache = new Map<string, { mask: Uint8Array; upTo: number }>();
  private normCache: { key: string; upTo: number; version: number; norms: Float32Array[] } | undefined;

  constructor(options: Bm25IndexOptions) {
    this.fieldNames = [...options.fields];
    this.fieldCount = options.fields.length;
    this.analyze = options.analyze ?? ((text, vocabulary, create) => analyzeIds(text, DEFAULT_TOKENIZER_OPTIONS, vocabulary, create));
    this.compactAfter = options.compactAfter ?? 200_000;
    this.lengths = options.fields.map(() => new Float32Array(1024));
    this.totalLength = new Float64Array(this.fieldCount);
  }

  get size(): number {
    return this.liveCount;
  }

  /** Number of distinct terms ever seen. */
  get vocabularySize(): number {
    return this.termCount;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Adds an item, replacing any live item with the same id. */
  add(item: IndexItem<M>): void {
    if (this.byId.has(item.id)) this.remove(item.id);
    const doc = this.ids.length;
    this.ids.push(item.id);
    this.metas.push(item.meta);
    this.byId.set(item.id, doc);
    this.alive = grow(this.alive, doc + 1);
    this.alive[doc] = 1;
    this.liveCount += 1;

    // New postings go to a forward store (document → terms) in typed arrays; they are inverted
    // in one pass before the next query (see `flush`), so bulk loading never appends to
    // thousands of per-term lists.
    const F = this.fieldCount;
    this.fieldNames.forEach((name, field) => {
      const text = item.fields[name];
      this.lengths[field] = grow(this.lengths[field]!, doc + 1);
      if (!text) return;
      const analyzed = this.analyze(text, this.vocabulary, true);
      this.lengths[field]![doc] = analyzed.length;
      this.totalLength[field] = this.totalLength[field]! + analyzed.length;
      this.ensureTerms(this.vocabulary.size);
      for (const termId of analyzed.ids) {
        let at: number;
        if (this.lastDoc[termId] !== doc) {
          this.lastDoc[termId] = doc;
          at = this.pendingCount++;
          this.slot[termId] = at;
          if (at >= this.pendingTerms.length) {
            this.pendingTerms = grow(this.pendingTerms, at + 1);
            this.pendingDocs = grow(this.pendingDocs, at + 1);
            this.pendingTf = grow(this.pendingTf, this.pendingTerms.length * F);
          }
          this.pendingTerms[at] = termId;
          this.pendingDocs[at] = doc;
          this.pendingTf.fill(0, at * F, at * F + F);
          if (this.dfVersion[termId] === this.version) this.dfCount[termId] = this.dfCount[termId]! + 1;
        } else at = this.slot[termId]!;
        const cell = at * F + field;
        if (this.pendingTf[cell]! < MAX_TF) this.pendingTf[cell] = this.pendingTf[cell]! + 1;
      }
    });
  }

  addAll(items: Iterable<IndexItem<M>>): void {
    for (const item of items) this.add(item);
    this.flush();
  }

  /**
   * Makes pending additions searchable: a few go to the per-term buffer lists, many are merged
   * straight into the compact segment (one counting-sort pass over everything).
   */
  flush(): void {
    if (this.pendingCount === 0) return;
    if (this.pendingCount + this.bufferedPostings > Math.max(this.compactAfter, this.postDocs.length / 8)) {
      this.compact();
      return;
    }
    const F = this.fieldCount;
    for (let at = 0; at < this.pendingCount; at++) {
      const termId = this.pendingTerms[at]!;
      let list = this.buffer.get(termId);
      if (!list) this.buffer.set(termId, (list = []));
      list.push(this.pendingDocs[at]!);
      for (let f = 0; f < F; f++) list.push(this.pendingTf[at * F + f]!);
    }
    this.bufferedPostings += this.pendingCount;
    this.pendingCount = 0;
  }

  /** Removes an item; returns false when no live item has that id. */
  remove(id: string): boolean {
    const doc = this.byId.get(id);
    if (doc === undefined) return false;
    this.byId.delete(id);
    this.alive[doc] = 0;
    this.liveCount -= 1;
    for (let field = 0; field < this.fieldCount; field++) this.totalLength[field] = this.totalLength[field]! - this.lengths[field]![doc]!;
    this.version += 1;
    this.removedSinceCompaction += 1;
    // Dead postings cost time on every query that touches them; drop them once they pile up.
    if (this.removedSinceCompaction > Math.max(1000, this.liveCount / 4)) this.compact();
    return true;
  }

  meta(doc: number): M {
    return this.metas[doc]!;
  }

  idOf(doc: number): string {
    return this.ids[doc]!;
  }

  docOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** Live document frequency of a term id (0 when unknown); with a filter, among the documents it keeps (not cached). */
  documentFrequency(termId: number, filter?: IndexFilter<M>): number {
    this.flush();
    if (termId < 0 || termId >= this.termCount) return 0;
    if (!filter) return this.df(termId);
    const mask = this.mask(filter);
    const kept = (doc: number) => this.alive[doc] === 1 && mask[doc] === 1;
    let df = 0;
    if (termId < this.compactTerms) {
      for (let p = this.offsets[termId]!; p < this.offsets[termId + 1]!; p++) if (kept(this.postDocs[p]!)) df += 1;
    }
    const list = this.buffer.get(termId);
    if (list) for (let i = 0; i < list.length; i += this.fieldCount + 1) if (kept(list[i]!)) df += 1;
    return df;
  }

  idf(termId: number): number {
    return this.idfOf(this.documentFrequency(termId));
  }

  /** Term ids of a query text (unknown terms left out), repeats kept. */
  analyzeQuery(text: string): number[] {
    return this.analyze(text, this.vocabulary, false).ids;
  }

  /** Term ids of a query text, each with weight 1 per occurrence. */
  queryTerms(text: string): QueryTerm[] {
    const counts = new Map<number, number>();
    for (const id of this.analyzeQuery(text)) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].map(([id, weight]) => ({ id, weight }));
  }

  /** Merges the buffer into the compact segment and drops postings of removed documents. */
  compact(): void {
    const termCount = this.termCount;
    const F = this.fieldCount;
    const counts = new Int32Array(termCount + 1);
    for (let term = 0; term < this.compactTerms; term++) {
      for (let p = this.offsets[term]!; p < this.offsets[term + 1]!; p++) if (this.alive[this.postDocs[p]!]) counts[term + 1]! += 1;
    }
    for (const [term, list] of this.buffer) {
      for (let i = 0; i < list.length; i += F + 1) if (this.alive[list[i]!]) counts[term + 1]! += 1;
    }
    for (let at = 0; at < this.pendingCount; at++) if (this.alive[this.pendingDocs[at]!]) counts[this.pendingTerms[at]! + 1]! += 1;
    for (let term = 0; term < termCount; term++) counts[term + 1] = counts[term + 1]! + counts[term]!;
    const total = counts[termCount]!;
    const docs = new Int32Array(total);
    const tfs = new Uint8Array(total * F);
    const cursor = new Int32Array(termCount);
    for (let term = 0; term < termCount; term++) {
      let write = counts[term]!;
      if (term < this.compactTerms) {
        for (let p = this.offsets[term]!; p < this.offsets[term + 1]!; p++) {
          const doc = this.postDocs[p]!;
          if (!this.alive[doc]) continue;
          docs[write] = doc;
          tfs.set(this.postTf.subarray(p * F, p * F + F), write * F);
          write += 1;
        }
      }
      const list = this.buffer.get(term);
      if (list) {
        for (let i = 0; i < list.length; i += F + 1) {
          if (!this.alive[list[i]!]) continue;
          docs[write] = list[i]!;
          for (let f = 0; f < F; f++) tfs[write * F + f] = list[i + 1 + f]!;
          write += 1;
        }
      }
      cursor[term] = write;
    }
    // Pending postings are in document order, so appending keeps each list sorted by document.
    for (let at = 0; at < this.pendingCount; at++) {
      const doc = this.pendingDocs[at]!;
      if (!this.alive[doc]) continue;
      const term = this.pendingTerms[at]!;
      const write = cursor[term]!;
      docs[write] = doc;
      tfs.set(this.pendingTf.subarray(at * F, at * F + F), write * F);
      cursor[term] = write + 1;
    }
    this.pendingCount = 0;
    if (this.pendingTerms.length > 1 << 16) {
      this.pendingTerms = new Int32Array(1024);
      this.pendingDocs = new Int32Array(1024);
      this.pendingTf = new Uint8Array(1024 * F);
    }
    this.offsets = counts;
    this.postDocs = docs;
    this.postTf = tfs;
    this.compactTerms = termCount;
    this.buffer = new Map();
    this.bufferedPostings = 0;
    this.removedSinceCompaction = 0;
  }

  /** Bytes held by the postings and per-document arrays (an estimate of the index size). */
  memoryBytes(): number {
    const F = this.fieldCount;
    const buffered = this.bufferedPostings * (F + 1) * 8 + this.pendingTerms.byteLength * 2 + this.pendingTf.byteLength;
    return this.offsets.byteLength + this.postDocs.byteLength + this.postTf.byteLength + buffered + this.alive.byteLength + F * this.lengths[0]!.byteLength;
  }

  /**
   * Scores every live document that matches at least one term (and the filter). Returns views
   * into scratch arrays that stay valid until the next call.
   */
  score(terms: readonly QueryTerm[], params: ScoringParams, filter?: IndexFilter<M>): ScoredDocuments {
    this.flush();
    const docCount = this.ids.length;
    this.scores = grow(this.scores, docCount);
    this.touched = grow(this.touched, docCount);
    const scores = this.scores;
    const touched = this.touched;
    let count = 0;
    const mask = filter ? this.mask(filter) : undefined;
    const norms = this.norms(params);
    const weights = this.fieldNames.map((name) => params.fields[name]?.weight ?? 0);
    const F = this.fieldCount;
    const k1 = params.k1;
    const alive = this.alive;

    const postDocs = this.postDocs;
    const postTf = this.postTf;
    const offsets = this.offsets;
    for (const { id: termId, weight } of terms) {
      if (termId < 0 || termId >= this.termCount || !(weight > 0)) continue;
      const df = this.df(termId);
      if (df === 0) continue;
      const factor = weight * this.idfOf(df) * (k1 + 1);
      // The same loop twice (compact segment, buffer): kept inline, this is the hot path.
      if (termId < this.compactTerms) {
        const end = offsets[termId + 1]!;
        for (let p = offsets[termId]!; p < end; p++) {
          const doc = postDocs[p]!;
          if (alive[doc] === 0 || (mask !== undefined && mask[doc] === 0)) continue;
          let pseudo = 0;
          const base = p * F;
          for (let f = 0; f < F; f++) {
            const tf = postTf[base + f]!;
            if (tf !== 0) pseudo += weights[f]! * tf * norms[f]![doc]!;
          }
          if (pseudo <= 0) continue;
          if (scores[doc] === 0) touched[count++] = doc;
          scores[doc] = scores[doc]! + (factor * pseudo) / (k1 + pseudo);
        }
      }
      const list = this.buffer.get(termId);
      if (list) {
        for (let i = 0; i < list.length; i += F + 1) {
          const doc = list[i]!;
          if (alive[doc] === 0 || (mask !== undefined && mask[doc] === 0)) continue;
          let pseudo = 0;
          for (let f = 0; f < F; f++) {
            const tf = list[i + 1 + f]!;
            if (tf !== 0) pseudo += weights[f]! * tf * norms[f]![doc]!;
          }
          if (pseudo <= 0) continue;
          if (scores[doc] === 0) touched[count++] = doc;
          scores[doc] = scores[doc]! + (factor * pseudo) / (k1 + pseudo);
        }
      }
    }
    const docs = touched.slice(0, count);
    const result = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const doc = docs[i]!;
      result[i] = scores[doc]!;
      scores[doc] = 0;
    }
    return { docs, scores: result, count };
  }

  /** The best `limit` documents, best first. */
  search(terms: readonly QueryTerm[], params: ScoringParams, limit: number, filter?: IndexFilter<M>): IndexHit<M>[] {
    const { docs, scores, count } = this.score(terms, params, filter);
    return topK(docs, scores, count, limit).map(({ doc, score }) => ({ id: this.ids[doc]!, doc, score, meta: this.metas[doc]! }));
  }

  /** Grows the per-term arrays to the vocabulary size; new terms start with df 0. */
  private ensureTerms(size: number): void {
    if (size <= this.termCount) return;
    this.dfCount = grow(this.dfCount, size);
    this.dfVersion = grow(this.dfVersion, size);
    if (this.lastDoc.length < size) {
      const previous = this.lastDoc.length;
      this.lastDoc = grow(this.lastDoc, size);
      this.lastDoc.fill(-1, previous);
      this.slot = grow(this.slot, size);
    }
    for (let termId = this.termCount; termId < size; termId++) {
      this.dfCount[termId] = 0;
      this.dfVersion[termId] = this.version;
    }
    this.termCount = size;
  }

  private df(termId: number): number {
    if (this.dfVersion[termId] === this.version) return this.dfCount[termId]!;
    let df = 0;
    const F = this.fieldCount;
    if (termId < this.compactTerms) {
      for (let p = this.offsets[termId]!; p < this.offsets[termId + 1]!; p++) if (this.alive[this.postDocs[p]!]) df += 1;
    }
    const list = this.buffer.get(termId);
    if (list) for (let i = 0; i < list.length; i += F + 1) if (this.alive[list[i]!]) df += 1;
    this.dfCount[termId] = df;
    this.dfVersion[termId] = this.version;
    return df;
  }

  private idfOf(df: number): number {
    const n = this.liveCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private mask(filter: IndexFilter<M>): Uint8Array {
    const docCount = this.ids.length;
    let entry = this.filterCache.get(filter.key);
    if (!entry) {
      if (this.filterCache.size >= 64) this.filterCache.delete(this.filterCache.keys().next().value!);
      entry = { mask: new Uint8Array(Math.max(16, docCount)), upTo: 0 };
      this.filterCache.set(filter.key, entry);
    }
    if (entry.upTo < docCount) {
      entry.mask = grow(entry.mask, docCount);
      for (let doc = entry.upTo; doc < docCount; doc++) entry.mask[doc] = filter.test(this.metas[doc]!) ? 1 : 0;
      entry.upTo = docCount;
    }
    return entry.mask;
  }

  /** 1 / (1 − b + b·len/avg) per field and document, cached until the collection or params change. */
  private norms(params: ScoringParams): Float32Array[] {
    const docCount = this.ids.length;
    const key = this.fieldNames.map((name) => params.fields[name]?.b ?? 0).join(',');
    if (this.normCache && this.normCache.key === key && this.normCache.upTo === docCount && this.normCache.version === this.version) return this.normCache.norms;
    const norms = this.fieldNames.map((name, field) => {
      const b = params.fields[name]?.b ?? 0;
      const average = this.liveCount > 0 ? this.totalLength[field]! / this.liveCount : 0;
      const lengths = this.lengths[field]!;
      const out = new Float32Array(docCount);
      for (let doc = 0; doc < docCount; doc++) out[doc] = average > 0 ? 1 / (1 - b + (b * lengths[doc]!) / average) : 1;
      return out;
    });
    this.normCache = { key, upTo: docCount, version: this.version, norms };
    return norms;
  }
}

/** Indices of the `limit` highest scores, best first (ties: lower doc number first). */
export function topK(docs: Int32Array, scores: Float64Array, count: number, limit: number): Array<{ doc: number; score: number }> {
  if (limit <= 0 || count === 0) return [];
  // A min-heap of size `limit` keeps this O(n log k) for the usual k ≤ 50.
  const heapDocs = new Int32Array(Math.min(limit, count));
  const heapScores = new Float64Array(heapDocs.length);
  let size = 0;
  const less = (i: number, j: number): boolean => heapScores[i]! < heapScores[j]! || (heapScores[i] === heapScores[j] && heapDocs[i]! > heapDocs[j]!);
  const swap = (i: number, j: number): void => {
    const d = heapDocs[i]!;
    heapDocs[i] = heapDocs[j]!;
    heapDocs[j] = d;
    const s = heapScores[i]!;
    heapScores[i] = heapScores[j]!;
    heapScores[j] = s;
  };
  const down = (start: number): void => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < size && less(l, smallest)) smallest = l;
      if (r < size && less(r, smallest)) smallest = r;
      if (smallest === i) return;
      swap(i, smallest);
      i = smallest;
    }
  };
  for (let i = 0; i < count; i++) {
    const doc = docs[i]!;
    const score = scores[i]!;
    if (size < heapDocs.length) {
      heapDocs[size] = doc;
      heapScores[size] = score;
      let child = size++;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (!less(child, parent)) break;
        swap(child, parent);
        child = parent;
      }
    } else if (score > heapScores[0]! || (score === heapScores[0] && doc < heapDocs[0]!)) {
      heapDocs[0] = doc;
      heapScores[0] = score;
      down(0);
    }
  }
  const out: Array<{ doc: number; score: number }> = [];
  for (let i = 0; i < size; i++) out.push({ doc: heapDocs[i]!, score: heapScores[i]! });
  return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
}
