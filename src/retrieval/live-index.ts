import type { IndexVersion, PassageRepository } from '../db/repositories/index.js';
import type { Logger } from '../logging/index.js';
import { databaseCorpus } from './database.source.js';
import type { Passage, SearchResult } from './passage.types.js';
import { SearchService, type SearchOptions } from './search.service.js';

/**
 * The search index of a running process: built in memory from the database, and rebuilt in the
 * background when documents change (checked at most every `checkIntervalMs`; searches keep using
 * the previous index until the new one is ready). Every API process holds its own copy, so API
 * processes scale out without coordination; the database stays the source of truth.
 */
export class LiveSearchIndex {
  private service: SearchService | undefined;
  private version: IndexVersion | undefined;
  private building: Promise<void> | undefined;
  private lastCheck = 0;

  constructor(
    private readonly passages: PassageRepository,
    private readonly logger: Pick<Logger, 'info' | 'warn'>,
    private readonly checkIntervalMs = 2000,
  ) {}

  /** Searches the current index; the first call waits for the initial build. */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
    if (!this.service) await this.refresh();
    else void this.refreshIfStale();
    return this.service!.search(query, options);
  }

  /** The passages of one document in the current index (empty before the first build or when unknown). */
  async passagesOf(documentId: string): Promise<readonly Passage[]> {
    if (!this.service) await this.refresh();
    return this.service!.passagesOf(documentId);
  }

  /** Whether the current index has the word in any form (see SearchService.knowsWord). */
  async knowsWord(word: string): Promise<boolean> {
    if (!this.service) await this.refresh();
    return this.service!.knowsWord(word);
  }

  get stats() {
    return { passages: this.service?.size ?? 0, documents: this.version?.documents ?? 0, builtFor: this.version?.lastChange ?? null };
  }

  /** Rebuilds when the database changed since the last build. */
  async refresh(): Promise<void> {
    this.building ??= (async () => {
      try {
        const version = await this.passages.version();
        if (this.service && this.version && version.documents === this.version.documents && version.lastChange === this.version.lastChange) return;
        const started = performance.now();
        const service = await SearchService.fromSource(databaseCorpus(this.passages));
        this.service = service;
        this.version = version;
        this.logger.info({ passages: service.size, documents: version.documents, ms: Math.round(performance.now() - started) }, 'search index built');
      } finally {
        this.building = undefined;
        this.lastCheck = Date.now();
      }
    })();
    return this.building;
  }

  private async refreshIfStale(): Promise<void> {
    if (this.building || Date.now() - this.lastCheck < this.checkIntervalMs) return;
    this.lastCheck = Date.now();
    await this.refresh().catch((error: unknown) => this.logger.warn({ err: error }, 'search index refresh failed'));
  }
}
