import { z } from 'zod';
import 'zod-openapi';
import { documentFormats } from '../../documents/file-format.js';

export const documentStatusSchema = z
  .enum(['queued', 'processing', 'done', 'failed'])
  .meta({ id: 'DocumentStatus', description: 'queued: chờ xử lý · processing: đang xử lý · done: xong · failed: lỗi (xem errorDetail)' });

export const documentSchema = z
  .object({
    id: z.uuid().describe('Mã tài liệu'),
    filename: z.string().describe('Tên tệp gốc'),
    mediaType: z.string().describe('Kiểu MIME xác định từ nội dung tệp'),
    format: z.enum(documentFormats).describe('Định dạng'),
    sizeBytes: z.number().int().describe('Dung lượng (byte)'),
    sha256: z.string().describe('Mã băm SHA-256 của nội dung (lưu trữ theo nội dung)'),
    sourcePath: z.string().nullable().describe('Đường dẫn gốc khi nạp bằng lệnh ingest'),
    status: documentStatusSchema,
    progress: z.number().min(0).max(1).describe('Tiến độ xử lý 0..1'),
    progressMessage: z.string().nullable().describe('Bước đang xử lý'),
    errorDetail: z.string().nullable().describe('Lý do lỗi (tiếng Việt) khi status = failed'),
    pageCount: z.number().int().nullable().describe('Số trang đã trích xuất'),
    characterCount: z.number().int().nullable().describe('Số ký tự văn bản đã trích xuất'),
    agency: z.string().nullable().describe('Cơ quan của người tải lên'),
    structure: z.enum(['legal', 'procedure', 'generic']).nullable().describe('Cấu trúc nhận diện được: văn bản pháp luật, thủ tục hành chính, khác'),
    kind: z.string().nullable().describe('Loại văn bản: Luật, Nghị định, Thông tư, Thủ tục hành chính…'),
    title: z.string().nullable().describe('Tên văn bản / thủ tục'),
    number: z.string().nullable().describe('Số hiệu văn bản (ví dụ 68/2020/QH14) hoặc mã thủ tục'),
    version: z.number().int().describe('Phiên bản tệp (tăng khi nạp lại tệp đã thay đổi)'),
    warnings: z.array(z.string()).describe('Cảnh báo khi xử lý (ví dụ trang cần OCR có độ tin cậy thấp)'),
    createdAt: z.iso.datetime().describe('Thời điểm tải lên'),
    updatedAt: z.iso.datetime().describe('Cập nhật lần cuối'),
    links: z.object({ self: z.string(), content: z.string(), text: z.string() }).describe('Liên kết liên quan'),
  })
  .meta({ id: 'Document', description: 'Tài liệu đã tải lên và trạng thái xử lý' });

export const uploadResponseSchema = z
  .object({
    document: documentSchema,
    duplicate: z.boolean().describe('true nếu tệp giống hệt đã được bạn tải lên trước đó'),
  })
  .meta({ id: 'DocumentUploadResult' });

export const documentListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Số tài liệu mỗi trang'),
  offset: z.coerce.number().int().min(0).default(0).describe('Bỏ qua bao nhiêu tài liệu'),
  status: documentStatusSchema.optional(),
});

export const documentListSchema = z
  .object({
    items: z.array(documentSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'DocumentList' });

export const documentIdParamsSchema = z.object({
  id: z.string().describe('Mã tài liệu'),
});

export const documentTextSchema = z
  .object({
    documentId: z.uuid(),
    pages: z.array(
      z.object({
        pageNumber: z.number().int(),
        text: z.string(),
        method: z.string().describe('text-layer | ocr | plain'),
        confidence: z.number().nullable().describe('Độ tin cậy OCR 0..1'),
      }),
    ),
  })
  .meta({ id: 'DocumentText', description: 'Văn bản trích xuất theo trang' });

export const uploadFormSchema = z
  .object({ file: z.string().meta({ format: 'binary' }).describe('Tệp: PDF, DOC, DOCX, TXT, HTML, JSON, PNG, JPEG, TIFF') })
  .meta({ id: 'DocumentUploadForm' });

export type DocumentResource = z.infer<typeof documentSchema>;
