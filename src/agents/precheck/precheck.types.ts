import { z } from 'zod';
import type { ProcedureRecord } from '../../ingest/structure/procedure.types.js';
import { DOCUMENT_KINDS } from './document-kinds.js';

/**
 * Contract between the dossier pre-check engine (classification, field extraction, checks,
 * recommendation — this folder) and the service around it (storage, jobs, API, officer page —
 * src/dossiers). Zod is the single source: the API returns these shapes as they are.
 */

export { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, type DocumentKind } from './document-kinds.js';
export const documentKindSchema = z.enum(DOCUMENT_KINDS).meta({ id: 'DocumentKind', description: 'Loại giấy tờ' });

/** Where on which page something was read; box coordinates are fractions (0–1) of the page. */
export const evidenceSchema = z
  .object({
    fileId: z.string(),
    page: z.number().int().min(1).describe('Trang, đánh số từ 1'),
    field: z.string().optional().describe('Tên trường, nếu bằng chứng là một trường'),
    value: z.string().optional().describe('Giá trị đọc được'),
    box: z
      .object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })
      .optional()
      .describe('Vùng trên trang (tỷ lệ 0–1 theo chiều rộng/cao trang)'),
  })
  .meta({ id: 'PrecheckEvidence', description: 'Bằng chứng: tệp, trang, trường' });
export type Evidence = z.infer<typeof evidenceSchema>;

/**
 * Common field names: fullName, dateOfBirth (ISO yyyy-mm-dd), sex, idNumber, residence,
 * issueDate, expiryDate, fatherName, motherName, spouseName, formCode; form-specific fields may
 * use other camelCase names.
 */
export const extractedFieldSchema = z
  .object({
    name: z.string().describe('Tên trường (camelCase)'),
    value: z.string().describe('Giá trị đã chuẩn hoá (ngày dạng ISO)'),
    raw: z.string().optional().describe('Nguyên văn trên giấy tờ'),
    confidence: z.number().min(0).max(1),
    source: z.enum(['form_field', 'text_layer', 'ocr']).describe('Đọc từ trường biểu mẫu, lớp chữ PDF/DOCX hay OCR'),
    evidence: evidenceSchema,
  })
  .meta({ id: 'ExtractedField', description: 'Một trường trích xuất kèm độ tin cậy' });
export type ExtractedField = z.infer<typeof extractedFieldSchema>;

/** One logical document inside a file (a multi-document scan is split by page ranges). */
export const documentSegmentSchema = z
  .object({
    pages: z.object({ from: z.number().int().min(1), to: z.number().int().min(1) }),
    kind: documentKindSchema,
    confidence: z.number().min(0).max(1),
    method: z.enum(['rule', 'model']).describe('Quy tắc (mã mẫu in trên trang…) hay mô hình phân loại'),
    formCode: z.string().optional().describe('Mã mẫu đọc được, ví dụ `CT01`'),
    ocrConfidence: z.number().min(0).max(1).optional().describe('Độ tin cậy OCR trung bình (chỉ với ảnh quét)'),
    fields: z.array(extractedFieldSchema),
  })
  .meta({ id: 'DocumentSegment', description: 'Một giấy tờ trong tệp' });
export type DocumentSegment = z.infer<typeof documentSegmentSchema>;

export const fileAnalysisSchema = z
  .object({
    fileId: z.string(),
    fileName: z.string(),
    pageCount: z.number().int().min(0),
    segments: z.array(documentSegmentSchema),
    error: z.string().optional().describe('Lý do không đọc được tệp (tiếng Việt)'),
  })
  .meta({ id: 'FileAnalysis', description: 'Kết quả phân tích một tệp trong hồ sơ' });
export type FileAnalysis = z.infer<typeof fileAnalysisSchema>;

export const checkSchema = z
  .object({
    id: z.string().describe('Mã kiểm tra ổn định, ví dụ `completeness:2`'),
    category: z.enum(['completeness', 'consistency', 'validity', 'legibility']),
    status: z.enum(['pass', 'fail', 'warning']),
    message: z.string().describe('Giải thích bằng tiếng Việt'),
    requirement: z.string().optional().describe('Thành phần hồ sơ / điều kiện liên quan'),
    legalBasis: z.string().optional().describe('Căn cứ pháp lý của điều kiện'),
    evidence: z.array(evidenceSchema),
  })
  .meta({ id: 'PrecheckCheck', description: 'Một mục kiểm tra' });
export type PrecheckCheck = z.infer<typeof checkSchema>;

export const recommendationSchema = z
  .object({
    decision: z.enum(['accept', 'request_additions', 'reject']).describe('tiếp nhận / yêu cầu bổ sung / từ chối'),
    summary: z.string().describe('Tóm tắt tiếng Việt'),
    reasons: z.array(z.string()),
    additionsRequest: z.string().optional().describe('Danh sách yêu cầu bổ sung gửi công dân (tiếng Việt)'),
    legalBasis: z.array(z.string()).describe('Căn cứ của điều kiện không đáp ứng (khi từ chối)'),
  })
  .meta({ id: 'PrecheckRecommendation', description: 'Đề xuất cho cán bộ tiếp nhận' });
export type Recommendation = z.infer<typeof recommendationSchema>;

export const precheckResultSchema = z
  .object({
    files: z.array(fileAnalysisSchema),
    checks: z.array(checkSchema),
    recommendation: recommendationSchema,
    durationMs: z.number(),
  })
  .meta({ id: 'PrecheckResult', description: 'Kết quả kiểm tra sơ bộ hồ sơ' });
export type PrecheckResult = z.infer<typeof precheckResultSchema>;

export const applicantSchema = z
  .object({
    fullName: z.string().min(1).max(200),
    idNumber: z.string().max(20).optional(),
    dateOfBirth: z.string().optional().describe('yyyy-mm-dd'),
  })
  .meta({ id: 'Applicant', description: 'Người nộp hồ sơ' });
export type Applicant = z.infer<typeof applicantSchema>;

export interface DossierFileInput {
  fileId: string;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

export interface PrecheckInput {
  procedure: ProcedureRecord;
  applicant: Applicant;
  files: DossierFileInput[];
  /** "Today" for validity checks (expiry, age); injectable for tests and evaluation. */
  referenceDate: Date;
}

export interface PrecheckProgress {
  stage: 'reading' | 'classifying' | 'extracting' | 'checking';
  done: number;
  total: number;
}

/** The engine the dossier service calls from its job. */
export interface DossierPrechecker {
  precheck(input: PrecheckInput, options?: { onProgress?: (progress: PrecheckProgress) => void | Promise<void> }): Promise<PrecheckResult>;
}
