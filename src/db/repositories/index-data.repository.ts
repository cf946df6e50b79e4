import crypto from 'node:crypto';
import type { Queryable } from '../database.js';

/** What the ingestion analysis produces for one document, in storage terms. */
export interface IndexData {
  /** Version of the analysis that made this data (see INDEX_PIPELINE_VERSION). */
  pipelineVersion: number;
  structure: string;
  metadata: { kind?: string; title?: string; number?: string; issuer?: string; issuedOn?: string };
  warnings: string[];
  pages: { pageNumber: number; text: string; method: string; confidence?: number | undefined }[];
  chunks: {
    ordinal: number;
    text: string;
    displayText: string;
    searchText: string;
    label: string;
    article?: string | undefined;
    clause?: string | undefined;
    point?: string | undefined;
    section?: string | undefined;
    path: Record<string, unknown>;
    pageNumber?: number | undefined;
    /** Dense vector of `text` (L2-normalised), when an embedding model is configured. */
    embedding?: Float32Array | undefined;
  }[];
  /** The model that made the chunks' embeddings. */
  embeddingModel?: string | undefined;
  procedure?: {
    source: 'national' | 'provincial';
    code: string;
    name: string;
    field?: string | undefined;
    agency?: string | undefined;
    level?: string | undefined;
    record: Record<string, unknown>;
    requirements: {
      name: string;
      text: string;
      group?: string | undefined;
      condition?: string | undefined;
      formCodes: string[];
      copyTypes: string[];
      quantity?: { original?: number | undefined; copy?: number | undefined } | undefined;
      oneOf: boolean;
      alternatives: string[];
    }[];
  };
}

/**
 * Derived data of a document (pages, chunks, procedure record, required documents). Replaced as a
 * whole inside the caller's transaction, so a re-run never duplicates and readers never see a mix
 * of two versions. Rows go in as one JSON array per table: one round trip, not one per row.
 */
export class IndexDataRepository {
  constructor(private readonly db: Queryable) {}

  async replace(documentId: string, data: IndexData): Promise<void> {
    await this.db.query('DELETE FROM chunks WHERE document_id = $1', [documentId]);
    await this.db.query('DELETE FROM procedures WHERE document_id = $1', [documentId]);
    await this.db.query('DELETE FROM document_pages WHERE document_id = $1', [documentId]);

    await this.db.query(
      `INSERT INTO document_pages (document_id, page_number, text, method, confidence)
       SELECT $1, x.page_number, x.text, x.method, x.confidence
         FROM jsonb_to_recordset($2::jsonb) AS x(page_number int, text text, method text, confidence real)`,
      [documentId, JSON.stringify(data.pages.map((page) => ({ page_number: page.pageNumber, text: page.text, method: page.method, confidence: page.confidence ?? null })))],
    );

    let procedureId: string | null = null;
    if (data.procedure) {
      procedureId = crypto.randomUUID();
      const procedure = data.procedure;
      await this.db.query(
        `INSERT INTO procedures (id, document_id, source, code, name, field, agency, level, record)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [procedureId, documentId, procedure.source, procedure.code, procedure.name, procedure.field ?? null, procedure.agency ?? null, procedure.level ?? null, JSON.stringify(procedure.record)],
      );
      await this.db.query(
        `INSERT INTO procedure_requirements (procedure_id, ordinal, name, text, group_name, condition, form_codes, copy_types,
                                             quantity_original, quantity_copy, one_of, alternatives)
         SELECT $1, x.ordinal, x.name, x.text, x.group_name, x.condition,
                ARRAY(SELECT jsonb_array_elements_text(x.form_codes)), ARRAY(SELECT jsonb_array_elements_text(x.copy_types)),
                x.quantity_original, x.quantity_copy, x.one_of, ARRAY(SELECT jsonb_array_elements_text(x.alternatives))
           FROM jsonb_to_recordset($2::jsonb) AS x(ordinal int, name text, text text, group_name text, condition text,
                form_codes jsonb, copy_types jsonb, quantity_original int, quantity_copy int, one_of boolean, alternatives jsonb)`,
        [
          procedureId,
          JSON.stringify(
            procedure.requirements.map((requirement, ordinal) => ({
              ordinal,
              name: requirement.name,
              text: requirement.text,
              group_name: requirement.group ?? null,
              condition: requirement.condition ?? null,
              form_codes: requirement.formCodes,
              copy_types: requirement.copyTypes,
              quantity_original: requirement.quantity?.original ?? null,
              quantity_copy: requirement.quantity?.copy ?? null,
              one_of: requirement.oneOf,
              alternatives: requirement.alternatives,
            })),
          ),
        ],
      );
    }

    await this.db.query(
      `WITH inserted AS (
         INSERT INTO chunks (document_id, ordinal, text, display_text, search_text, label, article, clause, point, section, path, procedure_id, page_number)
         SELECT $1, x.ordinal, x.text, x.display_text, x.search_text, x.label, x.article, x.clause, x.point, x.section, x.path, $3, x.page_number
           FROM jsonb_to_recordset($2::jsonb) AS x(ordinal int, text text, display_text text, search_text text, label text,
                article text, clause text, point text, section text, path jsonb, page_number int)
         RETURNING id, ordinal)
       INSERT INTO chunk_embeddings (chunk_id, model, embedding)
       SELECT inserted.id, $4, (x.embedding)::vector
         FROM inserted JOIN jsonb_to_recordset($2::jsonb) AS x(ordinal int, embedding text) ON x.ordinal = inserted.ordinal
        WHERE $4::text IS NOT NULL AND x.embedding IS NOT NULL`,
      [
        documentId,
        JSON.stringify(
          data.chunks.map((chunk) => ({
            ordinal: chunk.ordinal,
            text: chunk.text,
            display_text: chunk.displayText,
            search_text: chunk.searchText,
            label: chunk.label,
            article: chunk.article ?? null,
            clause: chunk.clause ?? null,
            point: chunk.point ?? null,
            section: chunk.section ?? null,
            path: chunk.path,
            page_number: chunk.pageNumber ?? null,
            embedding: chunk.embedding && data.embeddingModel ? `[${Array.from(chunk.embedding, (value) => value.toFixed(6)).join(',')}]` : null,
          })),
        ),
        procedureId,
        data.embeddingModel ?? null,
      ],
    );

    const characterCount = data.pages.reduce((sum, page) => sum + page.text.length, 0);
    await this.db.query(
      `UPDATE documents SET structure = $2, kind = $3, title = $4, number = $5, issuer = $6, issued_on = $7::date,
              warnings = $8, page_count = $9, character_count = $10, pipeline_version = $11, status = 'done', progress = 1,
              progress_message = NULL, error_detail = NULL, updated_at = now()
        WHERE id = $1`,
      [
        documentId,
        data.structure,
        data.metadata.kind ?? null,
        data.metadata.title ?? null,
        data.metadata.number ?? null,
        data.metadata.issuer ?? null,
        validDate(data.metadata.issuedOn),
        data.warnings,
        data.pages.length,
        characterCount,
        data.pipelineVersion,
      ],
    );
  }

  async counts(documentId: string): Promise<{ chunks: number; procedures: number; requirements: number }> {
    const rows = await this.db.query<{ chunks: number; procedures: number; requirements: number }>(
      `SELECT (SELECT count(*)::int FROM chunks WHERE document_id = $1) AS chunks,
              (SELECT count(*)::int FROM procedures WHERE document_id = $1) AS procedures,
              (SELECT count(*)::int FROM procedure_requirements r JOIN procedures p ON p.id = r.procedure_id WHERE p.document_id = $1) AS requirements`,
      [documentId],
    );
    return rows[0]!;
  }
}

function validDate(value: string | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}
