export { loadDocument } from './load-document.js';
export { PDFJS_RESOURCES } from './pdf.loader.js';
export { DEFAULT_LIMITS } from './document.types.js';
export type {
  DocumentFormat,
  DocumentMetadata,
  ExtractionMethod,
  LoadedDocument,
  LoadedPage,
  LoadInput,
  LoadOptions,
  LoaderLimits,
  PdfOptions,
  PageBox,
  PageLine,
  PageSpan,
} from './document.types.js';
export type { NationalProcedureRecord } from './procedure-record.loader.js';
export { decodeText, looksVietnamese } from './text-decoding.js';
export type { DecodedText, TextEncoding } from './text-decoding.js';
export { htmlToText } from './html-to-text.js';
export { layoutText, layoutTextItems } from './pdf-text-layout.js';
export type { TextLayout, LaidOutLine, LaidOutSpan } from './pdf-text-layout.js';
export { ocrPageLines } from './ocr-layout.js';
export { loaderErrors } from './loader-errors.js';

import type { LoadedDocument } from './document.types.js';

/** All pages as one string, pages separated by a form feed (kept by the normaliser as a page break). */
export function documentText(document: LoadedDocument): string {
  return document.pages.map((page) => page.text).join('\n\f\n');
}
