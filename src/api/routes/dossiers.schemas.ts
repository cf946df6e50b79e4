import { z } from 'zod';
import 'zod-openapi';
import { DOCUMENT_KINDS, precheckResultSchema, recommendationSchema } from '../../agents/precheck/precheck.types.js';
import { DOSSIER_STATUSES } from '../../db/repositories/index.js';

export const dossierStatusSchema = z.enum(DOSSIER_STATUSES).meta({
  id: 'DossierStatus',
  description:
    'queued: chờ kiểm tra · processing: đang kiểm tra · checked: đã kiểm tra, chờ cán bộ quyết định · failed: kiểm tra sơ bộ lỗi (xem errorDetail; cán bộ vẫn quyết định được) · accepted: đã tiếp nhận · additions_requested: đã yêu cầu bổ sung · rejected: đã từ chối',
});

export const decisionKindSchema = z.enum(['accept', 'request_additions', 'reject']).describe('tiếp nhận / yêu cầu bổ sung / từ chối');

const applicantResourceSchema = z
  .object({
    fullName: z.string().describe('Họ và tên người nộp'),
    idNumber: z.string().optional().describe('Số định danh cá nhân / CCCD / CMND'),
    dateOfBirth: z.string().optional().describe('Ngày sinh (yyyy-mm-dd)'),
  })
  .meta({ id: 'DossierApplicant', description: 'Người nộp hồ sơ' });

const procedureRefSchema = z.object({ code: z.string().describe('Mã thủ tục'), name: z.string().describe('Tên thủ tục') });

export const dossierFileSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    mediaType: z.string().describe('Kiểu MIME xác định từ nội dung tệp'),
    format: z.string().describe('pdf | doc | docx | image'),
    sizeBytes: z.number().int(),
    pageCount: z.number().int().nullable().describe('Số trang (khi đã kiểm tra)'),
    links: z.object({ original: z.string().describe('Địa chỉ tải tệp gốc'), pageImage: z.string().describe('Mẫu địa chỉ ảnh trang: thay {n} bằng số trang') }),
  })
  .meta({ id: 'DossierFile', description: 'Một tệp trong hồ sơ' });

export const correctionSchema = z
  .object({
    fileId: z.uuid().describe('Tệp có thông tin cần sửa'),
    page: z.number().int().min(1).optional().describe('Trang (nếu biết)'),
    field: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Tên trường chỉ gồm chữ Latinh, số và dấu gạch dưới')
      .describe(`Tên trường (fullName, dateOfBirth, idNumber…) hoặc \`kind\` để sửa loại giấy tờ (${DOCUMENT_KINDS.join(', ')})`),
    value: z.string().trim().min(1).max(1000).describe('Giá trị đúng'),
  })
  .meta({ id: 'DossierCorrection', description: 'Cán bộ sửa một thông tin hệ thống đọc sai' });

export const decisionRequestSchema = z
  .object({
    decision: decisionKindSchema,
    reason: z.string().trim().max(4000).optional().describe('Lý do từ chối (bắt buộc khi từ chối): điều kiện không đáp ứng và căn cứ'),
    additionsRequest: z.string().trim().max(8000).optional().describe('Danh sách giấy tờ cần bổ sung gửi công dân (bắt buộc khi yêu cầu bổ sung)'),
    note: z.string().trim().max(4000).optional().describe('Ghi chú nội bộ'),
    corrections: z.array(correctionSchema).max(200).default([]).describe('Các thông tin hệ thống đọc sai và giá trị đúng'),
  })
  .strict()
  .meta({ id: 'DossierDecisionRequest' });

export const decisionSchema = z
  .object({
    decision: decisionKindSchema,
    reason: z.string().nullable(),
    additionsRequest: z.string().nullable(),
    note: z.string().nullable(),
    recommendedDecision: decisionKindSchema.nullable().describe('Đề xuất của hệ thống lúc cán bộ quyết định'),
    decidedBy: z.string().describe('Mã người quyết định'),
    agency: z.string().nullable(),
    decidedAt: z.iso.datetime(),
    corrections: z.array(
      z.object({
        fileId: z.uuid(),
        page: z.number().int().nullable(),
        field: z.string(),
        extractedValue: z.string().nullable().describe('Giá trị hệ thống đã đọc'),
        correctedValue: z.string(),
      }),
    ),
  })
  .meta({ id: 'DossierDecision', description: 'Quyết định của cán bộ tiếp nhận' });

export const dossierSchema = z
  .object({
    id: z.uuid().describe('Mã hồ sơ'),
    procedure: procedureRefSchema,
    agency: z.string().describe('Cơ quan tiếp nhận'),
    applicant: applicantResourceSchema,
    submittedBy: z.string().describe('Mã người/ứng dụng nộp'),
    status: dossierStatusSchema,
    progress: z.number().min(0).max(1).describe('Tiến độ kiểm tra 0..1'),
    progressMessage: z.string().nullable(),
    errorDetail: z.string().nullable().describe('Lý do kiểm tra lỗi (tiếng Việt)'),
    referenceDate: z.string().describe('Ngày dùng để xét hạn giấy tờ (ngày nộp)'),
    files: z.array(dossierFileSchema),
    result: precheckResultSchema.nullable().describe('Kết quả kiểm tra sơ bộ khi đã có'),
    decision: decisionSchema.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    checkedAt: z.iso.datetime().nullable(),
    links: z.object({ self: z.string(), decision: z.string() }),
  })
  .meta({ id: 'Dossier', description: 'Hồ sơ, trạng thái kiểm tra, kết quả và quyết định' });

export const dossierSummarySchema = z
  .object({
    id: z.uuid(),
    procedure: procedureRefSchema,
    agency: z.string(),
    applicant: applicantResourceSchema,
    status: dossierStatusSchema,
    progress: z.number(),
    progressMessage: z.string().nullable(),
    errorDetail: z.string().nullable(),
    fileCount: z.number().int(),
    recommendation: recommendationSchema.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    links: z.object({ self: z.string() }),
  })
  .meta({ id: 'DossierSummary', description: 'Một dòng trong danh sách hồ sơ' });

export const dossierListSchema = z
  .object({ items: z.array(dossierSummarySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .meta({ id: 'DossierList' });

export const dossierListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Số hồ sơ mỗi trang'),
  offset: z.coerce.number().int().min(0).default(0),
  status: dossierStatusSchema.optional(),
});

export const dossierIdParamsSchema = z.object({ id: z.string().describe('Mã hồ sơ') });

export const fileParamsSchema = z.object({
  id: z.string().describe('Mã hồ sơ'),
  fileId: z.string().describe('Mã tệp'),
});

export const pageImageParamsSchema = z.object({
  id: z.string().describe('Mã hồ sơ'),
  fileId: z.string().describe('Mã tệp'),
  page: z.coerce.number({ error: 'Số trang phải là số nguyên dương' }).int().min(1).max(10_000).describe('Số trang, từ 1'),
});

export const pageImageQuerySchema = z.object({
  width: z.coerce.number().int().min(200).max(2400).default(1200).describe('Chiều rộng tối đa của ảnh (điểm ảnh)'),
});

const isoDate = z
  .string()
  .trim()
  .transform((value, context) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    if (!match) {
      context.addIssue({ code: 'custom', message: 'Ngày phải có dạng dd/mm/yyyy hoặc yyyy-mm-dd' });
      return z.NEVER;
    }
    const [year, month, day] = value.includes('/') ? [match[3]!, match[2]!, match[1]!] : [match[1]!, match[2]!, match[3]!];
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    const date = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
      context.addIssue({ code: 'custom', message: 'Ngày không tồn tại' });
      return z.NEVER;
    }
    return iso;
  });

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** Text fields of the multipart submission (the files come in `files`). */
export const submitFieldsSchema = z
  .object({
    procedureCode: z.string({ error: 'Thiếu mã thủ tục' }).trim().min(1, 'Thiếu mã thủ tục').max(100).describe('Mã thủ tục, ví dụ `1.001193`'),
    applicantFullName: z.string({ error: 'Thiếu họ tên người nộp' }).trim().min(1, 'Thiếu họ tên người nộp').max(200).describe('Họ và tên người nộp'),
    applicantIdNumber: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .regex(/^(\d{9}|\d{12})$/, 'Số CCCD có 12 chữ số, CMND có 9 chữ số')
        .optional(),
    ).describe('Số định danh/CCCD (12 số) hoặc CMND (9 số)'),
    applicantDateOfBirth: z.preprocess(emptyToUndefined, isoDate.optional()).describe('Ngày sinh (dd/mm/yyyy hoặc yyyy-mm-dd)'),
    agency: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()).describe(
      'Cơ quan tiếp nhận. Cán bộ nộp: bỏ trống (hồ sơ thuộc cơ quan của cán bộ). Công dân/ứng dụng LGSP: bắt buộc.',
    ),
  })
  .strict();

export const submitFormSchema = z
  .object({
    procedureCode: z.string(),
    applicantFullName: z.string(),
    applicantIdNumber: z.string().optional(),
    applicantDateOfBirth: z.string().optional(),
    agency: z.string().optional(),
    files: z.array(z.string().meta({ format: 'binary' })).describe('Một hoặc nhiều tệp: PDF, DOC, DOCX, PNG, JPEG, TIFF'),
  })
  .meta({ id: 'DossierSubmitForm', description: 'Nộp hồ sơ (multipart/form-data)' });

export type DossierResource = z.infer<typeof dossierSchema>;
export type DossierSummaryResource = z.infer<typeof dossierSummarySchema>;
