import type { ProcedureSectionKey } from '../structure/index.js';

/** Where a chunk sits in its source document. */
export interface ChunkPath {
  /** Điều (article) number, e.g. `20`, `10a`. */
  article?: string;
  /** Khoản (clause): one number, or a range `2-4` when several whole clauses share the chunk. */
  clause?: string;
  /** Every clause in the chunk, when there is more than one. */
  clauses?: string[];
  /** Điểm (point): one letter, or a range `a-c`. */
  point?: string;
  /** Every point in the chunk, when there is more than one. */
  points?: string[];
  /** Enclosing Phần/Chương/Mục labels, outermost first. */
  divisions?: string[];
  /** Procedure section, or `tongQuan` for the overview chunk. */
  section?: ProcedureSectionKey | 'tongQuan';
  /** 1-based piece number when one unit (clause, point, section) had to be cut by sentences. */
  part?: number;
  /** Number of pieces that unit was cut into. */
  parts?: number;
}

export interface Chunk {
  /** Text to index and embed: the unit plus the context that makes it retrievable on its own. */
  text: string;
  /** The source text of the unit only, for display and quotation. */
  displayText: string;
  path: ChunkPath;
  /** Citation label, e.g. `Khoản 2 Điều 20 Luật Cư trú (68/2020/QH14)`. */
  label: string;
  /** 0-based position of the chunk within its document. */
  ordinal: number;
}

export interface ChunkOptions {
  /**
   * Upper bound on `text` length in characters. Vietnamese runs about 4–5 characters per
   * syllable, so the default of 1500 stays within a 512-token embedding window.
   */
  maxChars?: number;
  /** An article/clause introduction up to this length is repeated in every piece; longer ones get their own chunk. */
  maxRepeatedIntroChars?: number;
}

export const DEFAULT_CHUNK_OPTIONS: Required<ChunkOptions> = { maxChars: 1500, maxRepeatedIntroChars: 300 };
