import type { Database } from '../db/index.js';
import { DocumentRepository, IndexDataRepository, type IndexData } from '../db/repositories/index.js';
import { AppError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import { PermanentJobError, type JobHandler } from '../queue/job.types.js';
import type { BlobStore } from '../storage/index.js';
import type { SourceHints } from '../ingest/pipeline/index.js';

/** Bytes → everything derived from them; throws AppError with a Vietnamese reason for bad input. */
export type DocumentAnalyzer = (
  input: { bytes: Uint8Array; filename: string; mediaType: string; sourcePath?: string; hints?: SourceHints },
  options: { signal: AbortSignal; onProgress: (fraction: number) => void },
) => Promise<IndexData>;

/**
 * `document.process`: analyses an uploaded document (text, structure, chunks, procedure record)
 * and stores the result. Idempotent: a document already done (or deleted meanwhile) is skipped,
 * and derived rows are replaced in one transaction with the final status, so a re-run never
 * duplicates anything and a failure leaves nothing half-indexed.
 */
export function documentProcessHandler(deps: {
  database: Database;
  blobs: BlobStore;
  logger: Logger;
  analyze: DocumentAnalyzer;
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
      const data = await deps.analyze(
        { bytes, filename: document.filename, mediaType: document.mediaType, ...(document.sourcePath ? { sourcePath: document.sourcePath } : {}) },
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
      if (data.pages.every((page) => page.text.trim() === '')) {
        throw new AppError({ status: 422, code: 'empty-text', detail: 'Không trích xuất được chữ nào từ tài liệu (tệp trống hoặc ảnh không đọc được).' });
      }
      await documents.updateProgress(documentId, { progress: 0.92, message: 'Đang lập chỉ mục' });
      const stillThere = await deps.database.transaction(async (transaction) => {
        if (!(await documents.withTransaction(transaction).find(documentId))) return false;
        await new IndexDataRepository(transaction).replace(documentId, data);
        return true;
      });
      if (!stillThere) return { status: 'skipped', reason: 'Tài liệu đã bị xóa trong khi xử lý.' };
      return { status: 'success', result: { pages: data.pages.length, chunks: data.chunks.length, structure: data.structure } };
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
