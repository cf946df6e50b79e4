import { applicantSchema, precheckResultSchema, type DossierPrechecker, type PrecheckProgress } from '../agents/precheck/precheck.types.js';
import type { Database } from '../db/index.js';
import { DossierRepository } from '../db/repositories/index.js';
import { AppError } from '../errors/index.js';
import { procedureRecordSchema } from '../ingest/structure/procedure.types.js';
import type { Logger } from '../logging/index.js';
import { PermanentJobError, type JobHandler } from '../queue/job.types.js';
import type { BlobStore } from '../storage/index.js';
import { locateEvidence } from '../dossiers/index.js';

const stageMessages: Record<PrecheckProgress['stage'], string> = {
  reading: 'Đang đọc tệp',
  classifying: 'Đang phân loại giấy tờ',
  extracting: 'Đang trích xuất thông tin',
  checking: 'Đang đối chiếu với thành phần hồ sơ',
};
/** Share of the progress bar each stage fills, in order. */
const stageSpans: Record<PrecheckProgress['stage'], [number, number]> = {
  reading: [0.05, 0.45],
  classifying: [0.45, 0.6],
  extracting: [0.6, 0.85],
  checking: [0.85, 0.95],
};

/**
 * `dossier.precheck`: loads the dossier's files from the blob store, runs the engine with progress
 * and stores its result. Idempotent: a dossier already checked or decided (or deleted) is skipped,
 * and the result is written only while the dossier still waits for it. A failure the engine explains
 * (AppError) fails the dossier at once with that Vietnamese reason; anything else is retried and,
 * on the last attempt, recorded with a generic Vietnamese reason.
 */
export function dossierPrecheckHandler(deps: {
  database: Database;
  blobs: BlobStore;
  logger: Logger;
  prechecker: DossierPrechecker;
}): JobHandler<'dossier.precheck'> {
  const dossiers = new DossierRepository(deps.database);
  return async ({ dossierId }, context) => {
    const dossier = await dossiers.find(dossierId);
    if (!dossier) return { status: 'skipped', reason: 'Hồ sơ đã bị xóa trước khi kiểm tra.' };
    if (dossier.status !== 'queued' && dossier.status !== 'processing') return { status: 'skipped', reason: 'Hồ sơ đã được kiểm tra.' };

    await dossiers.updateProgress(dossierId, { status: 'processing', progress: 0.02, message: 'Đang chuẩn bị', errorDetail: null });
    try {
      const procedure = procedureRecordSchema.safeParse(dossier.procedureRecord);
      if (!procedure.success) {
        throw new AppError({ status: 422, code: 'procedure-record-invalid', detail: `Hồ sơ thủ tục ${dossier.procedureCode} trong hệ thống không đọc được; cần nạp lại thủ tục.` });
      }
      const files = await dossiers.files(dossierId);
      const inputs = [];
      for (const file of files) {
        context.signal.throwIfAborted();
        inputs.push({ fileId: file.id, fileName: file.filename, mediaType: file.mediaType, bytes: new Uint8Array(await deps.blobs.get(file.sha256)) });
      }
      let lastReported = 0;
      const raw = await deps.prechecker.precheck(
        {
          procedure: procedure.data,
          applicant: applicantSchema.parse(dossier.applicant),
          files: inputs,
          referenceDate: new Date(`${dossier.referenceDate}T12:00:00+07:00`),
        },
        {
          onProgress: async (progress) => {
            context.signal.throwIfAborted();
            const [from, to] = stageSpans[progress.stage];
            const overall = from + (to - from) * (progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0);
            if (overall - lastReported < 0.03 && progress.done < progress.total) return;
            lastReported = overall;
            await dossiers.updateProgress(dossierId, { progress: overall, message: stageMessages[progress.stage] }).catch(() => undefined);
            await context.reportProgress(overall).catch(() => undefined);
          },
        },
      );
      const parsed = precheckResultSchema.parse(raw);
      // the boxes only help the page show where a value was read: without them the result still stands
      const result = await locateEvidence(parsed, inputs).catch((error: unknown) => {
        deps.logger.warn({ err: error, dossierId }, 'locating evidence on the pages failed');
        return parsed;
      });
      const stored = await dossiers.storeResult(dossierId, result);
      if (!stored) return { status: 'skipped', reason: 'Hồ sơ đã thay đổi trong khi kiểm tra (đã có kết quả hoặc đã bị xóa).' };
      return { status: 'success', result: { recommendation: result.recommendation.decision, checks: result.checks.length, durationMs: result.durationMs } };
    } catch (error) {
      const userFacing = error instanceof AppError;
      const lastAttempt = userFacing || context.attempt >= context.maxAttempts;
      if (lastAttempt) {
        await dossiers.updateProgress(dossierId, {
          status: 'failed',
          message: null,
          errorDetail: userFacing ? error.detail : 'Lỗi hệ thống khi kiểm tra hồ sơ; đã thử lại nhiều lần không thành công. Cán bộ vẫn có thể kiểm tra thủ công và quyết định.',
        });
      } else {
        await dossiers.updateProgress(dossierId, { status: 'queued', message: `Lỗi tạm thời, sẽ thử lại (lần ${context.attempt + 1})` });
      }
      if (!userFacing) deps.logger.warn({ err: error, dossierId, attempt: context.attempt }, 'dossier pre-check failed');
      if (userFacing) throw new PermanentJobError(error.detail, { cause: error });
      throw error;
    }
  };
}
