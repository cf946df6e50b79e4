import { createDocument } from 'zod-openapi';
import { authPaths } from '../routes/auth.routes.js';
import { documentPaths } from '../routes/documents.routes.js';
import { dossierPaths } from '../routes/dossiers.routes.js';
import { healthPaths } from '../routes/health.routes.js';
import { searchPaths } from '../routes/search.routes.js';
import { chatPaths } from '../routes/chat.routes.js';

/**
 * The OpenAPI 3.1 document, built from the same zod schemas that validate requests. The copy
 * committed at `openapi.json` is checked for drift by a test (`npm run openapi` rewrites it).
 */
export function buildOpenApiDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Trợ lý số — API',
      version: '0.1.0',
      description:
        'API của nền tảng Trợ lý số tỉnh Gia Lai: tài liệu, tra cứu, trợ lý ảo, kiểm tra hồ sơ. ' +
        'Lỗi trả về dạng application/problem+json (RFC 9457) với mô tả tiếng Việt. ' +
        'Xác thực bằng Bearer JWT: mã do /oauth/token cấp cho ứng dụng đã đăng ký, hoặc do cổng LGSP/SSO của tỉnh cấp.',
    },
    servers: [{ url: '/', description: 'Máy chủ hiện tại' }],
    tags: [
      { name: 'Vận hành', description: 'Kiểm tra sức khỏe dịch vụ' },
      { name: 'Xác thực', description: 'Cấp và kiểm tra mã truy cập' },
      { name: 'Tra cứu', description: 'Tìm điều luật và thủ tục hành chính kèm trích dẫn' },
      { name: 'Trợ lý ảo', description: 'Hỏi đáp có trích dẫn, đánh giá câu trả lời, gặp cán bộ' },
      { name: 'Tài liệu', description: 'Tải lên, theo dõi xử lý, tải về và xóa tài liệu' },
      { name: 'Hồ sơ', description: 'Nộp hồ sơ thủ tục hành chính, kiểm tra sơ bộ, quyết định của cán bộ tiếp nhận' },
      { name: 'Quản trị', description: 'Quản lý ứng dụng được phép gọi API' },
    ],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        clientCredentials: {
          type: 'oauth2',
          flows: {
            clientCredentials: {
              tokenUrl: '/oauth/token',
              scopes: {
                'documents:read': 'Xem tài liệu',
                'documents:write': 'Tải lên và xóa tài liệu',
                'dossiers:read': 'Xem hồ sơ',
                'dossiers:write': 'Tiếp nhận và xử lý hồ sơ',
                'analytics:read': 'Xem số liệu thống kê',
                'personal-data:read': 'Xem dữ liệu cá nhân',
                admin: 'Quản trị',
              },
            },
          },
        },
      },
    },
    paths: { ...healthPaths, ...authPaths, ...searchPaths, ...chatPaths, ...documentPaths, ...dossierPaths },
  });
}
