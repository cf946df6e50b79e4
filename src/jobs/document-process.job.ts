import type { Database } from '../db/index.js';
import { DocumentRepository } from '../db/repositories/index.js';
import { AppError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import { PermanentJobError, type JobHandler } from '../queue/job.types.js';
import type { BlobStore } from '../storage/index.js';

export interface ExtractedPage {
  pageNumber: number;
  text: string;
  method: string;
  confidence?: number | undefined;
}

/** Turns a stored file into text pages; throws AppError with a Vietnamese reason for bad input. */
export type DocumentExtractor = (
  input: { bytes: Uint8Array; filename: string; mediaType: string },
  options: { signal: AbortSignal; onProgress: (fraction: number) => void },
) => Promise<{ pages: ExtractedPage[] }>;

/**
 * `document.process`: extracts the text of an uploaded document page by page. Idempotent: a
 * document already done (or deleted meanwhile) is skipped, and pages are replaced, never
 * appended, in one transaction with the final status — a re-run never duplicates anything.
 */
export function documentProcessHandler(deps: {
  database: Database;
  blobs: BlobStore;
  logger: Logger;
  extract: DocumentExtractor;
}): JobHandler<'document.process'> {
  const documents = new DocumentRepository(deps.database);
  return async ({ documentId }, context) => {
    const document = await documents.find(documentId);
    if (!document) return { status: 'skipped', reason: 'Tài liệu đã bị xóa trước khi xử lý.' };
    if (document.status === 'done') return { status: 'skipped', reason: 'Tài liệu đã được xử lý.' };

    await documents.updateProgress(documentId, { status: 'processing', progress: 0.05, message: 'Đang đọc tệp', errorDetail: null });
    try {
      const bytes = await deps.blobs.get(document.sha256);
      let lastReported = 0;
      const { pages } = await deps.extract(
        { bytes, filename: document.filename, mediaType: document.mediaType },
        {
          signal: context.signal,
          onProgress: (fraction) => {
            const overall = 0.05 + 0.85 * Math.max(0, Math.min(1, fraction));
            if (overall - lastReported < 0.05) return;
            lastReported = overall;
            void documents.updateProgress(documentId, { progress: overall, message: 'Đang trích xuất văn bản' }).catch(() => undefined);
            void context.reportProgress(overall).catch(() => undefined);
          },
        },
      );
      const characterCount = pages.reduce((sum, page) => sum + page.text.length, 0);
      if (characterCount === 0) {
        throw new AppError({ status: 422, code: 'empty-text', detail: 'Không trích xuất được chữ nào từ tài liệu (tệp trống hoặc ảnh không đọc được).' });
      }
      const stillThere = await deps.database.transaction(async (transaction) => {
        const repository = documents.withTransaction(transaction);
        if (!(await repository.find(documentId))) return false;
        await repository.replacePages(documentId, pages);
        await repository.updateProgress(documentId, {
          status: 'done',
          progress: 1,
          message: null,
          errorDetail: null,
          pageCount: pages.length,
          characterCount,
        });
        return true;
      });
      if (!stillThere) return { status: 'skipped', reason: 'Tài liệu đã bị xóa trong khi xử lý.' };
      return { status: 'success', result: { pages: pages.length, characters: characterCount } };
    } catch (error) {
      const userFacing = error instanceof AppError;
      const lastAttempt = userFacing || context.attempt >= context.maxAttempts;
      if (lastAttempt) {
        await documents.updateProgress(documentId, {
          status: 'failed',
          message: null,
          errorDetail: userFacing ? error.detail : 'Lỗi hệ thống khi xử lý tài liệu; đã thử lại nhiều lần không thành công.',
        });
      } else {
        await documents.updateProgress(documentId, { status: 'queued', message: `Lỗi tạm thời, sẽ thử lại (lần ${context.attempt + 1})` });
      }
      if (!userFacing) deps.logger.warn({ err: error, documentId, attempt: context.attempt }, 'document processing failed');
      if (userFacing) throw new PermanentJobError(error.detail, { cause: error });
      throw error;
    }
  };
}
