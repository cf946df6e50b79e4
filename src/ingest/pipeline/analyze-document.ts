import path from 'node:path';
import type { OcrEngine } from '../../providers/ocr/index.js';
import { chunkLegalDocument, chunkProcedure, type Chunk } from '../chunk/index.js';
import { splitToBudget } from '../chunk/index.js';
import { loadDocument, type LoadedDocument } from '../loaders/index.js';
import { normalizeVietnamese } from '../normalize/index.js';
import {
  parseLegalDocument,
  parseNationalProcedure,
  parseProvincialProcedure,
  PROCEDURE_DOCUMENT_KINDS,
  type ParsedLegalDocument,
  type ProcedureRecord,
} from '../structure/index.js';
import type { SourceHints } from './source-hints.js';

export type DocumentStructure = 'legal' | 'procedure' | 'generic';

export interface AnalyzedDocument {
  loaded: LoadedDocument;
  structure: DocumentStructure;
  metadata: { kind?: string; title?: string; number?: string; issuer?: string; issuedOn?: string };
  chunks: (Chunk & { pageNumber?: number })[];
  procedure?: ProcedureRecord;
  warnings: string[];
}

export interface AnalyzeInput {
  bytes: Uint8Array;
  filename: string;
  mediaType?: string;
  /** Path relative to the ingested folder: identifies procedure records and helps classification. */
  sourcePath?: string;
  hints?: SourceHints;
}

export interface AnalyzeOptions {
  ocr?: OcrEngine;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

const articleHeading = /^\s*Điều\s+\d+[a-zđ]?\s*[.:]/gmu;
const legalTitle = /^\s*(HIẾN PHÁP|BỘ LUẬT|LUẬT|NGHỊ ĐỊNH|THÔNG TƯ|QUYẾT ĐỊNH|NGHỊ QUYẾT|PHÁP LỆNH|CHỈ THỊ)\b/mu;
const procedureMarkers = /thành phần(,)? (số lượng )?hồ sơ/iu;

/**
 * Bytes → text → structure → chunks, with no database access: the same analysis serves API
 * uploads (the `document.process` job) and folder ingestion. Bad input throws the loaders'
 * AppError with a Vietnamese reason.
 */
export async function analyzeDocument(input: AnalyzeInput, options: AnalyzeOptions = {}): Promise<AnalyzedDocument> {
  const loaded = await loadDocument(
    { bytes: input.bytes, filename: input.filename, ...(input.mediaType ? { mediaType: input.mediaType } : {}) },
    { ...(options.ocr ? { ocr: options.ocr } : {}), ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
  );
  const hints = input.hints ?? {};
  const sourceId = input.sourcePath ?? input.filename;
  const warnings = [...loaded.warnings];

  if (loaded.record) {
    const procedure = parseNationalProcedure(loaded.record, sourceId);
    return procedureAnalysis(loaded, procedure, hints, warnings);
  }

  const text = loaded.pages.map((page) => page.text).join('\n\n');
  const articleCount = (text.match(articleHeading) ?? []).length;
  if (articleCount >= 2 && (legalTitle.test(text.slice(0, 3000)) || hints.number)) {
    const legal = parseLegalDocument(text, {
      ...(hints.title ? { title: hints.title } : {}),
      ...(hints.number ? { number: hints.number } : {}),
      ...(hints.year ? { year: hints.year } : {}),
    });
    if (legal.articles.length >= 2) return legalAnalysis(loaded, legal, warnings);
  }
  if (procedureMarkers.test(text)) {
    const field = guessField(input.sourcePath);
    const procedure = parseProvincialProcedure(text, { sourceId, ...(field ? { field } : {}) });
    if (procedure.documents.length > 0 || procedure.steps.length > 0) return procedureAnalysis(loaded, procedure, hints, warnings);
  }
  return genericAnalysis(loaded, input, hints, warnings);
}

function legalAnalysis(loaded: LoadedDocument, legal: ParsedLegalDocument, warnings: string[]): AnalyzedDocument {
  const { metadata } = legal;
  return {
    loaded,
    structure: 'legal',
    metadata: {
      ...(metadata.kind ? { kind: metadata.kind } : {}),
      title: metadata.title,
      ...(metadata.number ? { number: metadata.number } : {}),
      ...(metadata.issuer ? { issuer: metadata.issuer } : {}),
      ...((metadata.issuedDate ?? metadata.adoptedDate) ? { issuedOn: metadata.issuedDate ?? metadata.adoptedDate } : {}),
    },
    chunks: chunkLegalDocument(legal),
    warnings,
  };
}

function procedureAnalysis(loaded: LoadedDocument, procedure: ProcedureRecord, hints: SourceHints, warnings: string[]): AnalyzedDocument {
  if (procedure.documents.length === 0) warnings.push('Không đọc được thành phần hồ sơ của thủ tục này.');
  return {
    loaded,
    structure: 'procedure',
    metadata: {
      // the province's internal procedures (quy trình nội bộ) are told apart from national records
      kind: PROCEDURE_DOCUMENT_KINDS[procedure.source],
      title: hints.title ?? procedure.name,
      number: procedure.code,
      ...((procedure.agency ?? procedure.issuer) ? { issuer: procedure.agency ?? procedure.issuer } : {}),
      ...(procedure.issuedDate ? { issuedOn: procedure.issuedDate } : {}),
    },
    chunks: chunkProcedure(procedure),
    procedure,
    warnings,
  };
}

/** Anything else (letters, forms, scans): chunks follow pages and paragraphs. */
function genericAnalysis(loaded: LoadedDocument, input: AnalyzeInput, hints: SourceHints, warnings: string[]): AnalyzedDocument {
  const title = hints.title ?? loaded.metadata.title ?? firstLine(loaded) ?? path.basename(input.filename);
  const chunks: AnalyzedDocument['chunks'] = [];
  for (const page of loaded.pages) {
    const text = normalizeVietnamese(page.text).trim();
    if (!text) continue;
    for (const piece of splitToBudget(text, 1500)) {
      const label = loaded.pages.length > 1 ? `${title}, trang ${page.pageNumber}` : title;
      chunks.push({ text: `${title}\n${piece}`, displayText: piece, path: {}, label, ordinal: chunks.length, pageNumber: page.pageNumber });
    }
  }
  return { loaded, structure: 'generic', metadata: { title }, chunks, warnings };
}

function firstLine(loaded: LoadedDocument): string | undefined {
  const line = loaded.pages[0]?.text.split('\n').map((candidate) => candidate.trim()).find((candidate) => candidate.length > 3);
  return line ? line.slice(0, 200) : undefined;
}

/** The provincial collections are named by field: quy_trinh_chung_thuc → Chứng thực. */
function guessField(sourcePath: string | undefined): string | undefined {
  if (!sourcePath) return undefined;
  if (/chung_thuc/.test(sourcePath)) return 'Chứng thực';
  if (/ho_tich/.test(sourcePath)) return 'Hộ tịch';
  if (/nuoi_con_nuoi/.test(sourcePath)) return 'Nuôi con nuôi';
  return undefined;
}
