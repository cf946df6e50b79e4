/**
 * Structure of a Vietnamese legal document (văn bản quy phạm pháp luật):
 * Phần (part) › Chương (chapter) › Mục (section) › Tiểu mục (subsection) › Điều (article)
 * › Khoản (clause, "1.") › Điểm (point, "a)").
 */

export const LEGAL_DOCUMENT_KINDS = [
  'Hiến pháp',
  'Bộ luật',
  'Luật',
  'Pháp lệnh',
  'Nghị quyết',
  'Nghị định',
  'Thông tư liên tịch',
  'Thông tư',
  'Quyết định',
  'Chỉ thị',
  'Văn bản hợp nhất',
] as const;

export type LegalDocumentKind = (typeof LEGAL_DOCUMENT_KINDS)[number];

export interface LegalMetadata {
  kind?: LegalDocumentKind;
  /** Số hiệu, e.g. `52/2014/QH13` (the 2013 Constitution has none). */
  number?: string;
  title: string;
  /** Cơ quan ban hành, e.g. `Quốc hội`. */
  issuer?: string;
  /** Ngày ký ban hành as ISO date, from a "…, ngày … tháng … năm …" header line. */
  issuedDate?: string;
  /** Ngày thông qua (adoption by the National Assembly) as ISO date. */
  adoptedDate?: string;
  year?: number;
}

/** Metadata the caller already knows (e.g. from laws/index.json); wins over what is read from the text. */
export type LegalMetadataHints = Partial<LegalMetadata>;

export type LegalDivisionLevel = 'phan' | 'chuong' | 'muc' | 'tieuMuc';

export interface LegalDivision {
  level: LegalDivisionLevel;
  /** As written: `thứ hai`, `II`, `1`. */
  number: string;
  /** Heading label, e.g. `Phần thứ hai`, `Chương II`, `Mục 1`. */
  label: string;
  title: string;
}

export interface LegalPoint {
  /** Letter of the điểm: `a`, `b`, … `đ`. */
  letter: string;
  /** Full text including the `a)` marker. */
  text: string;
}

export interface LegalClause {
  /** Number of the khoản as written (`1`, `2`…). */
  number: string;
  /** Full text including the `1.` marker and all points. */
  text: string;
  /** Text before the first point (the whole clause when it has no points). */
  intro: string;
  points: LegalPoint[];
}

export interface LegalArticle {
  /** Article number as written: `20`, `10a`. */
  number: string;
  /** Article heading after `Điều N.` (empty when the source has none, as in the Constitution). */
  title: string;
  /** Heading line as written, e.g. `Điều 20. Đăng ký thường trú`. */
  heading: string;
  /** Body text (everything after the heading line). */
  body: string;
  /** Body text before the first clause or point. */
  intro: string;
  clauses: LegalClause[];
  /** Points that hang directly under the article (no clause numbering). */
  points: LegalPoint[];
  /** Enclosing divisions, outermost first. */
  divisions: LegalDivision[];
  /** 0-based position in the document. */
  index: number;
}

export interface ParsedLegalDocument {
  metadata: LegalMetadata;
  /** Text before the first article (header, title, preamble). */
  preamble: string;
  articles: LegalArticle[];
  divisions: LegalDivision[];
  /** Signature block and anything after the body. */
  closing: string;
}
