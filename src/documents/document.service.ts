import crypto from 'node:crypto';
import type { Principal } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { DocumentRepository, type DocumentRow, type DocumentStatus, type DocumentVisibility } from '../db/repositories/index.js';
import { AppError, notFound } from '../errors/index.js';
import type { JobQueue } from '../queue/job.types.js';
import type { BlobStore } from '../storage/index.js';
import { detectFormat } from './file-format.js';

export interface UploadInput {
  bytes: Uint8Array;
  filename: string;
  /** Path relative to the folder given to the ingest command (CLI ingestion). */
  sourcePath?: string;
}

export const processJobId = (documentId: string) => `document.process.${documentId}`;

/**
 * Documents: content-addressed upload, listing with processing status, download, deletion of
 * the document and everything derived from it. Processing itself runs as a `document.process` job.
 */
export class DocumentService {
  private readonly documents: DocumentRepository;

  constructor(
    private readonly database: Database,
    private readonly blobs: BlobStore,
    private readonly queue: JobQueue,
  ) {
    this.documents = new DocumentRepository(database);
  }

  static visibilityFor(principal: Principal): DocumentVisibility {
    if (principal.role === 'admin') return {};
    if (principal.role === 'officer' || principal.role === 'leader') {
      return { uploadedBy: principal.subject, ...(principal.agency ? { agency: principal.agency } : {}) };
    }
    return { uploadedBy: principal.subject };
  }

  /** Returns `duplicate: true` with the existing document when the same caller uploads the same bytes again. */
  async upload(principal: Principal, input: UploadInput): Promise<{ document: DocumentRow; duplicate: boolean }> {
    const detected = await detectFormat(input.bytes, input.filename);
    const { sha256, sizeBytes } = await this.blobs.put(input.bytes);
    const existing = await this.documents.findBySha(sha256, principal.subject);
    if (existing) return { document: existing, duplicate: true };

    const id = crypto.randomUUID();
    let document: DocumentRow;
    try {
      document = await this.database.transaction(async (transaction) => {
        const repository = this.documents.withTransaction(transaction);
        await repository.insertBlob(sha256, sizeBytes);
        return repository.insert({
          id,
          sha256,
          filename: sanitizeFilename(input.filename),
          mediaType: detected.mediaType,
          format: detected.format,
          sizeBytes,
          sourcePath: input.sourcePath ?? null,
          uploadedBy: principal.subject,
          agency: principal.agency ?? null,
          jobId: processJobId(id),
        });
      });
    } catch (error) {
      await this.removeBlobIfOrphan(sha256);
      const raced = await this.documents.findBySha(sha256, principal.subject);
      if (raced) return { document: raced, duplicate: true };
      throw error;
    }
    try {
      await this.queue.enqueue('document.process', { documentId: id }, { jobId: processJobId(id) });
    } catch (error) {
      // without a job the document would sit in "queued" forever: undo it
      await this.documents.delete(id);
      await this.removeBlobIfOrphan(sha256);
      throw new AppError({
        status: 503,
        code: 'queue-unavailable',
        detail: 'Hàng đợi xử lý tạm thời không sẵn sàng; tệp chưa được lưu, vui lòng gửi lại sau ít phút.',
        cause: error,
      });
    }
    return { document, duplicate: false };
  }

  async list(principal: Principal, page: { limit: number; offset: number; status?: DocumentStatus }) {
    return this.documents.list(DocumentService.visibilityFor(principal), page);
  }

  async get(principal: Principal, id: string): Promise<DocumentRow> {
    const document = isUuid(id) ? await this.documents.find(id, DocumentService.visibilityFor(principal)) : undefined;
    if (!document) throw notFound(`Không tìm thấy tài liệu ${id} (hoặc bạn không có quyền xem).`);
    return document;
  }

  async open(principal: Principal, id: string) {
    const document = await this.get(principal, id);
    return { document, stream: this.blobs.stream(document.sha256) };
  }

  async pages(principal: Principal, id: string) {
    const document = await this.get(principal, id);
    return { document, pages: await this.documents.pages(document.id) };
  }

  /** Deletes the document, its derived data (cascade) and the stored file when nothing else uses it. */
  async delete(principal: Principal, id: string): Promise<void> {
    const document = await this.get(principal, id);
    const earlier = await this.documents.versions(document.id);
    await this.documents.delete(document.id);
    for (const sha256 of new Set([document.sha256, ...earlier.map((version) => version.sha256)])) await this.removeBlobIfOrphan(sha256);
  }

  private async removeBlobIfOrphan(sha256: string): Promise<void> {
    // also covers a file written before its row was (a failed upload): no row, no reference
    if ((await this.documents.deleteBlobIfUnreferenced(sha256)) || !(await this.documents.blobRecorded(sha256))) await this.blobs.delete(sha256);
  }
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

function sanitizeFilename(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? 'tep';
  return base.normalize('NFC').replace(/[\u0000-\u001f]/g, '').slice(0, 255) || 'tep';
}
