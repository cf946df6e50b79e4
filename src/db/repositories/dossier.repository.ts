import type { Queryable } from '../database.js';

export const DOSSIER_STATUSES = ['queued', 'processing', 'checked', 'failed', 'accepted', 'additions_requested', 'rejected'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];
export type DossierDecisionKind = 'accept' | 'request_additions' | 'reject';

export interface DossierRow {
  id: string;
  procedureCode: string;
  procedureName: string;
  procedureRecord: unknown;
  agency: string;
  applicant: Record<string, unknown>;
  submittedBy: string;
  submittedByRole: string;
  status: DossierStatus;
  progress: number;
  progressMessage: string | null;
  errorDetail: string | null;
  jobId: string | null;
  /** yyyy-mm-dd */
  referenceDate: string;
  result: unknown;
  checkedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DossierFileRow {
  id: string;
  dossierId: string;
  ordinal: number;
  sha256: string;
  filename: string;
  mediaType: string;
  format: string;
  sizeBytes: number;
}

export interface DossierDecisionRow {
  id: number;
  dossierId: string;
  decision: DossierDecisionKind;
  reason: string | null;
  additionsRequest: string | null;
  note: string | null;
  recommendedDecision: string | null;
  decidedBy: string;
  decidedByRole: string;
  agency: string | null;
  decidedAt: Date;
}

export interface DossierCorrectionRow {
  fileId: string;
  page: number | null;
  field: string;
  extractedValue: string | null;
  correctedValue: string;
}

/** Who may see which dossiers: officers/leaders their agency's, other callers what they submitted. */
export interface DossierVisibility {
  /** undefined = everything (admin) */
  submittedBy?: string;
  agency?: string;
}

/** Candidate procedure for a dossier, found by its code. */
export interface ProcedureByCode {
  code: string;
  name: string;
  agency: string | null;
  record: unknown;
}

const columns = `id, procedure_code AS "procedureCode", procedure_name AS "procedureName", procedure_record AS "procedureRecord",
  agency, applicant, submitted_by AS "submittedBy", submitted_by_role AS "submittedByRole", status, progress,
  progress_message AS "progressMessage", error_detail AS "errorDetail", job_id AS "jobId",
  to_char(reference_date, 'YYYY-MM-DD') AS "referenceDate", result, checked_at AS "checkedAt",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The list leaves out the procedure record and the full result (both large). */
const listColumns = `id, procedure_code AS "procedureCode", procedure_name AS "procedureName", NULL AS "procedureRecord",
  agency, applicant, submitted_by AS "submittedBy", submitted_by_role AS "submittedByRole", status, progress,
  progress_message AS "progressMessage", error_detail AS "errorDetail", job_id AS "jobId",
  to_char(reference_date, 'YYYY-MM-DD') AS "referenceDate",
  CASE WHEN result IS NULL THEN NULL ELSE jsonb_build_object('recommendation', result -> 'recommendation') END AS result,
  checked_at AS "checkedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

const fileColumns = `id, dossier_id AS "dossierId", ordinal, sha256, filename, media_type AS "mediaType", format, size_bytes AS "sizeBytes"`;

const decisionColumns = `id, dossier_id AS "dossierId", decision, reason, additions_request AS "additionsRequest", note,
  recommended_decision AS "recommendedDecision", decided_by AS "decidedBy", decided_by_role AS "decidedByRole", agency,
  decided_at AS "decidedAt"`;

// Officers see the dossiers addressed to their agency (and any they submitted themselves).
const visibilityClause = (first: number) =>
  `(($${first}::text IS NULL AND $${first + 1}::text IS NULL) OR submitted_by = $${first} OR agency = $${first + 1})`;

const normalize = (row: DossierRow): DossierRow => ({ ...row, progress: Number(row.progress) });
const normalizeFile = (row: DossierFileRow): DossierFileRow => ({ ...row, sizeBytes: Number(row.sizeBytes) });
const normalizeDecision = (row: DossierDecisionRow): DossierDecisionRow => ({ ...row, id: Number(row.id) });

export class DossierRepository {
  constructor(private readonly db: Queryable) {}

  withTransaction(transaction: Queryable): DossierRepository {
    return new DossierRepository(transaction);
  }

  /**
   * Procedures are stored per ingested document, so a code can appear more than once (a national
   * record and a provincial one, or two ingest folders): the most recently processed one wins.
   */
  async findProcedureByCode(code: string): Promise<ProcedureByCode | undefined> {
    const rows = await this.db.query<ProcedureByCode>(
      `SELECT p.code, p.name, p.agency, p.record
         FROM procedures p JOIN documents d ON d.id = p.document_id
        WHERE lower(p.code) = lower($1)
        ORDER BY (p.source = 'national') DESC, d.updated_at DESC
        LIMIT 1`,
      [code],
    );
    return rows[0];
  }

  async insert(dossier: Pick<DossierRow, 'id' | 'procedureCode' | 'procedureName' | 'procedureRecord' | 'agency' | 'applicant' | 'submittedBy' | 'submittedByRole' | 'jobId' | 'referenceDate'>): Promise<DossierRow> {
    const rows = await this.db.query<DossierRow>(
      `INSERT INTO dossiers (id, procedure_code, procedure_name, procedure_record, agency, applicant, submitted_by, submitted_by_role, status, job_id, reference_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $9, $10::date) RETURNING ${columns}`,
      [
        dossier.id,
        dossier.procedureCode,
        dossier.procedureName,
        JSON.stringify(dossier.procedureRecord),
        dossier.agency,
        JSON.stringify(dossier.applicant),
        dossier.submittedBy,
        dossier.submittedByRole,
        dossier.jobId,
        dossier.referenceDate,
      ],
    );
    return normalize(rows[0]!);
  }

  async insertFiles(files: Omit<DossierFileRow, never>[]): Promise<void> {
    await this.db.query(
      `INSERT INTO dossier_files (id, dossier_id, ordinal, sha256, filename, media_type, format, size_bytes)
       SELECT x.id, x.dossier_id, x.ordinal, x.sha256, x.filename, x.media_type, x.format, x.size_bytes
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, dossier_id uuid, ordinal int, sha256 text, filename text, media_type text, format text, size_bytes bigint)`,
      [
        JSON.stringify(
          files.map((file) => ({
            id: file.id,
            dossier_id: file.dossierId,
            ordinal: file.ordinal,
            sha256: file.sha256,
            filename: file.filename,
            media_type: file.mediaType,
            format: file.format,
            size_bytes: file.sizeBytes,
          })),
        ),
      ],
    );
  }

  async find(id: string, visibility: DossierVisibility = {}): Promise<DossierRow | undefined> {
    const rows = await this.db.query<DossierRow>(`SELECT ${columns} FROM dossiers WHERE id = $1 AND ${visibilityClause(2)}`, [
      id,
      visibility.submittedBy ?? null,
      visibility.agency ?? null,
    ]);
    return rows[0] && normalize(rows[0]);
  }

  async list(visibility: DossierVisibility, page: { limit: number; offset: number; status?: DossierStatus }): Promise<{ items: DossierRow[]; total: number }> {
    const parameters = [visibility.submittedBy ?? null, visibility.agency ?? null, page.status ?? null];
    const where = `${visibilityClause(1)} AND ($3::text IS NULL OR status = $3)`;
    const [items, count] = await Promise.all([
      this.db.query<DossierRow>(`SELECT ${listColumns} FROM dossiers WHERE ${where} ORDER BY created_at DESC, id LIMIT $4 OFFSET $5`, [
        ...parameters,
        page.limit,
        page.offset,
      ]),
      this.db.query<{ total: number | string }>(`SELECT count(*) AS total FROM dossiers WHERE ${where}`, parameters),
    ]);
    return { items: items.map(normalize), total: Number(count[0]?.total ?? 0) };
  }

  async files(dossierId: string): Promise<DossierFileRow[]> {
    const rows = await this.db.query<DossierFileRow>(`SELECT ${fileColumns} FROM dossier_files WHERE dossier_id = $1 ORDER BY ordinal`, [dossierId]);
    return rows.map(normalizeFile);
  }

  async filesOf(dossierIds: string[]): Promise<DossierFileRow[]> {
    if (dossierIds.length === 0) return [];
    const rows = await this.db.query<DossierFileRow>(`SELECT ${fileColumns} FROM dossier_files WHERE dossier_id = ANY($1::uuid[]) ORDER BY dossier_id, ordinal`, [dossierIds]);
    return rows.map(normalizeFile);
  }

  /** Moves a dossier that is still waiting or running its pre-check; false once it is checked, decided or gone. */
  async updateProgress(id: string, update: { status?: 'queued' | 'processing' | 'failed'; progress?: number; message?: string | null; errorDetail?: string | null }): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE dossiers SET
         status = COALESCE($2, status),
         progress = COALESCE($3, progress),
         progress_message = CASE WHEN $4::boolean THEN $5 ELSE progress_message END,
         error_detail = CASE WHEN $6::boolean THEN $7 ELSE error_detail END,
         updated_at = now()
       WHERE id = $1 AND status IN ('queued', 'processing') RETURNING id`,
      [id, update.status ?? null, update.progress ?? null, update.message !== undefined, update.message ?? null, update.errorDetail !== undefined, update.errorDetail ?? null],
    );
    return rows.length === 1;
  }

  /** Stores the pre-check result; a dossier decided (or deleted) meanwhile is left as it is. */
  async storeResult(id: string, result: unknown): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE dossiers SET status = 'checked', result = $2, progress = 1, progress_message = NULL, error_detail = NULL,
              checked_at = now(), updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'processing') RETURNING id`,
      [id, JSON.stringify(result)],
    );
    return rows.length === 1;
  }

  /** Records a decision and moves the dossier to its final status, only if no one decided first. */
  async recordDecision(
    decision: Omit<DossierDecisionRow, 'id' | 'decidedAt'>,
    corrections: DossierCorrectionRow[],
    status: DossierStatus,
  ): Promise<DossierDecisionRow | undefined> {
    const moved = await this.db.query(
      `UPDATE dossiers SET status = $2, updated_at = now() WHERE id = $1 AND status IN ('checked', 'failed') RETURNING id`,
      [decision.dossierId, status],
    );
    if (moved.length === 0) return undefined;
    const rows = await this.db.query<DossierDecisionRow>(
      `INSERT INTO dossier_decisions (dossier_id, decision, reason, additions_request, note, recommended_decision, decided_by, decided_by_role, agency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${decisionColumns}`,
      [
        decision.dossierId,
        decision.decision,
        decision.reason,
        decision.additionsRequest,
        decision.note,
        decision.recommendedDecision,
        decision.decidedBy,
        decision.decidedByRole,
        decision.agency,
      ],
    );
    const recorded = normalizeDecision(rows[0]!);
    if (corrections.length) {
      await this.db.query(
        `INSERT INTO dossier_corrections (decision_id, dossier_id, file_id, page, field, extracted_value, corrected_value)
         SELECT $1, $2, x.file_id, x.page, x.field, x.extracted_value, x.corrected_value
           FROM jsonb_to_recordset($3::jsonb) AS x(file_id uuid, page int, field text, extracted_value text, corrected_value text)`,
        [
          recorded.id,
          decision.dossierId,
          JSON.stringify(
            corrections.map((correction) => ({
              file_id: correction.fileId,
              page: correction.page,
              field: correction.field,
              extracted_value: correction.extractedValue,
              corrected_value: correction.correctedValue,
            })),
          ),
        ],
      );
    }
    return recorded;
  }

  async latestDecision(dossierId: string): Promise<DossierDecisionRow | undefined> {
    const rows = await this.db.query<DossierDecisionRow>(`SELECT ${decisionColumns} FROM dossier_decisions WHERE dossier_id = $1 ORDER BY id DESC LIMIT 1`, [dossierId]);
    return rows[0] && normalizeDecision(rows[0]);
  }

  async corrections(decisionId: number): Promise<DossierCorrectionRow[]> {
    return this.db.query<DossierCorrectionRow>(
      `SELECT file_id AS "fileId", page, field, extracted_value AS "extractedValue", corrected_value AS "correctedValue"
         FROM dossier_corrections WHERE decision_id = $1 ORDER BY id`,
      [decisionId],
    );
  }

  async delete(id: string): Promise<void> {
    await this.db.query('DELETE FROM dossiers WHERE id = $1', [id]);
  }
}
