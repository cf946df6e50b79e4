import { z } from 'zod';

/**
 * A structured administrative procedure (thủ tục hành chính, TTHC) — the same shape for
 * records crawled from the National Public Service Portal and for the provincial internal
 * procedure documents (quy trình nội bộ). Zod is the single source: API schemas and types
 * derive from these.
 */

/**
 * Known sections of a procedure, keyed by their Vietnamese names:
 * thành phần hồ sơ (dossier), trình tự thực hiện (steps), cách thức thực hiện (channels),
 * phí/lệ phí (fees), thời hạn giải quyết (processing time), yêu cầu điều kiện (conditions),
 * căn cứ pháp lý (legal basis), kết quả (result), cơ quan thực hiện (agency),
 * đối tượng thực hiện (who may apply), mẫu đơn tờ khai (forms), cơ quan phối hợp (co-ordinating bodies).
 */
export const PROCEDURE_SECTION_KEYS = [
  'thanhPhanHoSo',
  'trinhTuThucHien',
  'cachThucThucHien',
  'thoiHanGiaiQuyet',
  'phiLePhi',
  'yeuCauDieuKien',
  'canCuPhapLy',
  'ketQua',
  'coQuanThucHien',
  'coQuanPhoiHop',
  'doiTuongThucHien',
  'mauDonToKhai',
] as const;

export const procedureSectionKeySchema = z.enum(PROCEDURE_SECTION_KEYS);
export type ProcedureSectionKey = z.infer<typeof procedureSectionKeySchema>;

/** Display titles of the sections, as citizens read them on the portal. */
export const PROCEDURE_SECTION_TITLES: Record<ProcedureSectionKey, string> = {
  thanhPhanHoSo: 'Thành phần hồ sơ',
  trinhTuThucHien: 'Trình tự thực hiện',
  cachThucThucHien: 'Cách thức thực hiện',
  thoiHanGiaiQuyet: 'Thời hạn giải quyết',
  phiLePhi: 'Phí, lệ phí',
  yeuCauDieuKien: 'Yêu cầu, điều kiện',
  canCuPhapLy: 'Căn cứ pháp lý',
  ketQua: 'Kết quả thực hiện',
  coQuanThucHien: 'Cơ quan thực hiện',
  coQuanPhoiHop: 'Cơ quan phối hợp',
  doiTuongThucHien: 'Đối tượng thực hiện',
  mauDonToKhai: 'Mẫu đơn, tờ khai',
};

/** Document kind (`documents.kind`) of a procedure by its source: national records, the province's internal procedures. */
export const PROCEDURE_DOCUMENT_KINDS = { national: 'Thủ tục hành chính', provincial: 'Quy trình nội bộ' } as const;

export const durationSchema = z
  .object({
    text: z.string().describe('Nguyên văn, ví dụ `05 ngày làm việc`'),
    value: z.number().optional().describe('Số lượng; `1/2 ngày` là 0.5'),
    unit: z.string().optional().describe('Đơn vị như trong văn bản: `ngày làm việc`, `ngày`, `giờ`… (thiếu khi nguồn làm mất)'),
    sameDay: z.boolean().optional().describe('Giải quyết ngay trong ngày'),
  })
  .meta({ id: 'ProcedureDuration', description: 'Thời hạn giải quyết' });

export const feeSchema = z
  .object({
    text: z.string().describe('Nguyên văn phí, lệ phí'),
    free: z.boolean().describe('Văn bản nói không thu (Miễn phí / Miễn lệ phí / Không)'),
    amounts: z.array(z.number()).describe('Các mức tiền (đồng) đọc được trong văn bản'),
  })
  .meta({ id: 'ProcedureFee', description: 'Phí, lệ phí' });

export const SUBMISSION_CHANNELS = ['Trực tiếp', 'Trực tuyến', 'Dịch vụ bưu chính'] as const;

export const submissionChannelSchema = z
  .object({
    channel: z.string().describe('Kênh nộp: Trực tiếp, Trực tuyến, Dịch vụ bưu chính'),
    processingTime: durationSchema.optional(),
    fee: feeSchema.optional(),
    description: z.string().optional().describe('Mô tả kèm theo kênh'),
    uncertain: z.boolean().optional().describe('Ranh giới thời hạn/phí bị dính liền trong nguồn và được đoán'),
    raw: z.string().describe('Đoạn văn bản gốc của dòng này'),
  })
  .meta({ id: 'SubmissionChannel', description: 'Một kênh nộp hồ sơ với thời hạn và phí' });

export const COPY_TYPES = ['bản chính', 'bản sao', 'bản sao chứng thực', 'bản chụp', 'bản điện tử'] as const;

export const requiredDocumentSchema = z
  .object({
    name: z.string().describe('Tên giấy tờ (rút gọn, không kèm điều kiện)'),
    text: z.string().describe('Nguyên văn mục giấy tờ'),
    group: z.string().optional().describe('Nhóm hồ sơ, ví dụ `Giấy tờ phải xuất trình`'),
    condition: z.string().optional().describe('Trường hợp áp dụng, nếu giấy tờ chỉ cần trong trường hợp đó'),
    formCodes: z.array(z.string()).describe('Mã mẫu đơn, tờ khai, ví dụ `CT01`, `TK1-TS`'),
    attachments: z.array(z.string()).describe('Tên tệp mẫu đính kèm trên cổng'),
    copyTypes: z.array(z.enum(COPY_TYPES)).describe('Hình thức giấy tờ được nhắc tới'),
    quantity: z
      .object({ original: z.number().optional(), copy: z.number().optional() })
      .optional()
      .describe('Số lượng bản chính / bản sao'),
    oneOf: z.boolean().describe('Chỉ cần một trong các giấy tờ thay thế'),
    alternatives: z.array(z.string()).describe('Các giấy tờ thay thế nhau'),
  })
  .meta({ id: 'RequiredDocument', description: 'Một thành phần hồ sơ' });

export const procedureStepSchema = z
  .object({
    order: z.number().int().describe('Thứ tự bước, từ 1'),
    text: z.string().describe('Nội dung bước'),
    actor: z.string().optional().describe('Người/bộ phận thực hiện'),
    duration: durationSchema.optional(),
  })
  .meta({ id: 'ProcedureStep', description: 'Một bước thực hiện' });

export const legalBasisSchema = z
  .object({
    title: z.string().describe('Tên văn bản'),
    numbers: z.array(z.string()).describe('Số hiệu văn bản, ví dụ `123/2015/NĐ-CP`'),
    raw: z.string(),
  })
  .meta({ id: 'LegalBasis', description: 'Căn cứ pháp lý' });

export const procedureSectionSchema = z
  .object({
    key: procedureSectionKeySchema,
    title: z.string().describe('Tiêu đề mục'),
    text: z.string().describe('Nội dung dễ đọc của mục (dùng để chia đoạn)'),
    raw: z.string().describe('Nguyên văn mục trong nguồn'),
  })
  .meta({ id: 'ProcedureSection', description: 'Một mục của thủ tục' });

export const procedureRecordSchema = z
  .object({
    source: z.enum(['national', 'provincial']).describe('Cổng DVC quốc gia hoặc quy trình nội bộ của tỉnh'),
    sourceId: z.string().optional().describe('Định danh tệp nguồn do bên gọi cấp'),
    code: z.string().describe('Mã thủ tục (quốc gia) hoặc mã hiệu quy trình nội bộ, ví dụ `QT 01/CX-HCTP`'),
    name: z.string().describe('Tên thủ tục'),
    field: z.string().optional().describe('Lĩnh vực'),
    agency: z.string().optional().describe('Cơ quan thực hiện'),
    level: z.string().optional().describe('Cấp thực hiện'),
    applicants: z.string().optional().describe('Đối tượng thực hiện'),
    issuer: z.string().optional().describe('Cơ quan ban hành quy trình nội bộ'),
    decisionNumber: z.string().optional().describe('Số quyết định công bố thủ tục'),
    issuedDate: z.string().optional().describe('Ngày ban hành (ISO)'),
    steps: z.array(procedureStepSchema),
    channels: z.array(submissionChannelSchema),
    processingTime: durationSchema.optional().describe('Thời hạn giải quyết chung'),
    fee: feeSchema.optional().describe('Phí, lệ phí chung'),
    documents: z.array(requiredDocumentSchema).describe('Thành phần hồ sơ'),
    documentSetCount: z.string().optional().describe('Số lượng bộ hồ sơ, ví dụ `01 bộ`'),
    forms: z.array(z.string()).describe('Tên mẫu đơn, tờ khai'),
    conditions: z.string().optional().describe('Yêu cầu, điều kiện'),
    legalBasis: z.array(legalBasisSchema),
    result: z.string().optional().describe('Kết quả thực hiện'),
    sections: z.array(procedureSectionSchema).describe('Các mục kèm nguyên văn'),
  })
  .meta({ id: 'ProcedureRecord', description: 'Thủ tục hành chính đã phân tích cấu trúc' });

export type ProcedureDuration = z.infer<typeof durationSchema>;
export type ProcedureFee = z.infer<typeof feeSchema>;
export type SubmissionChannel = z.infer<typeof submissionChannelSchema>;
export type CopyType = (typeof COPY_TYPES)[number];
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;
export type ProcedureStep = z.infer<typeof procedureStepSchema>;
export type LegalBasis = z.infer<typeof legalBasisSchema>;
export type ProcedureSection = z.infer<typeof procedureSectionSchema>;
export type ProcedureRecord = z.infer<typeof procedureRecordSchema>;
