import path from 'node:path';
import { ClientService, loadOrCreateSigningKeys, TokenService } from '../auth/index.js';
import { AuditService } from '../audit/index.js';
import type { AppConfig } from '../config/index.js';
import { ApiClientRepository, AuditRepository, ChunkEmbeddingRepository, PassageRepository, openDatabase, type Database } from '../db/index.js';
import { ChatRepository, ProcedureRepository } from '../db/index.js';
import { AssistantService } from '../agents/assistant/index.js';
import { createLanguageModel } from '../providers/llm/index.js';
import { LiveSearchIndex } from '../retrieval/live-index.js';
import { DocumentService } from '../documents/document.service.js';
import type { Logger } from '../logging/index.js';
import { createJobQueue } from '../queue/index.js';
import type { JobQueue } from '../queue/job.types.js';
import { FileBlobStore, type BlobStore } from '../storage/index.js';
import { createOcrEngine, type OcrEngine } from '../providers/ocr/index.js';
import { createEmbeddingModel, type EmbeddingModel } from '../providers/embedding/index.js';
import { CanvasPageImageRenderer, DossierService } from '../dossiers/index.js';
import { createDossierPrechecker, type DossierPrechecker } from '../agents/precheck/index.js';

/**
 * Everything a process needs, built once from the configuration: the API server, the worker
 * and the CLIs share this so they run the same code path in embedded and production modes.
 */
export interface Services {
  config: AppConfig;
  logger: Logger;
  database: Database;
  queue: JobQueue;
  blobs: BlobStore;
  tokens: TokenService;
  clients: ClientService;
  audit: AuditService;
  documents: DocumentService;
  dossiers: DossierService;
  /** The dossier pre-check engine (loads its classifier on first use), shared by all jobs. */
  prechecker: DossierPrechecker;
  /** Tesseract workers start on first use and are shared by all jobs of the process. */
  ocr: OcrEngine;
  /** In-memory search index over the database's chunks, rebuilt when documents change. */
  search: LiveSearchIndex;
  /** Dense embeddings of chunks (models/ manifest); null when EMBEDDING_MODEL=none. */
  embedding: EmbeddingModel | null;
  /** The citizen assistant (extractive, or fluent through LLM_BASE_URL). */
  assistant: AssistantService;
  close(): Promise<void>;
}

export async function createServices(config: AppConfig, logger: Logger, options: { database?: Database } = {}): Promise<Services> {
  const database = options.database ?? (await openDatabase(config));
  try {
    const queue = createJobQueue(config, database, logger);
    const blobs = new FileBlobStore(config.paths.blobDir);
    const embedding = await createEmbeddingModel({ modelsDir: config.paths.modelsDir, model: config.embedding.model });
    const ocr = createOcrEngine({ cacheDir: path.join(config.paths.dataDir, 'cache', 'tesseract') });
    const tokens = new TokenService(await loadOrCreateSigningKeys(config.auth.keyDir), {
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      accessTokenTtlSeconds: config.auth.accessTokenTtlSeconds,
      ...(config.auth.jwksUrl ? { externalJwksUrl: config.auth.jwksUrl } : {}),
      ...(config.auth.externalIssuer ? { externalIssuer: config.auth.externalIssuer } : {}),
    });
    const search = new LiveSearchIndex(
      new PassageRepository(database),
      logger,
      2000,
      embedding && config.search.denseWeight > 0 ? { model: embedding, vectors: new ChunkEmbeddingRepository(database), weight: config.search.denseWeight } : undefined,
    );
    const assistant = new AssistantService({
      search,
      procedures: new ProcedureRepository(database),
      chat: new ChatRepository(database),
      languageModel: createLanguageModel(config),
      logger,
    });
    return {
      config,
      logger,
      database,
      queue,
      blobs,
      tokens,
      clients: new ClientService(new ApiClientRepository(database), tokens),
      audit: new AuditService(new AuditRepository(database)),
      documents: new DocumentService(database, blobs, queue),
      dossiers: new DossierService(database, blobs, queue, new CanvasPageImageRenderer()),
      prechecker: createDossierPrechecker({ ocr, modelsDir: config.paths.modelsDir }),
      ocr,
      search,
      assistant,
      embedding,
      close: async () => {
        await embedding?.close().catch(() => undefined);
        await ocr.close().catch(() => undefined);
        await queue.close().catch((error: unknown) => logger.warn({ err: error }, 'closing the queue failed'));
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
