import type { ProcedureRecord } from '../../ingest/structure/procedure.types.js';
import type { Queryable } from '../database.js';

export interface ProcedureRow {
  id: string;
  documentId: string;
  source: 'national' | 'provincial';
  code: string;
  name: string;
  agency: string | null;
  record: ProcedureRecord;
}

/** Structured procedure records (thủ tục hành chính) as ingested, read by the assistant. */
export class ProcedureRepository {
  constructor(private readonly db: Queryable) {}

  /** Names of all procedures (the assistant weighs question words by how rare they are in names). */
  async names(): Promise<string[]> {
    const rows = await this.db.query<{ name: string }>(`SELECT p.name FROM procedures p JOIN documents d ON d.id = p.document_id AND d.status = 'done'`);
    return rows.map((row) => row.name);
  }

  /** Records of the given documents (one document holds at most one procedure). */
  async byDocumentIds(documentIds: readonly string[]): Promise<ProcedureRow[]> {
    if (documentIds.length === 0) return [];
    const rows = await this.db.query<ProcedureRow & { record: ProcedureRecord | string }>(
      `SELECT p.id, p.document_id AS "documentId", p.source, p.code, p.name, p.agency, p.record
         FROM procedures p JOIN documents d ON d.id = p.document_id AND d.status = 'done'
        WHERE p.document_id = ANY($1::uuid[])`,
      [[...documentIds]],
    );
    return rows.map((row) => ({ ...row, record: typeof row.record === 'string' ? (JSON.parse(row.record) as ProcedureRecord) : row.record }));
  }
}
