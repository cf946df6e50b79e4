import { Router } from 'express';
import { z } from 'zod';
import 'zod-openapi';
import type { LiveSearchIndex } from '../../retrieval/live-index.js';
import { problemResponses } from '../http/common.schemas.js';
import type { OpenApiPaths } from '../http/route-module.js';
import { parseRequest } from '../http/validate.js';

const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const searchRequestSchema = z
  .object({
    query: z.string().trim().min(1, 'Câu hỏi không được để trống').max(2000, 'Câu hỏi tối đa 2.000 ký tự').describe('Câu hỏi hoặc từ khóa, có dấu hoặc không dấu'),
    k: z.number().int().min(1).max(50).default(10).describe('Số kết quả (mặc định 10, tối đa 50)'),
    filters: z
      .object({
        kind: oneOrMany.optional().describe('Loại văn bản: Luật, Nghị định, Thông tư, Thủ tục hành chính…'),
        agency: oneOrMany.optional().describe('Cơ quan thực hiện'),
        field: oneOrMany.optional().describe('Lĩnh vực'),
        level: oneOrMany.optional().describe('Cấp thực hiện: Cấp xã, Cấp tỉnh, Cấp bộ…'),
        includeNotInForce: z.boolean().optional().describe('Gồm cả văn bản đã hết hiệu lực (mặc định: không)'),
      })
      .strict()
      .optional(),
  })
  .strict()
  .meta({ id: 'SearchRequest' });

const searchResultSchema = z
  .object({
    score: z.number(),
    text: z.string().describe('Đoạn văn bản tìm được'),
    document: z.object({
      id: z.string(),
      title: z.string().describe('Tên văn bản, ví dụ "Luật Cư trú"'),
      number: z.string().nullable().describe('Số hiệu, ví dụ "68/2020/QH14"'),
      kind: z.string().describe('Loại văn bản'),
      source: z.string().describe('Đường dẫn khi nạp, tương đối với thư mục đưa cho lệnh ingest'),
    }),
    citation: z.object({
      article: z.string().nullable().describe('Điều'),
      clause: z.string().nullable().describe('Khoản'),
      point: z.string().nullable().describe('Điểm'),
      section: z.string().nullable().describe('Mục của thủ tục, ví dụ "Thành phần hồ sơ"'),
      label: z.string().describe('Trích dẫn đầy đủ, ví dụ "Khoản 2 Điều 20 Luật Cư trú (68/2020/QH14)"'),
    }),
    procedure: z.object({ code: z.string(), name: z.string() }).nullable().describe('Thủ tục hành chính chứa đoạn này'),
  })
  .meta({ id: 'SearchResult' });

const searchResponseSchema = z.object({ results: z.array(searchResultSchema) }).meta({ id: 'SearchResponse' });

export function searchRoutes(deps: { search: LiveSearchIndex }): Router {
  const router = Router();
  router.post('/v1/search', async (request, response) => {
    const body = parseRequest(searchRequestSchema, request.body ?? {}, 'body');
    const results = await deps.search.search(body.query, { k: body.k, ...(body.filters ? { filters: body.filters } : {}) });
    response.json({ results });
  });
  return router;
}

export const searchPaths: OpenApiPaths = {
  '/v1/search': {
    post: {
      tags: ['Tra cứu'],
      summary: 'Tìm điều luật và thủ tục hành chính (không cần đăng nhập)',
      description:
        'Tìm kết hợp từ vựng tiếng Việt (có dấu/không dấu, từ viết tắt như CCCD, UBND) trên văn bản pháp luật và thủ tục hành chính; ' +
        'mỗi kết quả kèm trích dẫn tới điều, khoản, điểm hoặc mục của thủ tục. Văn bản hết hiệu lực bị loại trừ mặc định.',
      requestBody: { required: true, content: { 'application/json': { schema: searchRequestSchema } } },
      responses: {
        '200': { description: 'Kết quả xếp theo mức liên quan', content: { 'application/json': { schema: searchResponseSchema } } },
        ...problemResponses(400, 429),
      },
    },
  },
};
