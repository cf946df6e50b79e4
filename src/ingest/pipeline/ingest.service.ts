import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/index.js';
import { DocumentRepository, IndexDataRepository } from '../../db/repositories/index.js';
import { detectFormat } from '../../documents/file-format.js';
import { AppError } from '../../errors/index.js';
import type { DocumentAnalyzer } from '../../jobs/document-process.job.js';
import type { BlobStore } from '../../storage/index.js';
import { sidecarNames, SourceHintsReader } from './source-hints.js';
import { INDEX_PIPELINE_VERSION } from './pipeline-version.js';

/** Notes that describe a folder of documents: skipped while walking a folder, ingested when named explicitly. */
const folderNotes = /^(readme|sources)(\.(md|txt))?$/i;

/** Documents ingested from folders belong to this uploader; the path identifies them. */
export const ingestUploader = 'ingest';

export type IngestStatus = 'done' | 'skipped' | 'failed';

export interface IngestResult {
  file: string;
  sourcePath: string;
  status: IngestStatus;
  /** Why it was skipped or failed (Vietnamese). */
  reason?: string;
  documentId?: string;
  version?: number;
  chunks?: number;
  seconds: number;
}

const ingestible = new Set(['.pdf', '.doc', '.docx', '.txt', '.html', '.htm', '.json', '.png', '.jpg', '.jpeg', '.tif', '.tiff', '.md']);

/**
 * Folder ingestion (`npm run ingest`): the same analysis as uploaded documents, run in the
 * calling process. An unchanged file is a no-op; a changed one replaces its derived data in one
 * transaction and the previous file is kept as history; a file that fails leaves the database
 * exactly as it was.
 */
export class IngestService {
  private readonly documents: DocumentRepository;
  private readonly hints = new SourceHintsReader();

  constructor(
    private readonly database: Database,
    private readonly blobs: BlobStore,
    private readonly analyze: DocumentAnalyzer,
  ) {
    this.documents = new DocumentRepository(database);
  }

  /** Files under the given paths, recursively, with the folder each path is relative to. */
  static listFiles(targets: string[]): { file: string; root: string; skipReason?: string }[] {
    const files: { file: string; root: string; skipReason?: string }[] = [];
    for (const target of targets) {
      const absolute = path.resolve(target);
      const stat = fs.statSync(absolute, { throwIfNoEntry: false });
      if (!stat) throw new AppError({ status: 404, code: 'path-not-found', detail: `Không tìm thấy ${target}.` });
      const root = stat.isDirectory() ? absolute : path.dirname(absolute);
      const walk = (current: string) => {
        const entryStat = fs.statSync(current);
        if (entryStat.isDirectory()) {
          for (const name of fs.readdirSync(current).sort()) if (!name.startsWith('.')) walk(path.join(current, name));
          return;
        }
        const name = path.basename(current);
        if (sidecarNames.has(name)) return; // metadata of the folder, not a document
        if (current !== absolute && folderNotes.test(name)) {
          files.push({ file: current, root, skipReason: 'ghi chú mô tả thư mục (README, SOURCES), không phải văn bản nguồn' });
          return;
        }
        const extension = path.extname(name).toLowerCase();
        files.push(ingestible.has(extension) ? { file: current, root } : { file: current, root, skipReason: `định dạng ${extension || 'không rõ'} không được hỗ trợ` });
      };
      walk(absolute);
    }
    return files;
  }

  async ingestFile(file: string, root: string, options: { signal?: AbortSignal } = {}): Promise<IngestResult> {
    const started = performance.now();
    const sourcePath = path.relative(root, file).split(path.sep).join('/');
    const finish = (result: Omit<IngestResult, 'file' | 'sourcePath' | 'seconds'>): IngestResult => ({
      file,
      sourcePath,
      ...result,
      seconds: (performance.now() - started) / 1000,
    });
    try {
      const bytes = await fs.promises.readFile(file);
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const existing = await this.documents.findBySource(ingestUploader, sourcePath);
      // unchanged and indexed by the current analysis: nothing to do (an older analysis re-indexes it)
      if (existing && existing.sha256 === sha256 && existing.status === 'done' && existing.pipelineVersion >= INDEX_PIPELINE_VERSION) {
        return finish({ status: 'skipped', reason: 'không thay đổi', documentId: existing.id, version: existing.version });
      }
      const format = await detectFormat(bytes, file);
      const data = await this.analyze(
        { bytes, filename: path.basename(file), mediaType: format.mediaType, sourcePath, hints: this.hints.hintsFor(file, root) },
        { signal: options.signal ?? new AbortController().signal, onProgress: () => undefined },
      );
      if (data.pages.every((page) => page.text.trim() === '')) {
        throw new AppError({ status: 422, code: 'empty-text', detail: 'Không trích xuất được chữ nào từ tài liệu.' });
      }
      await this.blobs.put(bytes);
      const documentId = await this.database.transaction(async (transaction) => {
        const repository = this.documents.withTransaction(transaction);
        await repository.insertBlob(sha256, bytes.byteLength);
        let id = existing?.id;
        const fileFields = { sha256, sizeBytes: bytes.byteLength, mediaType: format.mediaType, format: format.format, filename: path.basename(file) };
        if (id) {
          await repository.replaceFile(id, fileFields);
        } else {
          id = crypto.randomUUID();
          await repository.insert({ id, ...fileFields, sourcePath, uploadedBy: ingestUploader, agency: null, jobId: null });
        }
        await new IndexDataRepository(transaction).replace(id, data);
        return id;
      });
      const version = existing ? existing.version + (existing.sha256 === sha256 ? 0 : 1) : 1;
      return finish({ status: 'done', documentId, version, chunks: data.chunks.length });
    } catch (error) {
      if (error instanceof AppError) return finish({ status: 'failed', reason: error.detail });
      return finish({ status: 'failed', reason: `lỗi hệ thống: ${(error as Error).message}` });
    }
  }
}
