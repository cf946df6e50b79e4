import { AppError } from '../../errors/index.js';
import { loadDocument, type PageLine } from '../../ingest/loaders/index.js';
import type { OcrEngine } from '../../providers/ocr/index.js';
import type { DossierFileInput, ExtractedField } from './precheck.types.js';
import { readDocxFormFields, readPdfFormFields, type FormFieldValue } from './form-fields.reader.js';

/** One page of a dossier file as the pre-check sees it. */
export interface ReadPage {
  page: number;
  text: string;
  source: ExtractedField['source'];
  confidence?: number;
  /** Where each line of `text` is on the page (PDF text layer, OCR). */
  lines?: PageLine[];
}

export interface ReadFile {
  file: DossierFileInput;
  pages: ReadPage[];
  formFields: FormFieldValue[];
  error?: string;
}

export interface ReadOptions {
  ocr?: OcrEngine;
  signal?: AbortSignal;
  /** Resolution scanned PDF pages are rendered at for OCR. */
  ocrDpi?: number;
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** Loads a file with the ingest loaders (text layer, OCR for scans and photos, DOC/DOCX) plus its form fields. */
export async function readDossierFile(file: DossierFileInput, options: ReadOptions): Promise<ReadFile> {
  try {
    const loaded = await loadDocument(
      { bytes: file.bytes, filename: file.fileName, mediaType: file.mediaType },
      {
        ...(options.ocr ? { ocr: options.ocr } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        pdf: { ocrMode: 'auto', ...(options.ocrDpi ? { ocrDpi: options.ocrDpi } : {}) },
        layout: true,
      },
    );
    const formFields = isPdf(file.bytes) ? await readPdfFormFields(file.bytes) : isZip(file.bytes) ? await readDocxFormFields(file.bytes) : [];
    const pages: ReadPage[] = loaded.pages.map((page) => ({
      page: page.pageNumber,
      text: page.text,
      source: page.method === 'ocr' ? 'ocr' : 'text_layer',
      ...(page.confidence !== undefined ? { confidence: page.confidence } : {}),
      ...(page.lines ? { lines: page.lines } : {}),
    }));
    return { file, pages, formFields };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const reason = error instanceof AppError ? error.detail : 'Tệp hỏng hoặc định dạng không hỗ trợ.';
    return { file, pages: [], formFields: [], error: reason };
  }
}
