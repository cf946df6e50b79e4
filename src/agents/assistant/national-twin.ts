import { PROCEDURE_DOCUMENT_KINDS } from '../../ingest/structure/index.js';
import type { SearchResult } from '../../retrieval/index.js';
import { nameKey } from './procedure-choice.js';

/**
 * The national record (Cổng Dịch vụ công quốc gia) of the same procedure as a provincial internal
 * one: the province's document often leaves out what the national record states (fees, forms),
 * and a citizen is better served by it, cited, than by "not stated". Only the same name counts
 * (folded): names that differ by a word ("không phải là cộng tác viên") are other procedures.
 */
export async function findNationalTwin(search: (query: string) => Promise<SearchResult[]>, provincialName: string): Promise<string | undefined> {
  const key = nameKey(provincialName);
  for (const result of await search(provincialName)) {
    if (result.procedure && result.document.kind === PROCEDURE_DOCUMENT_KINDS.national && nameKey(result.procedure.name) === key) return result.document.id;
  }
  return undefined;
}
