import type { Chunk } from '../ingest/chunk/index.js';
import { PROCEDURE_SECTION_TITLES, type ProcedureSectionKey } from '../ingest/structure/index.js';
import type { Passage, PassageFacets, ResultDocument, ResultProcedure } from './passage.types.js';

/**
 * Where the index gets its passages. The evaluation reads the shared corpora from disk; the
 * service reads the `chunks` table. Either way the core only sees `Passage` objects.
 */
export interface CorpusSource {
  /** For reports, e.g. `shared corpora (laws, provincial, national)` or `database`. */
  readonly description: string;
  passages(): AsyncIterable<Passage>;
}

/** A source over passages already in memory (tests, small demos). */
export function memoryCorpus(passages: readonly Passage[], description = 'memory'): CorpusSource {
  return {
    description,
    async *passages() {
      yield* passages;
    },
  };
}

export interface ChunkDocumentInfo {
  document: ResultDocument;
  procedure?: ResultProcedure | null;
  facets?: PassageFacets;
}

/** Lines a chunker puts before the unit's own text (document reference, heading, section title). */
function splitHeader(chunk: Pick<Chunk, 'text' | 'displayText' | 'path'>): { heading: string; body: string } {
  const lines = chunk.text.split('\n');
  if (chunk.path.article !== undefined) {
    // `<reference>\n<Điều N. heading>\n<body>` (whole article or a piece of it).
    const heading = lines[1] ?? '';
    return { heading, body: lines.slice(2).join('\n') || chunk.displayText };
  }
  if (chunk.path.section !== undefined && chunk.path.section !== 'tongQuan') {
    // `<reference>\n<Section title>:\n<body>`
    return { heading: PROCEDURE_SECTION_TITLES[chunk.path.section as ProcedureSectionKey] ?? '', body: chunk.displayText };
  }
  return { heading: chunk.path.section === 'tongQuan' ? 'Tổng quan' : '', body: chunk.displayText };
}

/**
 * A chunk from `src/ingest/chunk` (or a `chunks` row with the same text/label/path) → Passage.
 * `title` is the document's own title, so a query naming the law or procedure matches every
 * passage of it through the title field.
 */
export function passageFromChunk(id: string, chunk: Pick<Chunk, 'text' | 'displayText' | 'path' | 'label'>, info: ChunkDocumentInfo): Passage {
  const { heading, body } = splitHeader(chunk);
  const section = chunk.path.section;
  const sectionTitle = section === undefined ? null : section === 'tongQuan' ? 'Tổng quan' : (PROCEDURE_SECTION_TITLES[section] ?? section);
  const title = info.procedure?.name ?? (info.document.number ? `${info.document.title} (${info.document.number})` : info.document.title);
  return {
    id,
    text: chunk.text,
    fields: { title, heading, body },
    document: info.document,
    citation: {
      article: chunk.path.article ?? null,
      clause: chunk.path.clause ?? null,
      point: chunk.path.point ?? null,
      section: sectionTitle,
      label: chunk.label,
    },
    procedure: info.procedure ?? null,
    ...(info.facets ? { facets: info.facets } : {}),
  };
}
