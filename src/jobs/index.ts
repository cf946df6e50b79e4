import { analyzeDocument, toIndexData } from '../ingest/pipeline/index.js';
import type { OcrEngine } from '../providers/ocr/index.js';
import type { JobHandlers } from '../queue/job.types.js';
import type { Services } from '../runtime/services.js';
import { documentProcessHandler, type DocumentAnalyzer } from './document-process.job.js';

export type { DocumentAnalyzer } from './document-process.job.js';

/** The analysis every document goes through, whether uploaded or ingested from a folder. */
export function createDocumentAnalyzer(ocr: OcrEngine): DocumentAnalyzer {
  return async (input, options) => toIndexData(await analyzeDocument(input, { ...options, ocr }));
}

/** The handler of every job; a missing one is a compile error (`JobHandlers` is exhaustive). */
export function createJobHandlers(
  services: Pick<Services, 'database' | 'blobs' | 'logger' | 'ocr'>,
  options: { analyze?: DocumentAnalyzer } = {},
): JobHandlers {
  return {
    'document.process': documentProcessHandler({ ...services, analyze: options.analyze ?? createDocumentAnalyzer(services.ocr) }),
    'system.echo': async ({ key, sleepMs }, context) => {
      if (sleepMs) await new Promise((resolve) => setTimeout(resolve, sleepMs));
      return { status: 'success', result: { key, attempt: context.attempt } };
    },
  };
}
