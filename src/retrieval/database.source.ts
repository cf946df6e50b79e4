import type { PassageRepository, PassageRow } from '../db/repositories/index.js';
import type { Chunk } from '../ingest/chunk/index.js';
import { passageFromChunk, type CorpusSource } from './corpus.source.js';
import type { Passage } from './passage.types.js';

/** The `chunks` table as a corpus: what the service searches. */
export function databaseCorpus(passages: PassageRepository, documentId?: string): CorpusSource {
  return {
    description: 'database',
    async *passages() {
      for await (const row of passages.all(5000, documentId)) yield passageFromRow(row);
    },
  };
}

export function passageFromRow(row: PassageRow): Passage {
  const chunk = { text: row.text, displayText: row.displayText, label: row.label, path: row.path as Chunk['path'] };
  return passageFromChunk(row.id, chunk, {
    document: {
      id: row.documentId,
      title: row.documentTitle ?? row.filename,
      number: row.documentNumber,
      kind: row.documentKind ?? 'Tài liệu',
      source: row.sourcePath ?? row.filename,
    },
    procedure: row.procedureCode && row.procedureName ? { code: row.procedureCode, name: row.procedureName } : null,
    facets: { agency: row.agency, field: row.field, level: row.level, inForce: row.inForce },
  });
}
