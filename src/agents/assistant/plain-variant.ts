import { PROCEDURE_DOCUMENT_KINDS } from '../../ingest/structure/index.js';
import type { SearchResult } from '../../retrieval/index.js';
import { nameKey, type Candidate } from './procedure-choice.js';

/** The qualifier of the civil-status procedures with a foreign party. */
const FOREIGN = /\s+có yếu tố nước ngoài(?=\s|$|,)/iu;

/**
 * The plain procedure of a family (`Đăng ký giám hộ`) when retrieval's choice carries the foreign
 * qualifier (`Đăng ký giám hộ có yếu tố nước ngoài`) and the question says nothing foreign — no
 * `nước ngoài`, no country, no nationality (read formally, those are in `questionWords`). A long
 * story about an orphaned nephew can pull the foreign variant first; the plain one may not even be
 * among the candidates, so it is looked up by its name, in the same collection.
 */
export async function findPlainVariant(
  search: (query: string, kind: string) => Promise<SearchResult[]>,
  candidate: Candidate,
  questionWords: ReadonlySet<string>,
): Promise<Candidate | undefined> {
  if (!FOREIGN.test(candidate.name) || (questionWords.has('nuoc') && questionWords.has('ngoai'))) return undefined;
  const plainName = candidate.name.replace(FOREIGN, '').trim();
  const key = nameKey(plainName);
  const kind = candidate.provincial ? PROCEDURE_DOCUMENT_KINDS.provincial : PROCEDURE_DOCUMENT_KINDS.national;
  for (const result of await search(plainName, kind)) {
    if (result.procedure && result.document.kind === kind && nameKey(result.procedure.name) === key) {
      return { documentId: result.document.id, code: result.procedure.code, name: result.procedure.name, rank: candidate.rank, score: result.score, provincial: candidate.provincial };
    }
  }
  return undefined;
}
