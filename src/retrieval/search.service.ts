import { Bm25Index, topK, type QueryTerm } from './bm25.index.js';
import type { CorpusSource } from './corpus.source.js';
import { compileFilters } from './filters.js';
import { legalLeaning } from './legal-leaning.js';
import type { Passage, SearchFilters, SearchResult } from './passage.types.js';
import { stripQuestionFormulas, synonymExpansions } from './query.normalize.js';
import { DEFAULT_RETRIEVAL_CONFIG, type RetrievalConfig, type TermWeights } from './retrieval.config.js';
import { analyzeIds, hasDiacritics } from './tokenizer.js';
import { labelTerms, UnitLabels } from './unit-labels.js';
import { AccentedWordCounts } from './word-counts.js';

/**
 * Lexical search over passages: question clean-up → weighted query terms → BM25F over
 * passages → passages grouped into citable units (one article of a law, one procedure) →
 * optional feedback and re-ranking → results in the API contract shape.
 *
 * Storage-agnostic: passages come from a CorpusSource (files in the eval, the `chunks` table
 * in the service) or are added and removed one document at a time.
 */

export interface SearchOptions {
  /** Number of results (grouped units), default 10, at most 50. */
  k?: number;
  filters?: SearchFilters;
  /**
   * Nearest passages by vector similarity (pgvector), best first, fused with the lexical ranking
   * by reciprocal rank fusion at the unit level with this weight (lexical weight 1).
   */
  dense?: { hits: ReadonlyArray<{ passageId: string }>; weight: number };
}

/** RRF constant (Cormack et al.): ranks beyond a few dozen contribute almost equally. */
const RRF_K = 60;

interface Entry {
  passage: Passage;
  /** Citable unit the passage belongs to (document + article, or document). */
  group: number;
}

export const FIELDS = ['title', 'heading', 'body'] as const;

/** The passages of law articles. */
const LAW_ARTICLES = { key: 'law-articles', test: (entry: Entry) => entry.passage.citation.article !== null };

/** The indexed passages and their units; shared by services that differ only in query-time settings. */
class IndexState {
  readonly index: Bm25Index<Entry>;
  readonly groupIds = new Map<string, number>();
  readonly byDocument = new Map<string, Passage[]>();
  readonly labels: UnitLabels;
  /** Passages per accented word (how common a word typed with accents is; see wordShare). */
  readonly accentedWords = new AccentedWordCounts();
  groupCount = 0;
  // aggregation scratch
  groupBest = new Float64Array(1024);
  groupSum = new Float64Array(1024);
  groupDoc = new Int32Array(1024);
  groupHits = new Int32Array(1024);
  /** Unit of each internal document number (the index's numbering). */
  docGroup = new Int32Array(1024);
  /** Sorted ids of the terms anywhere in a document's passages, built when the document is first a candidate. */
  readonly documentTerms = new Map<string, Int32Array>();
  /** Law-article passages indexed, and per term how many of them have it (filled on demand, emptied on change). */
  lawPassages = 0;
  readonly lawTermCounts = new Map<number, number>();

  constructor(config: RetrievalConfig) {
    this.index = new Bm25Index<Entry>({ fields: FIELDS, analyze: (text, vocabulary, create) => analyzeIds(text, config.tokenizer, vocabulary, create) });
    this.labels = new UnitLabels(config.tokenizer);
  }
}

export class SearchService {
  readonly config: RetrievalConfig;
  private readonly state: IndexState;

  constructor(config: RetrievalConfig = DEFAULT_RETRIEVAL_CONFIG, state?: IndexState) {
    this.config = config;
    this.state = state ?? new IndexState(config);
  }

  /**
   * The same index searched with other query-time settings (scoring, query weights, grouping,
   * feedback, re-ranking). The tokenizer cannot change without re-indexing.
   */
  withConfig(config: RetrievalConfig): SearchService {
    if (JSON.stringify(config.tokenizer) !== JSON.stringify(this.config.tokenizer)) throw new Error('withConfig: the tokenizer options differ from the index');
    return new SearchService(config, this.state);
  }

  private get index(): Bm25Index<Entry> {
    return this.state.index;
  }

  static async fromSource(source: CorpusSource, config: RetrievalConfig = DEFAULT_RETRIEVAL_CONFIG): Promise<SearchService> {
    const service = new SearchService(config);
    for await (const passage of source.passages()) service.add(passage);
    service.index.compact();
    return service;
  }

  get size(): number {
    return this.index.size;
  }

  get indexBytes(): number {
    return this.index.memoryBytes();
  }

  get vocabularySize(): number {
    return this.index.vocabularySize;
  }

  /** Adds a passage; a passage with the same id is replaced. */
  add(passage: Passage): void {
    const previous = this.index.docOf(passage.id);
    if (previous !== undefined) this.forget(this.index.meta(previous).passage);
    const key = groupKey(passage);
    let group = this.state.groupIds.get(key);
    if (group === undefined) {
      group = this.state.groupCount++;
      this.state.groupIds.set(key, group);
    }
    const { title, heading, body } = passage.fields;
    this.index.add({ id: passage.id, fields: { title, heading, body }, meta: { passage, group } });
    const doc = this.index.docOf(passage.id)!;
    if (doc >= this.state.docGroup.length) {
      const next = new Int32Array(Math.max(1024, doc * 2));
      next.set(this.state.docGroup);
      this.state.docGroup = next;
    }
    this.state.docGroup[doc] = group;
    let passages = this.state.byDocument.get(passage.document.id);
    if (!passages) this.state.byDocument.set(passage.document.id, (passages = []));
    passages.push(passage);
    this.state.documentTerms.delete(passage.document.id);
    this.state.labels.retain(passage.document.id, passage.fields.title ?? passage.document.title, key, unitHeading(passage));
    this.state.accentedWords.update(passage.text, 1);
    if (passage.citation.article !== null) this.state.lawPassages += 1;
    this.state.lawTermCounts.clear();
  }

  /** Removes one passage by id; false when it is not indexed. */
  remove(passageId: string): boolean {
    const doc = this.index.docOf(passageId);
    if (doc === undefined) return false;
    this.forget(this.index.meta(doc).passage);
    return this.index.remove(passageId);
  }

  /** Removes every passage of a document; returns how many were removed. */
  removeDocument(documentId: string): number {
    const passages = [...(this.state.byDocument.get(documentId) ?? [])];
    for (const passage of passages) this.remove(passage.id);
    return passages.length;
  }

  /** Drops the bookkeeping of a passage (its document list, its unit's labels). */
  private forget(passage: Passage): void {
    this.state.documentTerms.delete(passage.document.id);
    const passages = this.state.byDocument.get(passage.document.id);
    if (passages) {
      const at = passages.findIndex((item) => item.id === passage.id);
      if (at !== -1) passages.splice(at, 1);
      if (passages.length === 0) this.state.byDocument.delete(passage.document.id);
    }
    this.state.labels.release(passage.document.id, groupKey(passage));
    this.state.accentedWords.update(passage.text, -1);
    if (passage.citation.article !== null) this.state.lawPassages -= 1;
    this.state.lawTermCounts.clear();
  }

  /** How much the words of a text belong to the law articles rather than to the procedures (see legalLeaning). */
  legalLeaning(text: string): number {
    const terms = [...new Set(this.index.analyzeQuery(text))].map((id) => ({ law: this.lawCount(id), all: this.index.documentFrequency(id) }));
    return legalLeaning(terms, this.state.lawPassages, this.index.size);
  }

  /** Law-article passages having a term. */
  private lawCount(id: number): number {
    let count = this.state.lawTermCounts.get(id);
    if (count === undefined) {
      count = this.index.documentFrequency(id, LAW_ARTICLES);
      this.state.lawTermCounts.set(id, count);
    }
    return count;
  }

  /**
   * The share of indexed passages that have the word, or undefined when no passage has it: `đang`
   * is in a third of them, `gấp` in a few hundred, `flycam` in none. A word typed with accents is
   * counted with them (`súng` is rare though `sung` of `bổ sung` is not).
   */
  wordShare(word: string): number | undefined {
    const size = Math.max(1, this.index.size);
    if (hasDiacritics(word)) {
      const count = this.state.accentedWords.count(word);
      return count > 0 ? count / size : undefined;
    }
    const ids = this.index.analyzeQuery(word);
    if (ids.length === 0) return undefined;
    return Math.min(...ids.map((id) => this.index.documentFrequency(id))) / size;
  }

  /** The indexed passages of one document, in indexing order (the assistant reads a procedure's sections). */
  passagesOf(documentId: string): readonly Passage[] {
    return this.state.byDocument.get(documentId) ?? [];
  }

  /** Replaces the passages of one document (re-ingestion). */
  upsertDocument(documentId: string, passages: readonly Passage[]): void {
    this.removeDocument(documentId);
    for (const passage of passages) this.add(passage);
  }

  /** The question as searched: formulas removed, formal equivalents of informal words listed. */
  prepareQuery(query: string): { text: string; expansions: string[]; accented: boolean } {
    const config = this.config.query;
    const text = config.stripFormulas ? stripQuestionFormulas(query) : query;
    return { text, expansions: config.synonyms ? synonymExpansions(text) : [], accented: hasDiacritics(query) };
  }

  /** Weighted query terms after clean-up and expansion. */
  queryTerms(query: string): QueryTerm[] {
    const config = this.config.query;
    const prepared = this.prepareQuery(query);
    const weights: TermWeights = prepared.accented ? config.accented : config.plain;
    const counts = new Map<number, number>();
    const add = (text: string, factor: number): void => {
      for (const id of this.index.analyzeQuery(text)) counts.set(id, (counts.get(id) ?? 0) + factor);
    };
    add(prepared.text, 1);
    // Expansions are a separate phrase so their bigrams do not join the question's words.
    for (const expansion of prepared.expansions) add(expansion, config.synonymWeight);
    const vocabulary = this.index.vocabulary;
    const maxDf = config.maxDocumentShare * this.index.size;
    const terms: QueryTerm[] = [];
    const common: QueryTerm[] = [];
    for (const [id, count] of counts) {
      const weight = weights[vocabulary.kind(id)] * count;
      if (weight <= 0) continue;
      // Terms in a large share of all passages barely move a BM25 score but cost a full pass;
      // they are kept only when the question has nothing else (`đăng ký` alone).
      (this.index.documentFrequency(id) <= maxDf ? terms : common).push({ id, weight });
    }
    if (terms.length === 0) return common;
    return terms;
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const k = Math.min(Math.max(1, options.k ?? 10), 50);
    const filter = compileFilters<Entry>(options.filters, (entry) => entry.passage);
    let terms = this.queryTerms(query);
    let groups = this.rankGroups(terms, filter, Math.max(k, this.config.rerank.depth));
    const feedback = this.config.feedback;
    if (feedback && groups.length > 0) {
      terms = this.expandWithFeedback(terms, groups.slice(0, feedback.documents));
      groups = this.rankGroups(terms, filter, Math.max(k, this.config.rerank.depth));
    }
    if (rerankEnabled(this.config.rerank)) groups = this.rerank(query, groups, terms);
    if (options.dense && options.dense.weight > 0 && options.dense.hits.length > 0) groups = this.fuseDense(groups, options.dense, filter);
    return groups.slice(0, k).map(({ doc, score }) => toResult(this.index.meta(doc).passage, score));
  }

  /** Document ids currently indexed. */
  documentIds(): string[] {
    return [...this.state.byDocument.keys()];
  }

  /** Reciprocal rank fusion of the (re-ranked) lexical units with the units of the dense hits. */
  private fuseDense(
    groups: Array<{ doc: number; score: number }>,
    dense: NonNullable<SearchOptions['dense']>,
    filter: ReturnType<typeof compileFilters<Entry>>,
  ): Array<{ doc: number; score: number }> {
    const fused = new Map<number, { doc: number; score: number }>();
    groups.forEach(({ doc }, rank) => fused.set(this.state.docGroup[doc]!, { doc, score: 1 / (RRF_K + rank + 1) }));
    let rank = 0;
    const seen = new Set<number>();
    for (const { passageId } of dense.hits) {
      const doc = this.index.docOf(passageId);
      if (doc === undefined) continue;
      if (filter && !filter.test(this.index.meta(doc))) continue;
      const group = this.state.docGroup[doc]!;
      if (seen.has(group)) continue;
      seen.add(group);
      rank += 1;
      const entry = fused.get(group) ?? { doc, score: 0 };
      entry.score += dense.weight / (RRF_K + rank);
      fused.set(group, entry);
    }
    return [...fused.values()].sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** Groups (best passage doc, group score), best first. */
  private rankGroups(terms: readonly QueryTerm[], filter: ReturnType<typeof compileFilters<Entry>>, limit: number): Array<{ doc: number; score: number }> {
    const { docs, scores, count } = this.index.score(terms, this.config.scoring, filter);
    const groups = this.state.groupCount;
    if (this.state.groupBest.length < groups) {
      this.state.groupBest = new Float64Array(groups * 2);
      this.state.groupSum = new Float64Array(groups * 2);
      this.state.groupDoc = new Int32Array(groups * 2);
      this.state.groupHits = new Int32Array(groups * 2);
    }
    const { groupBest, groupSum, groupDoc, groupHits, docGroup } = this.state;
    const touched: number[] = [];
    for (let i = 0; i < count; i++) {
      const doc = docs[i]!;
      const score = scores[i]!;
      const group = docGroup[doc]!;
      if (groupHits[group] === 0) {
        touched.push(group);
        groupBest[group] = score;
        groupDoc[group] = doc;
      } else if (score > groupBest[group]!) {
        groupBest[group] = score;
        groupDoc[group] = doc;
      }
      groupSum[group] = groupSum[group]! + score;
      groupHits[group] = groupHits[group]! + 1;
    }
    const { alpha } = this.config.grouping;
    const groupDocs = new Int32Array(touched.length);
    const groupScores = new Float64Array(touched.length);
    for (let i = 0; i < touched.length; i++) {
      const group = touched[i]!;
      const best = groupBest[group]!;
      groupDocs[i] = groupDoc[group]!;
      groupScores[i] = best + alpha * (groupSum[group]! - best);
      groupHits[group] = 0;
      groupSum[group] = 0;
    }
    return topK(groupDocs, groupScores, touched.length, limit);
  }

  /** Pseudo-relevance feedback: bigrams frequent in the top units' best passages and rare elsewhere. */
  private expandWithFeedback(terms: readonly QueryTerm[], top: ReadonlyArray<{ doc: number; score: number }>): QueryTerm[] {
    const feedback = this.config.feedback!;
    const vocabulary = this.index.vocabulary;
    const known = new Set(terms.map((term) => term.id));
    const weights = new Map<number, number>();
    const best = top[0]?.score ?? 1;
    for (const { doc, score } of top) {
      const passage = this.index.meta(doc).passage;
      const analyzed = this.index.analyzeQuery(`${passage.fields.heading ?? ''}\n${passage.fields.body}`);
      const tf = new Map<number, number>();
      for (const id of analyzed) tf.set(id, (tf.get(id) ?? 0) + 1);
      for (const [id, count] of tf) {
        if (known.has(id)) continue;
        const kind = vocabulary.kind(id);
        if (kind !== 'bigram' && kind !== 'foldedBigram') continue;
        weights.set(id, (weights.get(id) ?? 0) + (score / best) * (count / Math.max(1, analyzed.length)) * this.index.idf(id));
      }
    }
    const expansion = [...weights.entries()].sort((a, b) => b[1] - a[1]).slice(0, feedback.terms);
    const top1 = expansion[0]?.[1] ?? 1;
    return [...terms, ...expansion.map(([id, weight]) => ({ id, weight: (feedback.weight * weight) / top1 }))];
  }

  /**
   * Re-ranks the candidate units by how much of their own name the question covers: the
   * document title (law or procedure name) and the article heading. The lexical score is
   * scaled to the best candidate so the features weigh the same for every question.
   */
  private rerank(query: string, groups: Array<{ doc: number; score: number }>, terms: readonly QueryTerm[]): Array<{ doc: number; score: number }> {
    if (groups.length === 0) return groups;
    const { title, heading, articleTitle, localTitle, localBody, kindBoost } = this.config.rerank;
    const prepared = this.prepareQuery(query);
    const queryTerms = new Set([prepared.text, ...prepared.expansions].flatMap((text) => labelTerms(text, this.config.tokenizer)));
    const top = groups[0]!.score || 1;
    const local = localTitle > 0 ? localTitleMatch(groups.map(({ doc }) => this.state.labels.titleTerms(this.index.meta(doc).passage.document.id)), queryTerms) : undefined;
    const body = localBody > 0 ? this.localBody(groups, terms) : undefined;
    return groups
      .map(({ doc, score }, i) => {
        const passage = this.index.meta(doc).passage;
        const features = this.state.labels.features(queryTerms, passage.document.id, groupKey(passage));
        const prior = passage.document.kind ? (kindBoost[passage.document.kind] ?? 0) : 0;
        if (passage.citation.article !== null) {
          // A law article: its heading names the unit; the law title is shared by all its articles.
          return { doc, score: score / top + articleTitle * features.title + heading * features.heading + prior };
        }
        return { doc, score: score / top + title * features.title + (local ? localTitle * local[i]! : 0) + (body ? localBody * body[i]! : 0) + prior };
      })
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** localBodyMatch over the candidates' whole texts, with the question's word pairs. */
  private localBody(groups: ReadonlyArray<{ doc: number }>, terms: readonly QueryTerm[]): number[] {
    const documents = groups.map(({ doc }) => {
      const passage = this.index.meta(doc).passage;
      return passage.citation.article === null ? this.termsOfDocument(passage.document.id) : undefined;
    });
    // word pairs (`cam đoan`, `hộ nghèo`): single syllables are in every procedure of a family
    const vocabulary = this.index.vocabulary;
    const pairs = terms.filter(({ id }) => vocabulary.kind(id) === 'foldedBigram' || vocabulary.kind(id) === 'bigram');
    return localBodyMatch(documents, pairs, (id) => this.index.idf(id));
  }

  /** Sorted ids of every term in a document's passages (cached until the document changes). */
  private termsOfDocument(documentId: string): Int32Array {
    let ids = this.state.documentTerms.get(documentId);
    if (!ids) {
      const unique = new Set<number>();
      for (const passage of this.passagesOf(documentId)) for (const id of this.index.analyzeQuery(`${passage.fields.heading ?? ''}\n${passage.fields.body}`)) unique.add(id);
      ids = Int32Array.from(unique).sort();
      this.state.documentTerms.set(documentId, ids);
    }
    return ids;
  }
}

/**
 * What the question says that tells the candidate documents apart, read in their whole text: procedures of one
 * family (`Đăng ký khai sinh`, `… có yếu tố nước ngoài`, `… cho người đã có hồ sơ`) share most words, and the
 * best passage of each need not hold the one word only some of them have (`ADN`, `hộ nghèo`, `niêm yết`). Each
 * query term a candidate has counts its query weight × its IDF in the corpus × its IDF among the candidates;
 * scores are scaled to the best. Law articles (undefined) score 0.
 */
function localBodyMatch(documents: ReadonlyArray<Int32Array | undefined>, terms: readonly QueryTerm[], globalIdf: (id: number) => number): number[] {
  const present = documents.filter((ids): ids is Int32Array => ids !== undefined);
  const n = present.length;
  const scores = documents.map(() => 0);
  if (n < 2) return scores;
  for (const { id, weight } of terms) {
    const having = documents.map((ids) => ids !== undefined && binaryHas(ids, id));
    const df = having.filter(Boolean).length;
    if (df === 0 || df === n) continue;
    const idf = globalIdf(id) * Math.log(1 + (n - df + 0.5) / (df + 0.5));
    having.forEach((has, i) => {
      if (has) scores[i] = scores[i]! + weight * idf;
    });
  }
  const best = Math.max(...scores);
  return best > 0 ? scores.map((score) => score / best) : scores;
}

function binaryHas(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = sorted[middle]!;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

function rerankEnabled(rerank: RetrievalConfig['rerank']): boolean {
  const { title, localTitle, localBody, articleTitle, heading, kindBoost } = rerank;
  return title > 0 || localTitle > 0 || localBody > 0 || articleTitle > 0 || heading > 0 || Object.values(kindBoost).some((boost) => boost !== 0);
}

/**
 * Title match with term weights from the candidates themselves: among the procedures the
 * question retrieved, words every title shares (`đăng ký`, `khai sinh`) weigh nothing and the
 * words that tell them apart (`lại`, `nước ngoài`, `lưu động`) weigh most. Returns, per
 * candidate, the harmonic mean of the share of its title the question covers and the share of
 * the question's title words its title contains.
 */
function localTitleMatch(titles: ReadonlyArray<ReadonlySet<string> | undefined>, queryTerms: ReadonlySet<string>): number[] {
  const n = titles.length;
  const df = new Map<string, number>();
  for (const terms of new Set(titles)) if (terms) for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
  const weight = (term: string): number => {
    const count = df.get(term) ?? 0;
    return Math.log(1 + (n - count + 0.5) / (count + 0.5));
  };
  let queryMass = 0;
  for (const term of queryTerms) if (df.has(term)) queryMass += weight(term);
  return titles.map((terms) => {
    if (!terms || terms.size === 0 || queryMass === 0) return 0;
    let covered = 0;
    let total = 0;
    for (const term of terms) {
      const w = weight(term);
      total += w;
      if (queryTerms.has(term)) covered += w;
    }
    const precision = total > 0 ? covered / total : 0;
    const recall = covered / queryMass;
    return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  });
}

/** Heading of the unit a passage belongs to: the article heading for law articles. */
function unitHeading(passage: Passage): string | undefined {
  return passage.citation.article !== null ? passage.fields.heading : undefined;
}

/** The citable unit: one article of a legal document, otherwise the whole document. */
export function groupKey(passage: Passage): string {
  return passage.citation.article !== null ? `${passage.document.id}#${passage.citation.article}` : passage.document.id;
}

function toResult(passage: Passage, score: number): SearchResult {
  return {
    score: Math.round(score * 1e4) / 1e4,
    text: passage.text,
    document: passage.document,
    citation: passage.citation,
    procedure: passage.procedure,
  };
}
