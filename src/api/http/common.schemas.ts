import { z } from 'zod';
import 'zod-openapi';

export const problemSchema = z
  .object({
    type: z.string().describe('URI định danh loại lỗi'),
    title: z.string().describe('Tiêu đề ngắn của lỗi'),
    status: z.number().int().describe('Mã trạng thái HTTP'),
    detail: z.string().describe('Giải thích bằng tiếng Việt cho người dùng'),
    instance: z.string().optional().describe('Đường dẫn của yêu cầu gây lỗi'),
    code: z.string().describe('Mã lỗi ổn định cho máy đọc, ví dụ `unsupported-media-type`'),
    requestId: z.string().optional().describe('Mã yêu cầu, dùng khi liên hệ hỗ trợ'),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('Các trường không hợp lệ'),
  })
  .meta({ id: 'Problem', description: 'Lỗi theo RFC 9457 (application/problem+json)' });

export type Problem = z.infer<typeof problemSchema>;

const problemContent = { 'application/problem+json': { schema: problemSchema } } as const;

/** Standard error responses, spread into an operation's `responses`. */
export function problemResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: 'Yêu cầu không hợp lệ',
    401: 'Chưa xác thực',
    403: 'Không có quyền',
    404: 'Không tìm thấy',
    409: 'Xung đột',
    413: 'Dữ liệu quá lớn',
    415: 'Định dạng không được hỗ trợ',
    429: 'Vượt giới hạn tần suất (xem tiêu đề Retry-After)',
    503: 'Dịch vụ chưa sẵn sàng',
  };
  return Object.fromEntries(
    statuses.map((status) => [String(status), { description: descriptions[status] ?? 'Lỗi', content: problemContent }]),
  );
}

export const bearerSecurity = [{ bearerAuth: [] }];
