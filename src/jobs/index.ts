import type { JobHandlers } from '../queue/job.types.js';
import type { Services } from '../runtime/services.js';
import { documentProcessHandler, type DocumentExtractor } from './document-process.job.js';
import { extractDocumentText } from './extract-document.js';

export type { DocumentExtractor } from './document-process.job.js';

/** The handler of every job; a missing one is a compile error (`JobHandlers` is exhaustive). */
export function createJobHandlers(
  services: Pick<Services, 'database' | 'blobs' | 'logger'>,
  options: { extract?: DocumentExtractor } = {},
): JobHandlers {
  return {
    'document.process': documentProcessHandler({ ...services, extract: options.extract ?? extractDocumentText }),
    'system.echo': async ({ key, sleepMs }, context) => {
      if (sleepMs) await new Promise((resolve) => setTimeout(resolve, sleepMs));
      return { status: 'success', result: { key, attempt: context.attempt } };
    },
  };
}
