import type { Queryable } from '../database.js';

export type DocumentStatus = 'queued' | 'processing' | 'done' | 'failed';

export interface DocumentRow {
  id: string;
  sha256: string;
  filename: string;
  mediaType: string;
  format: string;
  sizeBytes: number;
  sourcePath: string | null;
  status: DocumentStatus;
  progress: number;
  progressMessage: string | null;
  errorDetail: string | null;
  jobId: string | null;
  uploadedBy: string;
  agency: string | null;
  pageCount: number | null;
  characterCount: number | null;
  structure: string | null;
  kind: string | null;
  title: string | null;
  number: string | null;
  inForce: boolean;
  version: number;
  /** Version of the analysis that indexed it (0: before versions were recorded). */
  pipelineVersion: number;
  warnings: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface DocumentVisibility {
  /** undefined = everything (admin) */
  uploadedBy?: string;
  agency?: string;
}

const columns = `id, sha256, filename, media_type AS "mediaType", format, size_bytes AS "sizeBytes",
  source_path AS "sourcePath", status, progress, progress_message AS "progressMessage",
  error_detail AS "errorDetail", job_id AS "jobId", uploaded_by AS "uploadedBy", agency,
  page_count AS "pageCount", character_count AS "characterCount", structure, kind, title, number,
  in_force AS "inForce", version, pipeline_version AS "pipelineVersion", warnings, created_at AS "createdAt", updated_at AS "updatedAt"`;

const visibilityClause = (first: number) =>
  `(($${first}::text IS NULL AND $${first + 1}::text IS NULL) OR uploaded_by = $${first} OR agency = $${first + 1})`;

function normalize(row: DocumentRow): DocumentRow {
  return { ...row, sizeBytes: Number(row.sizeBytes), progress: Number(row.progress) };
}

export class DocumentRepository {
  constructor(private readonly db: Queryable) {}

  withTransaction(transaction: Queryable): DocumentRepository {
    return new DocumentRepository(transaction);
  }

  async insertBlob(sha256: string, sizeBytes: number): Promise<void> {
    await this.db.query('INSERT INTO blobs (sha256, size_bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [sha256, sizeBytes]);
  }

  /** Deletes the blob row when no document references it; returns true when it was deleted. */
  async deleteBlobIfUnreferenced(sha256: string): Promise<boolean> {
    const rows = await this.db.query(
      `DELETE FROM blobs WHERE sha256 = $1
         AND NOT EXISTS (SELECT 1 FROM documents WHERE sha256 = $1)
         AND NOT EXISTS (SELECT 1 FROM document_versions WHERE sha256 = $1)
         AND NOT EXISTS (SELECT 1 FROM dossier_files WHERE sha256 = $1)
       RETURNING sha256`,
      [sha256],
    );
    return rows.length === 1;
  }

  async blobRecorded(sha256: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM blobs WHERE sha256 = $1', [sha256])).length === 1;
  }

  async insert(document: Pick<DocumentRow, 'id' | 'sha256' | 'filename' | 'mediaType' | 'format' | 'sizeBytes' | 'sourcePath' | 'uploadedBy' | 'agency' | 'jobId'>): Promise<DocumentRow> {
    const rows = await this.db.query<DocumentRow>(
      `INSERT INTO documents (id, sha256, filename, media_type, format, size_bytes, source_path, status, uploaded_by, agency, job_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $8, $9, $10) RETURNING ${columns}`,
      [
        document.id,
        document.sha256,
        document.filename,
        document.mediaType,
        document.format,
        document.sizeBytes,
        document.sourcePath,
        document.uploadedBy,
        document.agency,
        document.jobId,
      ],
    );
    return normalize(rows[0]!);
  }

  async findBySha(sha256: string, uploadedBy: string): Promise<DocumentRow | undefined> {
    const rows = await this.db.query<DocumentRow>(`SELECT ${columns} FROM documents WHERE sha256 = $1 AND uploaded_by = $2 AND source_path IS NULL`, [sha256, uploadedBy]);
    return rows[0] && normalize(rows[0]);
  }

  async find(id: string, visibility: DocumentVisibility = {}): Promise<DocumentRow | undefined> {
    const rows = await this.db.query<DocumentRow>(
      `SELECT ${columns} FROM documents WHERE id = $1 AND ${visibilityClause(2)}`,
      [id, visibility.uploadedBy ?? null, visibility.agency ?? null],
    );
    return rows[0] && normalize(rows[0]);
  }

  async list(visibility: DocumentVisibility, page: { limit: number; offset: number; status?: DocumentStatus }): Promise<{ items: DocumentRow[]; total: number }> {
    const parameters = [visibility.uploadedBy ?? null, visibility.agency ?? null, page.status ?? null];
    const where = `${visibilityClause(1)} AND ($3::text IS NULL OR status = $3)`;
    const [items, count] = await Promise.all([
      this.db.query<DocumentRow>(
        `SELECT ${columns} FROM documents WHERE ${where} ORDER BY created_at DESC, id LIMIT $4 OFFSET $5`,
        [...parameters, page.limit, page.offset],
      ),
      this.db.query<{ total: number | string }>(`SELECT count(*) AS total FROM documents WHERE ${where}`, parameters),
    ]);
    return { items: items.map(normalize), total: Number(count[0]?.total ?? 0) };
  }

  async updateProgress(id: string, update: { status?: DocumentStatus; progress?: number; message?: string | null; errorDetail?: string | null; pageCount?: number; characterCount?: number }): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE documents SET
         status = COALESCE($2, status),
         progress = COALESCE($3, progress),
         progress_message = CASE WHEN $4::boolean THEN $5 ELSE progress_message END,
         error_detail = CASE WHEN $6::boolean THEN $7 ELSE error_detail END,
         page_count = COALESCE($8, page_count),
         character_count = COALESCE($9, character_count),
         updated_at = now()
       WHERE id = $1 RETURNING id`,
      [
        id,
        update.status ?? null,
        update.progress ?? null,
        update.message !== undefined,
        update.message ?? null,
        update.errorDetail !== undefined,
        update.errorDetail ?? null,
        update.pageCount ?? null,
        update.characterCount ?? null,
      ],
    );
    return rows.length === 1;
  }

  async findBySource(uploadedBy: string, sourcePath: string): Promise<DocumentRow | undefined> {
    const rows = await this.db.query<DocumentRow>(`SELECT ${columns} FROM documents WHERE uploaded_by = $1 AND source_path = $2`, [uploadedBy, sourcePath]);
    return rows[0] && normalize(rows[0]);
  }

  /** A new version of an ingested file: the previous file is kept in `document_versions`. */
  async replaceFile(id: string, file: { sha256: string; sizeBytes: number; mediaType: string; format: string; filename: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO document_versions (document_id, version, sha256, size_bytes, ingested_at)
       SELECT id, version, sha256, size_bytes, updated_at FROM documents WHERE id = $1 AND sha256 <> $2`,
      [id, file.sha256],
    );
    await this.db.query(
      `UPDATE documents SET version = version + CASE WHEN sha256 <> $2 THEN 1 ELSE 0 END,
              sha256 = $2, size_bytes = $3, media_type = $4, format = $5, filename = $6, updated_at = now()
        WHERE id = $1`,
      [id, file.sha256, file.sizeBytes, file.mediaType, file.format, file.filename],
    );
  }

  async versions(id: string): Promise<{ version: number; sha256: string; supersededAt: Date }[]> {
    return this.db.query(
      `SELECT version, sha256, superseded_at AS "supersededAt" FROM document_versions WHERE document_id = $1 ORDER BY version`,
      [id],
    );
  }

  async delete(id: string): Promise<DocumentRow | undefined> {
    const rows = await this.db.query<DocumentRow>(`DELETE FROM documents WHERE id = $1 RETURNING ${columns}`, [id]);
    return rows[0] && normalize(rows[0]);
  }

  async replacePages(documentId: string, pages: { pageNumber: number; text: string; method: string; confidence?: number | null }[]): Promise<void> {
    await this.db.query('DELETE FROM document_pages WHERE document_id = $1', [documentId]);
    for (const page of pages) {
      await this.db.query(
        'INSERT INTO document_pages (document_id, page_number, text, method, confidence) VALUES ($1, $2, $3, $4, $5)',
        [documentId, page.pageNumber, page.text, page.method, page.confidence ?? null],
      );
    }
  }

  async pages(documentId: string): Promise<{ pageNumber: number; text: string; method: string; confidence: number | null }[]> {
    return this.db.query(
      `SELECT page_number AS "pageNumber", text, method, confidence FROM document_pages WHERE document_id = $1 ORDER BY page_number`,
      [documentId],
    );
  }
}
