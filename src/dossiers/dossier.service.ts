import crypto from 'node:crypto';
import type { Principal } from '../auth/index.js';
import type { Database } from '../db/index.js';
import {
  DocumentRepository,
  DossierRepository,
  type DossierDecisionKind,
  type DossierDecisionRow,
  type DossierFileRow,
  type DossierRow,
  type DossierStatus,
  type DossierVisibility,
} from '../db/repositories/index.js';
import { detectFormat } from '../documents/file-format.js';
import { AppError, badRequest, forbidden, notFound } from '../errors/index.js';
import type { JobQueue } from '../queue/job.types.js';
import type { BlobStore } from '../storage/index.js';
import { resolveCorrections, type CorrectionInput } from './corrections.js';
import type { PageImageRenderer } from './page-image.renderer.js';
import { precheckResultSchema, type Applicant, type PrecheckResult } from '../agents/precheck/precheck.types.js';

/** File formats a dossier accepts: what citizens scan, photograph or fill in. */
export const DOSSIER_FORMATS = new Set(['pdf', 'doc', 'docx', 'image']);
export const dossierFormatsText = 'PDF, DOC, DOCX, PNG, JPEG, TIFF';
export const MAX_DOSSIER_FILES = 20;

export const precheckJobId = (dossierId: string) => `dossier.precheck.${dossierId}`;

export interface SubmitInput {
  procedureCode: string;
  applicant: Applicant;
  /** Receiving agency chosen at submission (citizens, LGSP clients); officers submit to their own. */
  agency?: string;
  files: { bytes: Uint8Array; filename: string }[];
  /** Defaults to today; the date validity checks compare against. */
  referenceDate?: Date;
}

export interface DecisionInput {
  decision: DossierDecisionKind;
  reason?: string;
  additionsRequest?: string;
  note?: string;
  corrections: CorrectionInput[];
}

export interface DossierDetail {
  dossier: DossierRow;
  files: DossierFileRow[];
  decision: (DossierDecisionRow & { corrections: Awaited<ReturnType<DossierRepository['corrections']>> }) | null;
}

const decisionStatus: Record<DossierDecisionKind, DossierStatus> = {
  accept: 'accepted',
  request_additions: 'additions_requested',
  reject: 'rejected',
};

/**
 * Dossiers (hồ sơ): submission with its files, the `dossier.precheck` job, access control by
 * agency, page images for the evidence, and the officer's decision with corrections.
 *
 * Which agency a dossier belongs to: an officer submits to their own agency (the desk that received
 * it); a citizen, an LGSP client or an admin names the receiving agency (`agency`), as the public
 * service portal asks citizens to choose where to submit. The procedure record's "cơ quan thực
 * hiện" is generic ("Ủy ban nhân dân cấp xã") and cannot pick one desk, so it is not used.
 */
export class DossierService {
  private readonly dossiers: DossierRepository;
  private readonly documents: DocumentRepository;

  constructor(
    private readonly database: Database,
    private readonly blobs: BlobStore,
    private readonly queue: JobQueue,
    private readonly renderer: PageImageRenderer,
  ) {
    this.dossiers = new DossierRepository(database);
    this.documents = new DocumentRepository(database);
  }

  static visibilityFor(principal: Principal): DossierVisibility {
    if (principal.role === 'admin') return {};
    if ((principal.role === 'officer' || principal.role === 'leader') && principal.agency) {
      return { submittedBy: principal.subject, agency: principal.agency };
    }
    return { submittedBy: principal.subject };
  }

  /** Everything is checked before anything is stored; a failure after that removes what was stored. */
  async submit(principal: Principal, input: SubmitInput): Promise<{ dossier: DossierRow; files: DossierFileRow[] }> {
    const agency = this.agencyFor(principal, input.agency);
    if (input.files.length === 0) throw badRequest('Hồ sơ chưa có tệp nào: hãy đính kèm ít nhất một tệp trong trường "files".', [{ field: 'form.files', message: 'bắt buộc' }], 'files-required');
    if (input.files.length > MAX_DOSSIER_FILES) throw badRequest(`Một hồ sơ có tối đa ${MAX_DOSSIER_FILES} tệp.`, undefined, 'too-many-files');
    const procedure = await this.dossiers.findProcedureByCode(input.procedureCode);
    if (!procedure) {
      throw badRequest(`Không tìm thấy thủ tục có mã "${input.procedureCode}". Hãy kiểm tra lại mã thủ tục.`, [{ field: 'form.procedureCode', message: 'không có thủ tục này' }], 'unknown-procedure');
    }
    const detected = [];
    for (const file of input.files) {
      const format = await detectFormat(file.bytes, file.filename).catch((error: unknown) => {
        if (error instanceof AppError) throw new AppError({ status: error.status, code: error.code, detail: `Tệp "${file.filename}": ${error.detail}` });
        throw error;
      });
      if (!DOSSIER_FORMATS.has(format.format)) {
        throw new AppError({ status: 415, code: 'unsupported-media-type', detail: `Tệp "${file.filename}" không phải giấy tờ hồ sơ. Hồ sơ chỉ nhận: ${dossierFormatsText}.` });
      }
      detected.push(format);
    }

    const id = crypto.randomUUID();
    const stored: string[] = [];
    try {
      const files: DossierFileRow[] = [];
      for (const [ordinal, file] of input.files.entries()) {
        const { sha256, sizeBytes } = await this.blobs.put(file.bytes);
        stored.push(sha256);
        files.push({ id: crypto.randomUUID(), dossierId: id, ordinal, sha256, sizeBytes, filename: sanitizeFilename(file.filename), ...pick(detected[ordinal]!) });
      }
      const dossier = await this.database.transaction(async (transaction) => {
        const documents = new DocumentRepository(transaction);
        for (const file of files) await documents.insertBlob(file.sha256, file.sizeBytes);
        const repository = this.dossiers.withTransaction(transaction);
        const row = await repository.insert({
          id,
          procedureCode: procedure.code,
          procedureName: procedure.name,
          procedureRecord: procedure.record,
          agency,
          applicant: input.applicant,
          submittedBy: principal.subject,
          submittedByRole: principal.role,
          jobId: precheckJobId(id),
          referenceDate: isoDate(input.referenceDate ?? new Date()),
        });
        await repository.insertFiles(files);
        return row;
      });
      try {
        await this.queue.enqueue('dossier.precheck', { dossierId: id }, { jobId: precheckJobId(id) });
      } catch (error) {
        await this.dossiers.delete(id);
        throw new AppError({
          status: 503,
          code: 'queue-unavailable',
          detail: 'Hàng đợi kiểm tra hồ sơ tạm thời không sẵn sàng; hồ sơ chưa được lưu, vui lòng gửi lại sau ít phút.',
          cause: error,
        });
      }
      return { dossier, files };
    } catch (error) {
      for (const sha256 of new Set(stored)) await this.removeBlobIfOrphan(sha256);
      throw error;
    }
  }

  async list(principal: Principal, page: { limit: number; offset: number; status?: DossierStatus }) {
    const { items, total } = await this.dossiers.list(DossierService.visibilityFor(principal), page);
    const files = await this.dossiers.filesOf(items.map((item) => item.id));
    const fileCounts = new Map<string, number>();
    for (const file of files) fileCounts.set(file.dossierId, (fileCounts.get(file.dossierId) ?? 0) + 1);
    return { items: items.map((dossier) => ({ dossier, fileCount: fileCounts.get(dossier.id) ?? 0 })), total };
  }

  async get(principal: Principal, id: string): Promise<DossierDetail> {
    const dossier = await this.find(principal, id);
    const [files, decision] = await Promise.all([this.dossiers.files(dossier.id), this.dossiers.latestDecision(dossier.id)]);
    return { dossier, files, decision: decision ? { ...decision, corrections: await this.dossiers.corrections(decision.id) } : null };
  }

  async pageImage(principal: Principal, id: string, fileId: string, page: number, maxWidth: number): Promise<{ dossier: DossierRow; file: DossierFileRow; png: Buffer }> {
    const dossier = await this.find(principal, id);
    const file = (await this.dossiers.files(dossier.id)).find((candidate) => candidate.id === fileId);
    if (!file) throw notFound(`Hồ sơ không có tệp ${fileId}.`);
    const png = await this.renderer.render({ sha256: file.sha256, bytes: await this.blobs.get(file.sha256), format: file.format, filename: file.filename }, page, { maxWidth });
    return { dossier, file, png };
  }

  /** The file as it was uploaded (officers compare the engine's reading with the original). */
  async originalFile(principal: Principal, id: string, fileId: string): Promise<{ dossier: DossierRow; file: DossierFileRow; bytes: Buffer }> {
    const dossier = await this.find(principal, id);
    const file = (await this.dossiers.files(dossier.id)).find((candidate) => candidate.id === fileId);
    if (!file) throw notFound(`Hồ sơ không có tệp ${fileId}.`);
    return { dossier, file, bytes: await this.blobs.get(file.sha256) };
  }

  /** Only an officer of the receiving agency decides, once, after the pre-check has finished. */
  async decide(principal: Principal, id: string, input: DecisionInput): Promise<DossierDetail> {
    const dossier = await this.find(principal, id);
    if (principal.role !== 'officer' || principal.agency !== dossier.agency) {
      throw forbidden(`Chỉ cán bộ của ${dossier.agency} được quyết định tiếp nhận hồ sơ này.`);
    }
    if (dossier.status === 'queued' || dossier.status === 'processing') {
      throw new AppError({ status: 409, code: 'precheck-pending', detail: 'Hồ sơ đang được kiểm tra sơ bộ; hãy chờ có kết quả rồi quyết định.' });
    }
    if (dossier.status !== 'checked' && dossier.status !== 'failed') {
      throw new AppError({ status: 409, code: 'already-decided', detail: 'Hồ sơ đã có quyết định của cán bộ; không ghi đè quyết định đã có.' });
    }
    if (input.decision === 'reject' && !input.reason?.trim()) {
      throw badRequest('Từ chối hồ sơ cần nêu lý do (điều kiện không đáp ứng và căn cứ).', [{ field: 'body.reason', message: 'bắt buộc khi từ chối' }], 'reason-required');
    }
    if (input.decision === 'request_additions' && !input.additionsRequest?.trim()) {
      throw badRequest('Yêu cầu bổ sung cần danh sách giấy tờ phải bổ sung gửi công dân.', [{ field: 'body.additionsRequest', message: 'bắt buộc khi yêu cầu bổ sung' }], 'additions-required');
    }
    const files = await this.dossiers.files(dossier.id);
    const result = dossier.result ? precheckResultSchema.safeParse(dossier.result) : undefined;
    const precheck: PrecheckResult | undefined = result?.success ? result.data : undefined;
    const corrections = resolveCorrections(input.corrections, files, precheck);
    const recorded = await this.database.transaction((transaction) =>
      this.dossiers.withTransaction(transaction).recordDecision(
        {
          dossierId: dossier.id,
          decision: input.decision,
          reason: input.reason?.trim() || null,
          additionsRequest: input.decision === 'request_additions' ? input.additionsRequest!.trim() : null,
          note: input.note?.trim() || null,
          recommendedDecision: precheck?.recommendation.decision ?? null,
          decidedBy: principal.subject,
          decidedByRole: principal.role,
          agency: principal.agency ?? null,
        },
        corrections,
        decisionStatus[input.decision],
      ),
    );
    if (!recorded) throw new AppError({ status: 409, code: 'already-decided', detail: 'Hồ sơ vừa được quyết định bởi người khác hoặc chưa kiểm tra xong.' });
    return this.get(principal, id);
  }

  private async find(principal: Principal, id: string): Promise<DossierRow> {
    const dossier = isUuid(id) ? await this.dossiers.find(id, DossierService.visibilityFor(principal)) : undefined;
    if (!dossier) throw notFound(`Không tìm thấy hồ sơ ${id} (hoặc bạn không có quyền xem).`);
    return dossier;
  }

  private agencyFor(principal: Principal, requested: string | undefined): string {
    const chosen = requested?.trim() || undefined;
    if (principal.role === 'officer') {
      if (!principal.agency) throw forbidden('Tài khoản cán bộ chưa gắn với cơ quan nào nên không tiếp nhận được hồ sơ.');
      if (chosen && chosen !== principal.agency) throw forbidden(`Cán bộ chỉ tiếp nhận hồ sơ cho cơ quan của mình (${principal.agency}).`);
      return principal.agency;
    }
    if (!chosen) {
      throw badRequest('Hãy chọn cơ quan tiếp nhận hồ sơ (trường "agency").', [{ field: 'form.agency', message: 'bắt buộc' }], 'agency-required');
    }
    return chosen;
  }

  private async removeBlobIfOrphan(sha256: string): Promise<void> {
    if ((await this.documents.deleteBlobIfUnreferenced(sha256)) || !(await this.documents.blobRecorded(sha256))) await this.blobs.delete(sha256);
  }
}

const pick = (format: { format: string; mediaType: string }) => ({ format: format.format, mediaType: format.mediaType });

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The calendar day in Vietnam (UTC+7), where the desks are. */
function isoDate(date: Date): string {
  return new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

function sanitizeFilename(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? 'tep';
  return base.normalize('NFC').replace(/[\u0000-\u001f]/g, '').slice(0, 255) || 'tep';
}
