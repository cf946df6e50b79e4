import { Router, type Request } from 'express';
import multer from 'multer';
import { requireAuth } from '../../auth/index.js';
import type { AuditService } from '../../audit/index.js';
import type { DossierDecisionKind, DossierFileRow, DossierRow } from '../../db/index.js';
import { MAX_DOSSIER_FILES, type DossierDetail, type DossierService } from '../../dossiers/index.js';
import { AppError, badRequest } from '../../errors/index.js';
import { precheckResultSchema, recommendationSchema } from '../../agents/precheck/precheck.types.js';
import { bearerSecurity, problemResponses } from '../http/common.schemas.js';
import type { OpenApiPaths } from '../http/route-module.js';
import { parseRequest } from '../http/validate.js';
import {
  decisionRequestSchema,
  dossierIdParamsSchema,
  dossierListQuerySchema,
  dossierListSchema,
  dossierSchema,
  fileParamsSchema,
  pageImageParamsSchema,
  pageImageQuerySchema,
  submitFieldsSchema,
  submitFormSchema,
  type DossierResource,
  type DossierSummaryResource,
} from './dossiers.schemas.js';

export interface DossierRoutesDeps {
  dossiers: DossierService;
  audit: AuditService;
  maxUploadBytes: number;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

function applicantOf(row: DossierRow): DossierResource['applicant'] {
  const applicant = row.applicant as { fullName?: unknown; idNumber?: unknown; dateOfBirth?: unknown };
  return {
    fullName: String(applicant.fullName ?? ''),
    ...(typeof applicant.idNumber === 'string' ? { idNumber: applicant.idNumber } : {}),
    ...(typeof applicant.dateOfBirth === 'string' ? { dateOfBirth: applicant.dateOfBirth } : {}),
  };
}

export function toDossierResource({ dossier, files, decision }: Pick<DossierDetail, 'dossier' | 'files'> & { decision: DossierDetail['decision'] }): DossierResource {
  const self = `/v1/dossiers/${dossier.id}`;
  const parsed = dossier.result ? precheckResultSchema.safeParse(dossier.result) : undefined;
  const result = parsed?.success ? parsed.data : null;
  return {
    id: dossier.id,
    procedure: { code: dossier.procedureCode, name: dossier.procedureName },
    agency: dossier.agency,
    applicant: applicantOf(dossier),
    submittedBy: dossier.submittedBy,
    status: dossier.status,
    progress: dossier.progress,
    progressMessage: dossier.progressMessage,
    errorDetail: dossier.errorDetail,
    referenceDate: dossier.referenceDate,
    files: files.map((file: DossierFileRow) => ({
      id: file.id,
      filename: file.filename,
      mediaType: file.mediaType,
      format: file.format,
      sizeBytes: file.sizeBytes,
      pageCount: result?.files.find((analysis) => analysis.fileId === file.id)?.pageCount ?? null,
      links: { original: `${self}/files/${file.id}`, pageImage: `${self}/files/${file.id}/pages/{n}.png` },
    })),
    result,
    decision: decision
      ? {
          decision: decision.decision,
          reason: decision.reason,
          additionsRequest: decision.additionsRequest,
          note: decision.note,
          recommendedDecision: decision.recommendedDecision as DossierDecisionKind | null,
          decidedBy: decision.decidedBy,
          agency: decision.agency,
          decidedAt: new Date(decision.decidedAt).toISOString(),
          corrections: decision.corrections.map((correction) => ({ ...correction, page: correction.page === null ? null : Number(correction.page) })),
        }
      : null,
    createdAt: new Date(dossier.createdAt).toISOString(),
    updatedAt: new Date(dossier.updatedAt).toISOString(),
    checkedAt: iso(dossier.checkedAt),
    links: { self, decision: `${self}/decision` },
  };
}

/** attachment; with an ASCII fallback name and the original (UTF-8) name per RFC 6266 / 5987. */
export function contentDisposition(filename: string): string {
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function toSummary(dossier: DossierRow, fileCount: number): DossierSummaryResource {
  const recommendation = recommendationSchema.safeParse((dossier.result as { recommendation?: unknown } | null)?.recommendation);
  return {
    id: dossier.id,
    procedure: { code: dossier.procedureCode, name: dossier.procedureName },
    agency: dossier.agency,
    applicant: applicantOf(dossier),
    status: dossier.status,
    progress: dossier.progress,
    progressMessage: dossier.progressMessage,
    errorDetail: dossier.errorDetail,
    fileCount,
    recommendation: recommendation.success ? recommendation.data : null,
    createdAt: new Date(dossier.createdAt).toISOString(),
    updatedAt: new Date(dossier.updatedAt).toISOString(),
    links: { self: `/v1/dossiers/${dossier.id}` },
  };
}

/** Multer's own messages speak of one `file`; a dossier has several `files`. */
function uploadError(error: unknown, maxUploadBytes: number): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'LIMIT_FILE_SIZE') {
    return new AppError({ status: 413, code: 'file-too-large', detail: `Mỗi tệp trong hồ sơ tối đa ${Math.round((maxUploadBytes / 1024 / 1024) * 10) / 10} MB.`, cause: error });
  }
  if (code === 'LIMIT_FILE_COUNT') return badRequest(`Một hồ sơ có tối đa ${MAX_DOSSIER_FILES} tệp.`, undefined, 'too-many-files');
  if (code === 'LIMIT_UNEXPECTED_FILE') {
    return badRequest(`Tệp phải được gửi trong trường "files" (gặp trường "${(error as { field?: string }).field ?? '?'}").`, undefined, 'invalid-multipart');
  }
  return error;
}

export function dossierRoutes(deps: DossierRoutesDeps): Router {
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: deps.maxUploadBytes, files: MAX_DOSSIER_FILES, fields: 20, parts: MAX_DOSSIER_FILES + 20 },
    defParamCharset: 'utf8',
  });
  const read = requireAuth({ scopes: ['dossiers:read'] });
  const write = requireAuth({ scopes: ['dossiers:write'] });

  router.post('/v1/dossiers', write, (request, response, next) => {
    if (!request.is('multipart/form-data')) {
      next(badRequest('Hãy gửi hồ sơ dưới dạng multipart/form-data: các trường thông tin và các tệp trong trường "files".', undefined, 'multipart-required'));
      return;
    }
    upload.array('files', MAX_DOSSIER_FILES)(request, response, async (error?: unknown) => {
      try {
        if (error) throw uploadError(error, deps.maxUploadBytes);
        const fields = parseRequest(submitFieldsSchema, { ...request.body }, 'form');
        const uploaded = (request.files as Express.Multer.File[] | undefined) ?? [];
        const { dossier, files } = await deps.dossiers.submit(request.principal!, {
          procedureCode: fields.procedureCode,
          applicant: {
            fullName: fields.applicantFullName,
            ...(fields.applicantIdNumber ? { idNumber: fields.applicantIdNumber } : {}),
            ...(fields.applicantDateOfBirth ? { dateOfBirth: fields.applicantDateOfBirth } : {}),
          },
          ...(fields.agency ? { agency: fields.agency } : {}),
          files: uploaded.map((file) => ({ bytes: file.buffer, filename: file.originalname })),
        });
        response
          .status(202)
          .location(`/v1/dossiers/${dossier.id}`)
          .json(toDossierResource({ dossier, files, decision: null }));
      } catch (caught) {
        next(caught);
      }
    });
  });

  router.get('/v1/dossiers', read, async (request, response) => {
    const query = parseRequest(dossierListQuerySchema, request.query, 'query');
    const { items, total } = await deps.dossiers.list(request.principal!, query);
    await deps.audit.recordAccess(request, {
      action: 'dossier.list',
      resourceType: 'dossier',
      defaultPurpose: 'Xem danh sách hồ sơ (họ tên người nộp)',
      details: { count: items.length, ids: items.map((item) => item.dossier.id), ...(query.status ? { status: query.status } : {}) },
    });
    response.json({ items: items.map((item) => toSummary(item.dossier, item.fileCount)), total, limit: query.limit, offset: query.offset });
  });

  router.get('/v1/dossiers/:id', read, async (request, response) => {
    const { id } = parseRequest(dossierIdParamsSchema, request.params, 'params');
    const detail = await deps.dossiers.get(request.principal!, id);
    await audit(deps.audit, request, 'dossier.read', detail.dossier.id);
    response.json(toDossierResource(detail));
  });

  router.get('/v1/dossiers/:id/files/:fileId', read, async (request, response) => {
    const { id, fileId } = parseRequest(fileParamsSchema, request.params, 'params');
    const { dossier, file, bytes } = await deps.dossiers.originalFile(request.principal!, id, fileId);
    await audit(deps.audit, request, 'dossier.file', dossier.id, { fileId });
    response.setHeader('Content-Type', file.mediaType);
    response.setHeader('Content-Disposition', contentDisposition(file.filename));
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.send(bytes);
  });

  router.get('/v1/dossiers/:id/files/:fileId/pages/:page.png', read, async (request, response) => {
    const { id, fileId, page } = parseRequest(pageImageParamsSchema, request.params, 'params');
    const { width } = parseRequest(pageImageQuerySchema, request.query, 'query');
    const { dossier, png } = await deps.dossiers.pageImage(request.principal!, id, fileId, page, width);
    await audit(deps.audit, request, 'dossier.page_image', dossier.id, { fileId, page });
    response.setHeader('Content-Type', 'image/png');
    response.setHeader('Cache-Control', 'private, max-age=600');
    response.send(png);
  });

  router.post('/v1/dossiers/:id/decision', write, async (request, response) => {
    const { id } = parseRequest(dossierIdParamsSchema, request.params, 'params');
    const body = parseRequest(decisionRequestSchema, request.body ?? {}, 'body');
    const detail = await deps.dossiers.decide(request.principal!, id, body);
    await deps.audit.recordAccess(request, {
      action: 'dossier.decide',
      resourceType: 'dossier',
      resourceId: detail.dossier.id,
      defaultPurpose: 'Quyết định tiếp nhận hồ sơ',
      details: { decision: body.decision, corrections: body.corrections.length },
    });
    response.json(toDossierResource(detail));
  });

  return router;
}

function audit(service: AuditService, request: Request, action: string, dossierId: string, details?: Record<string, unknown>) {
  return service.recordAccess(request, {
    action,
    resourceType: 'dossier',
    resourceId: dossierId,
    defaultPurpose: 'Kiểm tra hồ sơ có dữ liệu cá nhân của người nộp',
    ...(details ? { details } : {}),
  });
}

const idParameter = { path: dossierIdParamsSchema };

export const dossierPaths: OpenApiPaths = {
  '/v1/dossiers': {
    post: {
      tags: ['Hồ sơ'],
      summary: 'Nộp hồ sơ để kiểm tra sơ bộ',
      description:
        'Lưu các tệp và thông tin người nộp, xếp công việc `dossier.precheck` vào hàng đợi; trả 202 kèm hồ sơ (status = queued). ' +
        'Cán bộ nộp cho cơ quan của mình; công dân/ứng dụng LGSP nêu cơ quan tiếp nhận trong trường `agency`. ' +
        'Mã thủ tục không có → 400, thiếu tệp → 400, sai định dạng → 415, tệp quá lớn → 413; khi lỗi không lưu gì.',
      security: bearerSecurity,
      requestBody: { required: true, content: { 'multipart/form-data': { schema: submitFormSchema } } },
      responses: {
        '202': { description: 'Đã nhận hồ sơ, đang chờ kiểm tra', content: { 'application/json': { schema: dossierSchema } } },
        ...problemResponses(400, 401, 403, 413, 415, 429, 503),
      },
    },
    get: {
      tags: ['Hồ sơ'],
      summary: 'Danh sách hồ sơ (cán bộ: của cơ quan mình; công dân: của mình) — có ghi nhật ký truy cập',
      security: bearerSecurity,
      requestParams: { query: dossierListQuerySchema },
      responses: {
        '200': { description: 'Danh sách', content: { 'application/json': { schema: dossierListSchema } } },
        ...problemResponses(400, 401, 403, 429),
      },
    },
  },
  '/v1/dossiers/{id}': {
    get: {
      tags: ['Hồ sơ'],
      summary: 'Trạng thái, kết quả kiểm tra từng tệp, các mục kiểm tra, đề xuất và quyết định (có ghi nhật ký truy cập)',
      security: bearerSecurity,
      requestParams: idParameter,
      responses: {
        '200': { description: 'Hồ sơ', content: { 'application/json': { schema: dossierSchema } } },
        ...problemResponses(401, 403, 404, 429),
      },
    },
  },
  '/v1/dossiers/{id}/files/{fileId}': {
    get: {
      tags: ['Hồ sơ'],
      summary: 'Tệp gốc đã nộp, đúng như khi tải lên (có ghi nhật ký truy cập)',
      security: bearerSecurity,
      requestParams: { path: fileParamsSchema },
      responses: {
        '200': { description: 'Nội dung tệp, với kiểu tệp đã nhận và tên tệp gốc (Content-Disposition: attachment)', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        ...problemResponses(401, 403, 404, 429),
      },
    },
  },
  '/v1/dossiers/{id}/files/{fileId}/pages/{page}.png': {
    get: {
      tags: ['Hồ sơ'],
      summary: 'Ảnh một trang của tệp trong hồ sơ, để hiển thị vùng bằng chứng (có ghi nhật ký truy cập)',
      security: bearerSecurity,
      requestParams: { path: pageImageParamsSchema, query: pageImageQuerySchema },
      responses: {
        '200': { description: 'Ảnh PNG', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } },
        ...problemResponses(400, 401, 403, 404, 415, 429),
      },
    },
  },
  '/v1/dossiers/{id}/decision': {
    post: {
      tags: ['Hồ sơ'],
      summary: 'Cán bộ quyết định: tiếp nhận, yêu cầu bổ sung (danh sách đã sửa) hoặc từ chối (lý do); kèm sửa thông tin đọc sai',
      description: 'Chỉ cán bộ của cơ quan tiếp nhận; chỉ sau khi kiểm tra sơ bộ xong (409 nếu đang kiểm tra hoặc đã có quyết định). Ghi ai, khi nào và đề xuất của hệ thống lúc đó.',
      security: bearerSecurity,
      requestParams: idParameter,
      requestBody: { required: true, content: { 'application/json': { schema: decisionRequestSchema } } },
      responses: {
        '200': { description: 'Hồ sơ sau quyết định', content: { 'application/json': { schema: dossierSchema } } },
        ...problemResponses(400, 401, 403, 404, 409, 429),
      },
    },
  },
};
