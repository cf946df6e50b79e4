import type { ChunkEmbeddingRepository, IndexVersion, PassageRepository } from '../db/repositories/index.js';
import type { Logger } from '../logging/index.js';
import type { EmbeddingModel } from '../providers/embedding/index.js';
import { databaseCorpus } from './database.source.js';
import type { Passage, SearchResult } from './passage.types.js';
import { SearchService, type SearchOptions } from './search.service.js';

/** Optional dense leg: query vectors from the embedding model, neighbours from pgvector (HNSW). */
export interface DenseLeg {
  model: EmbeddingModel;
  vectors: ChunkEmbeddingRepository;
  /** RRF weight of the dense ranking (lexical = 1); 0 = off. */
  weight: number;
  /** Neighbours fetched per query. */
  candidates?: number;
}

/**
 * The search index of a running process: built in memory from the database, then kept up to
 * date one document at a time (documents processed, re-ingested or deleted since the last check,
 * at most every `checkIntervalMs`, by the search that falls due); other searches keep using the
 * index while it is updated. Every API
 * process holds its own copy, so API processes scale out without coordination; the database
 * stays the source of truth.
 */
/** Above this many changed documents the index is rebuilt in the background instead of updated in place. */
const MAX_INCREMENTAL_DOCUMENTS = 50;

export class LiveSearchIndex {
  private service: SearchService | undefined;
  private version: IndexVersion | undefined;
  private building: Promise<void> | undefined;
  /** A full rebuild after a bulk change, running while searches use the current index. */
  private rebuilding: Promise<void> | undefined;
  private lastCheck = 0;

  constructor(
    private readonly passages: PassageRepository,
    private readonly logger: Pick<Logger, 'info' | 'warn'>,
    private readonly checkIntervalMs = 2000,
    private readonly dense?: DenseLeg,
  ) {}

  /** Searches the current index; the first call waits for the initial build. */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
    // the request that falls due for the check waits for it (a version query, then only the changed
    // documents), so an answer never lags a finished ingestion; requests meanwhile use the current index
    if (!this.service) await this.refresh();
    else await this.refreshIfStale();
    const dense = this.dense && this.dense.weight > 0 ? await this.denseHits(query) : undefined;
    return this.service!.search(query, dense ? { ...options, dense } : options);
  }

  /** The passages of one document in the current index (empty before the first build or when unknown). */
  async passagesOf(documentId: string): Promise<readonly Passage[]> {
    if (!this.service) await this.refresh();
    return this.service!.passagesOf(documentId);
  }

  /** The share of passages of the current index that have the word (see SearchService.wordShare). */
  async wordShare(word: string): Promise<number | undefined> {
    if (!this.service) await this.refresh();
    return this.service!.wordShare(word);
  }

  /** How much the words of a text belong to the law articles rather than to the procedures (see SearchService.legalLeaning). */
  async legalLeaning(text: string): Promise<number> {
    if (!this.service) await this.refresh();
    return this.service!.legalLeaning(text);
  }

  get stats() {
    return { passages: this.service?.size ?? 0, documents: this.version?.documents ?? 0, builtFor: this.version?.lastChange ?? null };
  }

  /** Brings the index up to date with the database (first call: full build). */
  async refresh(): Promise<void> {
    this.building ??= (async () => {
      try {
        const version = await this.passages.version();
        if (this.service && this.version && version.documents === this.version.documents && version.lastChange === this.version.lastChange) return;
        const started = performance.now();
        if (this.service && this.version) {
          const changes = await this.changesSince(this.service, this.version);
          if (changes.removed.length + changes.changed.length > MAX_INCREMENTAL_DOCUMENTS) {
            // a bulk change (a corpus being ingested): no search waits for it
            this.rebuildInBackground(version);
            return;
          }
          const changed = await this.apply(this.service, changes);
          this.logger.info({ changed, documents: version.documents, ms: Math.round(performance.now() - started) }, 'search index updated');
        } else {
          if (this.dense && this.dense.weight > 0) await this.dense.vectors.ensureIndex(this.dense.model.modelId, this.dense.model.dimensions);
          this.service = await SearchService.fromSource(databaseCorpus(this.passages));
          this.logger.info({ passages: this.service.size, documents: version.documents, ms: Math.round(performance.now() - started) }, 'search index built');
        }
        this.version = version;
      } finally {
        this.building = undefined;
        this.lastCheck = Date.now();
      }
    })();
    return this.building;
  }

  /** Documents deleted (or no longer searchable) and documents processed since `since`. */
  private async changesSince(service: SearchService, since: IndexVersion): Promise<{ removed: string[]; changed: string[] }> {
    const done = new Set(await this.passages.doneDocumentIds());
    const changed = since.lastChange ? await this.passages.documentsChangedSince(since.lastChange) : [...done];
    return { removed: service.documentIds().filter((documentId) => !done.has(documentId)), changed };
  }

  /** Drops the removed documents and re-reads the changed ones; returns how many changed. */
  private async apply(service: SearchService, { removed, changed }: { removed: string[]; changed: string[] }): Promise<number> {
    for (const documentId of removed) service.removeDocument(documentId);
    for (const documentId of changed) {
      const passages: Passage[] = [];
      for await (const passage of databaseCorpus(this.passages, documentId).passages()) passages.push(passage);
      service.upsertDocument(documentId, passages);
    }
    return removed.length + changed.length;
  }

  private async denseHits(query: string): Promise<{ hits: Array<{ passageId: string }>; weight: number } | undefined> {
    const dense = this.dense!;
    try {
      const [vector] = await dense.model.embed([query], { kind: 'query' });
      if (!vector) return undefined;
      const hits = await dense.vectors.nearest(dense.model.modelId, vector, dense.candidates ?? 50);
      return { hits: hits.map((hit) => ({ passageId: hit.chunkId })), weight: dense.weight };
    } catch (error) {
      // the lexical ranking alone still answers
      this.logger.warn({ err: error }, 'dense search failed');
      return undefined;
    }
  }

  private rebuildInBackground(version: IndexVersion): void {
    this.rebuilding ??= (async () => {
      const started = performance.now();
      const service = await SearchService.fromSource(databaseCorpus(this.passages));
      this.service = service;
      this.version = version;
      this.logger.info({ passages: service.size, documents: version.documents, ms: Math.round(performance.now() - started) }, 'search index rebuilt after a bulk change');
    })()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'search index rebuild failed'))
      .finally(() => {
        this.rebuilding = undefined;
      });
  }

  private async refreshIfStale(): Promise<void> {
    if (this.building || this.rebuilding || Date.now() - this.lastCheck < this.checkIntervalMs) return;
    this.lastCheck = Date.now();
    await this.refresh().catch((error: unknown) => this.logger.warn({ err: error }, 'search index refresh failed'));
  }
}
