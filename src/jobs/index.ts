import { analyzeDocument, toIndexData } from '../ingest/pipeline/index.js';
import type { OcrEngine } from '../providers/ocr/index.js';
import { embedInBatches, type EmbeddingModel } from '../providers/embedding/index.js';
import type { JobHandlers } from '../queue/job.types.js';
import type { Services } from '../runtime/services.js';
import { documentProcessHandler, type DocumentAnalyzer } from './document-process.job.js';
import { dossierPrecheckHandler } from './dossier-precheck.job.js';

export type { DocumentAnalyzer } from './document-process.job.js';

/**
 * The analysis every document goes through, whether uploaded or ingested from a folder; with an
 * embedding model, each chunk also gets its dense vector (stored in pgvector).
 */
export function createDocumentAnalyzer(ocr: OcrEngine, embedding?: EmbeddingModel | null): DocumentAnalyzer {
  return async (input, options) => {
    const data = toIndexData(await analyzeDocument(input, { ...options, ocr }));
    if (!embedding || data.chunks.length === 0) return data;
    const vectors = await embedInBatches(embedding, data.chunks.map((chunk) => chunk.text), { kind: 'passage', signal: options.signal });
    return { ...data, embeddingModel: embedding.modelId, chunks: data.chunks.map((chunk, index) => ({ ...chunk, embedding: vectors[index] })) };
  };
}

/** The handler of every job; a missing one is a compile error (`JobHandlers` is exhaustive). */
export function createJobHandlers(
  services: Pick<Services, 'database' | 'blobs' | 'logger' | 'ocr' | 'embedding' | 'prechecker'>,
  options: { analyze?: DocumentAnalyzer } = {},
): JobHandlers {
  return {
    'document.process': documentProcessHandler({ ...services, analyze: options.analyze ?? createDocumentAnalyzer(services.ocr, services.embedding) }),
    'dossier.precheck': dossierPrecheckHandler(services),
    'system.echo': async ({ key, sleepMs }, context) => {
      if (sleepMs) await new Promise((resolve) => setTimeout(resolve, sleepMs));
      return { status: 'success', result: { key, attempt: context.attempt } };
    },
  };
}
