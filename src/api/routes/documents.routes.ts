import { Router, type Request } from 'express';
import multer from 'multer';
import { requireAuth } from '../../auth/index.js';
import type { AuditService } from '../../audit/index.js';
import type { DocumentRow } from '../../db/index.js';
import type { DocumentService } from '../../documents/document.service.js';
import { badRequest } from '../../errors/index.js';
import { bearerSecurity, problemResponses } from '../http/common.schemas.js';
import type { OpenApiPaths } from '../http/route-module.js';
import { parseRequest } from '../http/validate.js';
import {
  documentIdParamsSchema,
  documentListQuerySchema,
  documentListSchema,
  documentSchema,
  documentTextSchema,
  uploadFormSchema,
  uploadResponseSchema,
  type DocumentResource,
} from './documents.schemas.js';

export interface DocumentRoutesDeps {
  documents: DocumentService;
  audit: AuditService;
  maxUploadBytes: number;
}

export function toDocumentResource(row: DocumentRow): DocumentResource {
  const self = `/v1/documents/${row.id}`;
  return {
    id: row.id,
    filename: row.filename,
    mediaType: row.mediaType,
    format: row.format as DocumentResource['format'],
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    sourcePath: row.sourcePath,
    status: row.status,
    progress: row.progress,
    progressMessage: row.progressMessage,
    errorDetail: row.errorDetail,
    pageCount: row.pageCount,
    characterCount: row.characterCount,
    agency: row.agency,
    structure: row.structure as DocumentResource['structure'],
    kind: row.kind,
    title: row.title,
    number: row.number,
    version: row.version,
    warnings: row.warnings ?? [],
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    links: { self, content: `${self}/content`, text: `${self}/text` },
  };
}

export function documentRoutes(deps: DocumentRoutesDeps): Router {
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: deps.maxUploadBytes, files: 1, fields: 10, parts: 12 },
    defParamCharset: 'utf8',
  });
  const read = requireAuth({ scopes: ['documents:read'] });
  const write = requireAuth({ scopes: ['documents:write'] });

  router.post('/v1/documents', write, (request, response, next) => {
    if (!request.is('multipart/form-data')) {
      next(badRequest('Hãy gửi tệp dưới dạng multipart/form-data trong trường "file".', undefined, 'multipart-required'));
      return;
    }
    upload.single('file')(request, response, async (error?: unknown) => {
      try {
        if (error) throw error;
        if (!request.file) throw badRequest('Thiếu tệp: hãy gửi tệp trong trường "file".', [{ field: 'form.file', message: 'bắt buộc' }], 'file-required');
        const { document, duplicate } = await deps.documents.upload(request.principal!, {
          bytes: request.file.buffer,
          filename: request.file.originalname,
        });
        response
          .status(duplicate ? 200 : 201)
          .location(`/v1/documents/${document.id}`)
          .json({ document: toDocumentResource(document), duplicate });
      } catch (caught) {
        next(caught);
      }
    });
  });

  router.get('/v1/documents', read, async (request, response) => {
    const query = parseRequest(documentListQuerySchema, request.query, 'query');
    const { items, total } = await deps.documents.list(request.principal!, query);
    response.json({ items: items.map(toDocumentResource), total, limit: query.limit, offset: query.offset });
  });

  router.get('/v1/documents/:id', read, async (request, response) => {
    const { id } = parseRequest(documentIdParamsSchema, request.params, 'params');
    const document = await deps.documents.get(request.principal!, id);
    await audit(deps.audit, request, 'document.read', document.id);
    response.json(toDocumentResource(document));
  });

  router.get('/v1/documents/:id/content', read, async (request, response) => {
    const { id } = parseRequest(documentIdParamsSchema, request.params, 'params');
    const { document, stream } = await deps.documents.open(request.principal!, id);
    await audit(deps.audit, request, 'document.download', document.id);
    response.setHeader('Content-Type', document.mediaType);
    response.setHeader('Content-Length', String(document.sizeBytes));
    response.attachment(document.filename);
    stream.pipe(response);
  });

  router.get('/v1/documents/:id/text', read, async (request, response) => {
    const { id } = parseRequest(documentIdParamsSchema, request.params, 'params');
    const { document, pages } = await deps.documents.pages(request.principal!, id);
    await audit(deps.audit, request, 'document.text', document.id);
    response.json({ documentId: document.id, pages });
  });

  router.delete('/v1/documents/:id', write, async (request, response) => {
    const { id } = parseRequest(documentIdParamsSchema, request.params, 'params');
    await deps.documents.delete(request.principal!, id);
    response.status(204).end();
  });

  return router;
}

function audit(service: AuditService, request: Request, action: string, documentId: string) {
  return service.recordAccess(request, {
    action,
    resourceType: 'document',
    resourceId: documentId,
    defaultPurpose: 'Xem tài liệu có thể chứa dữ liệu cá nhân',
  });
}

const idParameter = { path: documentIdParamsSchema };

export const documentPaths: OpenApiPaths = {
  '/v1/documents': {
    post: {
      tags: ['Tài liệu'],
      summary: 'Tải lên một tài liệu',
      description:
        'Lưu tệp theo nội dung (tệp trùng được nhận ra), xếp một công việc xử lý vào hàng đợi. Sai định dạng → 415, quá dung lượng → 413, tệp rỗng → 400.',
      security: bearerSecurity,
      requestBody: { required: true, content: { 'multipart/form-data': { schema: uploadFormSchema } } },
      responses: {
        '201': { description: 'Đã nhận tệp, đang chờ xử lý', content: { 'application/json': { schema: uploadResponseSchema } } },
        '200': { description: 'Tệp giống hệt đã có; trả về tài liệu cũ', content: { 'application/json': { schema: uploadResponseSchema } } },
        ...problemResponses(400, 401, 403, 413, 415, 429, 503),
      },
    },
    get: {
      tags: ['Tài liệu'],
      summary: 'Danh sách tài liệu kèm trạng thái xử lý',
      security: bearerSecurity,
      requestParams: { query: documentListQuerySchema },
      responses: {
        '200': { description: 'Danh sách', content: { 'application/json': { schema: documentListSchema } } },
        ...problemResponses(400, 401, 403, 429),
      },
    },
  },
  '/v1/documents/{id}': {
    get: {
      tags: ['Tài liệu'],
      summary: 'Xem một tài liệu và tiến độ xử lý (có ghi nhật ký truy cập)',
      security: bearerSecurity,
      requestParams: idParameter,
      responses: {
        '200': { description: 'Tài liệu', content: { 'application/json': { schema: documentSchema } } },
        ...problemResponses(401, 403, 404, 429),
      },
    },
    delete: {
      tags: ['Tài liệu'],
      summary: 'Xóa tài liệu và mọi dữ liệu suy ra từ nó',
      security: bearerSecurity,
      requestParams: idParameter,
      responses: { '204': { description: 'Đã xóa' }, ...problemResponses(401, 403, 404, 429) },
    },
  },
  '/v1/documents/{id}/content': {
    get: {
      tags: ['Tài liệu'],
      summary: 'Tải về tệp gốc (có ghi nhật ký truy cập)',
      security: bearerSecurity,
      requestParams: idParameter,
      responses: {
        '200': { description: 'Nội dung tệp gốc', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        ...problemResponses(401, 403, 404, 429),
      },
    },
  },
  '/v1/documents/{id}/text': {
    get: {
      tags: ['Tài liệu'],
      summary: 'Văn bản đã trích xuất theo trang (có ghi nhật ký truy cập)',
      security: bearerSecurity,
      requestParams: idParameter,
      responses: {
        '200': { description: 'Văn bản', content: { 'application/json': { schema: documentTextSchema } } },
        ...problemResponses(401, 403, 404, 429),
      },
    },
  },
};
