import type { IndexData } from '../../db/repositories/index.js';
import { foldForSearch } from '../normalize/index.js';
import { normalizeVietnamese } from '../normalize/index.js';
import type { AnalyzedDocument } from './analyze-document.js';
import { INDEX_PIPELINE_VERSION } from './pipeline-version.js';

/** The analysis in storage terms: searchable text is normalised and folded; display text stays original. */
export function toIndexData(analysis: AnalyzedDocument): IndexData {
  const procedure = analysis.procedure;
  return {
    pipelineVersion: INDEX_PIPELINE_VERSION,
    structure: analysis.structure,
    metadata: analysis.metadata,
    warnings: analysis.warnings,
    pages: analysis.loaded.pages.map((page) => ({
      pageNumber: page.pageNumber,
      text: page.text,
      method: page.method,
      confidence: page.confidence,
    })),
    chunks: analysis.chunks.map((chunk) => {
      const text = normalizeVietnamese(chunk.text);
      return {
        ordinal: chunk.ordinal,
        text,
        displayText: chunk.displayText,
        searchText: foldForSearch(text),
        label: chunk.label,
        article: chunk.path.article,
        clause: chunk.path.clause,
        point: chunk.path.point,
        section: chunk.path.section,
        path: { ...chunk.path },
        pageNumber: chunk.pageNumber,
      };
    }),
    ...(procedure
      ? {
          procedure: {
            source: procedure.source,
            code: procedure.code,
            name: procedure.name,
            field: procedure.field,
            agency: procedure.agency,
            level: procedure.level,
            record: procedure as unknown as Record<string, unknown>,
            requirements: procedure.documents.map((document) => ({
              name: document.name,
              text: document.text,
              group: document.group,
              condition: document.condition,
              formCodes: document.formCodes,
              copyTypes: document.copyTypes,
              quantity: document.quantity,
              oneOf: document.oneOf,
              alternatives: document.alternatives,
            })),
          },
        }
      : {}),
  };
}
