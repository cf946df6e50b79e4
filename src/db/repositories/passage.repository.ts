import type { Queryable } from '../database.js';

/** A chunk with what is needed to cite it: its document and, for procedures, the procedure. */
export interface PassageRow {
  id: string;
  documentId: string;
  text: string;
  displayText: string;
  label: string;
  path: Record<string, unknown>;
  documentTitle: string | null;
  documentNumber: string | null;
  documentKind: string | null;
  sourcePath: string | null;
  filename: string;
  inForce: boolean;
  procedureCode: string | null;
  procedureName: string | null;
  agency: string | null;
  field: string | null;
  level: string | null;
}

export interface IndexVersion {
  documents: number;
  lastChange: string | null;
}

/** Reads the chunks of processed documents for the in-memory search index, in id order, page by page. */
export class PassageRepository {
  constructor(private readonly db: Queryable) {}

  async *all(pageSize = 5000, documentId?: string): AsyncIterable<PassageRow> {
    let after = 0;
    for (;;) {
      const rows = await this.db.query<PassageRow & { id: string | number }>(
        `SELECT c.id, c.document_id AS "documentId", c.text, c.display_text AS "displayText", c.label, c.path,
                d.title AS "documentTitle", d.number AS "documentNumber", d.kind AS "documentKind",
                d.source_path AS "sourcePath", d.filename, d.in_force AS "inForce",
                p.code AS "procedureCode", p.name AS "procedureName", p.agency, p.field, p.level
           FROM chunks c
           JOIN documents d ON d.id = c.document_id AND d.status = 'done'
           LEFT JOIN procedures p ON p.id = c.procedure_id
          WHERE c.id > $1 AND ($3::uuid IS NULL OR c.document_id = $3)
          ORDER BY c.id
          LIMIT $2`,
        [after, pageSize, documentId ?? null],
      );
      for (const row of rows) yield { ...row, id: String(row.id) };
      if (rows.length < pageSize) return;
      after = Number(rows[rows.length - 1]!.id);
    }
  }

  /** Changes whenever a document is processed, replaced or deleted: the index reloads when it differs. */
  async version(): Promise<IndexVersion> {
    const rows = await this.db.query<{ documents: number; lastChange: Date | string | null }>(
      `SELECT count(*)::int AS documents, max(updated_at) AS "lastChange" FROM documents WHERE status = 'done'`,
    );
    const row = rows[0]!;
    return { documents: row.documents, lastChange: row.lastChange === null ? null : new Date(row.lastChange).toISOString() };
  }

  /** Ids of the documents whose chunks are searchable. */
  async doneDocumentIds(): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(`SELECT id FROM documents WHERE status = 'done'`);
    return rows.map((row) => row.id);
  }

  /** Searchable documents processed (or re-processed) at or after the given time. */
  async documentsChangedSince(since: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(`SELECT id FROM documents WHERE status = 'done' AND updated_at >= $1::timestamptz`, [since]);
    return rows.map((row) => row.id);
  }
}
