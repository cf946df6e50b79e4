import type { IndexFilter } from './bm25.index.js';
import type { Passage, SearchFilters } from './passage.types.js';
import { foldTerm } from './tokenizer.js';

/**
 * Search filters → one index filter (a cached bitset per distinct filter). Values compare
 * without case or diacritics; `agency` and `field` match when the passage's value contains the
 * requested one (`Sở Tư pháp` matches `Sở Tư pháp tỉnh Gia Lai`), `kind`, `level` and
 * `documentId` must be equal. Several values of one filter mean any of them. Documents marked
 * no longer in force are excluded unless `includeNotInForce`.
 */
export function compileFilters<M>(filters: SearchFilters | undefined, passageOf: (meta: M) => Passage): IndexFilter<M> | undefined {
  const list = (value: string | string[] | undefined): string[] | undefined =>
    value === undefined ? undefined : (Array.isArray(value) ? value : [value]).map((item) => foldTerm(item));
  const kind = list(filters?.kind);
  const agency = list(filters?.agency);
  const field = list(filters?.field);
  const level = list(filters?.level);
  const documentId = filters?.documentId === undefined ? undefined : new Set(Array.isArray(filters.documentId) ? filters.documentId : [filters.documentId]);
  const includeNotInForce = filters?.includeNotInForce ?? false;
  const equal = (wanted: string[] | undefined, value: string | null | undefined): boolean => !wanted || (value != null && wanted.includes(foldTerm(value)));
  const contains = (wanted: string[] | undefined, value: string | null | undefined): boolean =>
    !wanted || (value != null && wanted.some((item) => foldTerm(value).includes(item)));
  const key = JSON.stringify([kind, agency, field, level, documentId ? [...documentId].sort() : undefined, includeNotInForce]);
  // Nothing requested and nothing excluded in practice still needs the in-force check.
  return {
    key,
    test: (meta) => {
      const passage = passageOf(meta);
      const facets = passage.facets ?? {};
      if (!includeNotInForce && facets.inForce === false) return false;
      return (
        equal(kind, passage.document.kind) &&
        equal(level, facets.level) &&
        contains(agency, facets.agency) &&
        contains(field, facets.field) &&
        (!documentId || documentId.has(passage.document.id))
      );
    },
  };
}
