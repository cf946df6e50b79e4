import type { OcrEngine } from '../../providers/ocr/index.js';
import type { NationalProcedureRecord } from './procedure-record.loader.js';

export type DocumentFormat = 'pdf' | 'docx' | 'doc' | 'txt' | 'html' | 'image' | 'json';

/** `text-layer`: text stored in the PDF; `ocr`: recognised from pixels; `plain`: formats that are text. */
export type ExtractionMethod = 'text-layer' | 'ocr' | 'plain';

export interface LoadedPage {
  /** 1-based. Formats without pages (TXT, HTML, DOC, DOCX, JSON) have one page. */
  pageNumber: number;
  /**
   * Extracted text, not normalised (the original wording is kept for citations; see ingest/normalize).
   * Tables are written one row per line, every cell followed by a tab: `cell\tcell\tcell\t\n`; this is
   * also what Word itself stores for .doc files, where a cell may contain line breaks.
   */
  text: string;
  method: ExtractionMethod;
  /** OCR confidence 0..1 (only for `ocr`). */
  confidence?: number;
  /** Which engine/settings produced an `ocr` page. */
  ocrEngine?: string;
  /** Where the lines of `text` are on the page; only when the caller asked for `LoadOptions.layout`. */
  lines?: PageLine[];
}

/**
 * A rectangle as fractions (0–1) of the page as it is displayed: origin top-left; for PDF the
 * page's view box (after its /Rotate), for images the image itself.
 */
export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Characters `start`..`end` of a line's text (a PDF text item, an OCR word) and where they are. */
export interface PageSpan {
  start: number;
  end: number;
  box: PageBox;
  /** OCR word confidence 0..1. */
  confidence?: number;
}

/** A line of a page's text with its position; `lineIndex` is its index in `text.split('\n')`. */
export interface PageLine {
  lineIndex: number;
  text: string;
  box: PageBox;
  spans: PageSpan[];
}

export interface DocumentMetadata {
  title?: string;
  author?: string;
  pageCount: number;
  /** Character encoding a text file was decoded from (utf-8, utf-16le, utf-16be, windows-1258). */
  encoding?: string;
  createdAt?: string;
  producer?: string;
}

export interface LoadedDocument {
  format: DocumentFormat;
  /** The media type established from the content, e.g. `application/pdf`. */
  mediaType: string;
  pages: LoadedPage[];
  metadata: DocumentMetadata;
  /** Tables found in the document: table → row → cell. Cells keep inner line breaks. */
  tables?: string[][][];
  /** The parsed national TTHC record (format `json` only). */
  record?: NationalProcedureRecord;
  /** Non-fatal problems worth showing an officer, in Vietnamese (e.g. a page that needed OCR but got none). */
  warnings: string[];
}

export interface LoadInput {
  bytes: Uint8Array;
  filename: string;
  /** As declared by the uploader; the content decides when they disagree. */
  mediaType?: string;
}

export interface LoaderLimits {
  /** Largest input file (default 50 MB, same as MAX_UPLOAD_MB). */
  maxBytes: number;
  maxPdfPages: number;
  /** Largest image, in pixels, that is decoded for OCR (default 60 MP). */
  maxImagePixels: number;
  /** DOCX: total uncompressed size of the package (default 200 MB) — zip-bomb protection. */
  maxUncompressedBytes: number;
  maxZipEntries: number;
  /** DOCX: largest compression ratio accepted for parts above 1 MB (default 1000:1). */
  maxCompressionRatio: number;
}

export const DEFAULT_LIMITS: LoaderLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPdfPages: 2000,
  maxImagePixels: 60_000_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxCompressionRatio: 1000,
};

export interface PdfOptions {
  /** `auto` (default): OCR pages whose text layer is missing or unusable. */
  ocrMode?: 'auto' | 'always' | 'never';
  /** Rendering resolution for OCR (default 200 dpi, the resolution the OCR benchmark is tuned on). */
  ocrDpi?: number;
}

export interface LoadOptions {
  ocr?: OcrEngine;
  signal?: AbortSignal;
  /** Called with 0..1 as pages are processed. */
  onProgress?: (fraction: number) => void;
  limits?: Partial<LoaderLimits>;
  pdf?: PdfOptions;
  /**
   * Also report where each line and word is (`LoadedPage.lines`) for PDF text layers and OCR'd
   * pages, e.g. to highlight evidence on the page image. OCR then asks the engine for word boxes.
   */
  layout?: boolean;
}

/** What each format loader receives: the input plus resolved limits. */
export interface LoaderContext {
  input: LoadInput;
  options: LoadOptions;
  limits: LoaderLimits;
}
