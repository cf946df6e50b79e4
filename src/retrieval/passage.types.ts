/**
 * What the retrieval core indexes and returns. The shapes of `SearchResult` are the public
 * contract of `POST /v1/search` (held-out evaluations call it): keep them stable.
 */

export interface ResultDocument {
  id: string;
  title: string;
  /** Số hiệu, e.g. `68/2020/QH14`; null when the document has none. */
  number: string | null;
  /** `Luật`, `Bộ luật`, `Hiến pháp`, `Thủ tục hành chính`, `Quy trình nội bộ`… */
  kind: string;
  /** Path the document was ingested from, relative to the ingest folder. */
  source: string;
}

export interface ResultCitation {
  article: string | null;
  clause: string | null;
  point: string | null;
  /** Procedure section title, e.g. `Thành phần hồ sơ`. */
  section: string | null;
  /** Human label, e.g. `Khoản 2 Điều 20 Luật Cư trú (68/2020/QH14)`. */
  label: string;
}

export interface ResultProcedure {
  code: string;
  name: string;
}

export interface SearchResult {
  score: number;
  text: string;
  document: ResultDocument;
  citation: ResultCitation;
  procedure: ResultProcedure | null;
}

/** Facets the filters act on (besides `document.kind`). */
export interface PassageFacets {
  /** Cơ quan thực hiện / ban hành. */
  agency?: string | null;
  /** Lĩnh vực. */
  field?: string | null;
  /** Cấp thực hiện (`Cấp xã`, `Cấp tỉnh`…). */
  level?: string | null;
  /** False when the document is marked no longer in force (excluded by default). */
  inForce?: boolean;
}

/** Searchable text of a passage by field; `title` names the document, `heading` the unit. */
export interface PassageFields {
  title?: string;
  heading?: string;
  body: string;
}

/** One retrievable unit (a chunk) with everything needed to cite it. */
export interface Passage {
  /** Stable id (e.g. the chunk id in the database). */
  id: string;
  /** Text returned to callers (the chunk as stored). */
  text: string;
  fields: PassageFields;
  document: ResultDocument;
  citation: ResultCitation;
  procedure: ResultProcedure | null;
  facets?: PassageFacets;
}

export interface SearchFilters {
  kind?: string | string[];
  agency?: string | string[];
  field?: string | string[];
  level?: string | string[];
  documentId?: string | string[];
  /** Include documents marked no longer in force (default false). */
  includeNotInForce?: boolean;
}
