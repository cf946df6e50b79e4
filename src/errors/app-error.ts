/**
 * The one error type of the service. `detail` is Vietnamese and safe to show to the user;
 * `cause` keeps the technical reason for the logs. The API renders it as application/problem+json.
 */
export interface FieldProblem {
  /** Dotted path of the failing field, e.g. `body.query`. */
  field: string;
  message: string;
}

export interface AppErrorOptions {
  status: number;
  /** Stable machine-readable code in kebab-case, e.g. `unsupported-media-type`. */
  code: string;
  /** Vietnamese explanation for the user. */
  detail: string;
  title?: string;
  errors?: FieldProblem[];
  headers?: Record<string, string>;
  /** Extra members of the problem document (e.g. OAuth2's `error`). */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

const titles: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa xác thực',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  409: 'Xung đột dữ liệu',
  413: 'Dữ liệu quá lớn',
  415: 'Định dạng không được hỗ trợ',
  422: 'Không xử lý được nội dung',
  429: 'Quá nhiều yêu cầu',
  500: 'Lỗi hệ thống',
  503: 'Dịch vụ tạm thời không sẵn sàng',
};

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly title: string;
  readonly errors: FieldProblem[] | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly extensions: Record<string, unknown> | undefined;

  constructor(options: AppErrorOptions) {
    super(options.detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.status = options.status;
    this.code = options.code;
    this.detail = options.detail;
    this.title = options.title ?? titles[options.status] ?? 'Lỗi';
    this.errors = options.errors;
    this.headers = options.headers;
    this.extensions = options.extensions;
  }
}

export const badRequest = (detail: string, errors?: FieldProblem[], code = 'bad-request') =>
  new AppError({ status: 400, code, detail, ...(errors ? { errors } : {}) });
export const unauthorized = (detail = 'Cần đăng nhập hoặc cung cấp mã truy cập (Bearer token) hợp lệ.') =>
  new AppError({ status: 401, code: 'unauthorized', detail, headers: { 'WWW-Authenticate': 'Bearer' } });
export const forbidden = (detail = 'Tài khoản của bạn không có quyền thực hiện thao tác này.') =>
  new AppError({ status: 403, code: 'forbidden', detail });
export const notFound = (detail: string) => new AppError({ status: 404, code: 'not-found', detail });
