import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import { AppError } from '../../errors/index.js';
import type { Logger } from '../../logging/index.js';
import type { Problem } from '../http/common.schemas.js';

export function sendProblem(response: Response, error: AppError, instance?: string, requestId?: string): void {
  const body: Problem & Record<string, unknown> = {
    ...error.extensions,
    type: `urn:tro-ly-so:problem:${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  };
  for (const [name, value] of Object.entries(error.headers ?? {})) response.setHeader(name, value);
  response.status(error.status).type('application/problem+json').send(JSON.stringify(body));
}

export const notFoundHandler: RequestHandler = (request, _response, next) => {
  next(new AppError({ status: 404, code: 'route-not-found', detail: `Không có địa chỉ ${request.method} ${request.path} trên máy chủ này.` }));
};

/** Turns anything thrown into a Vietnamese problem+json; unknown errors are logged, never leaked. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const appError = toAppError(error);
    if (appError.status >= 500) {
      logger.error({ err: error, requestId: request.requestId, path: request.path }, 'request failed');
    }
    sendProblem(response, appError, request.originalUrl.split('?')[0], request.requestId);
  };
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError({
      status: 400,
      code: 'validation-failed',
      detail: 'Dữ liệu gửi lên không hợp lệ.',
      errors: error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    });
  }
  const candidate = error as { type?: string; status?: number; code?: string; field?: string; limit?: number };
  // body-parser errors
  if (candidate.type === 'entity.too.large') {
    return new AppError({ status: 413, code: 'body-too-large', detail: 'Nội dung yêu cầu vượt quá kích thước cho phép.', cause: error });
  }
  if (candidate.type === 'entity.parse.failed') {
    return new AppError({ status: 400, code: 'malformed-json', detail: 'Nội dung JSON bị lỗi cú pháp, không đọc được.', cause: error });
  }
  if (candidate.type === 'encoding.unsupported' || candidate.type === 'charset.unsupported') {
    return new AppError({ status: 415, code: 'unsupported-encoding', detail: 'Bảng mã của nội dung không được hỗ trợ; hãy dùng UTF-8.', cause: error });
  }
  // multer errors
  if (candidate.code === 'LIMIT_FILE_SIZE') {
    return new AppError({ status: 413, code: 'file-too-large', detail: 'Tệp tải lên vượt quá dung lượng cho phép.', cause: error });
  }
  if (typeof candidate.code === 'string' && candidate.code.startsWith('LIMIT_')) {
    return new AppError({
      status: 400,
      code: 'invalid-multipart',
      detail: `Biểu mẫu tải lên không hợp lệ (${candidate.code}${candidate.field ? `, trường ${candidate.field}` : ''}): chỉ gửi một tệp trong trường "file".`,
      cause: error,
    });
  }
  if (error instanceof Error && /Multipart|Unexpected end of form|Malformed part header/i.test(error.message)) {
    return new AppError({ status: 400, code: 'invalid-multipart', detail: 'Dữ liệu multipart bị lỗi, không đọc được tệp.', cause: error });
  }
  if (typeof candidate.status === 'number' && candidate.status >= 400 && candidate.status < 500) {
    return new AppError({ status: candidate.status, code: 'bad-request', detail: 'Yêu cầu không hợp lệ.', cause: error });
  }
  return new AppError({ status: 500, code: 'internal-error', detail: 'Đã có lỗi hệ thống; vui lòng thử lại sau hoặc liên hệ bộ phận hỗ trợ kèm mã yêu cầu.', cause: error });
}
