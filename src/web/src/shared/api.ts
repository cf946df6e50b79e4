// The one way pages talk to the server. Errors come back as `ApiError` whose `message` is already
// Vietnamese and fit to show: the server's problem+json `detail` when there is one.

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** HTTP status; 0 when the server could not be reached or did not answer in time. */
    readonly status: number,
    /** Parsed response body (problem+json or any other JSON), when there was one. */
    readonly body?: unknown,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }

  get problem(): Problem | undefined {
    return isProblem(this.body) ? this.body : undefined;
  }
}

export interface FetchJsonOptions extends RequestInit {
  /** Gives up after this long (default 15 s) so a page never waits forever on a dead intranet link. */
  timeoutMs?: number;
}

export const unreachableMessage = 'Không kết nối được máy chủ';
export const networkHint = 'Vui lòng kiểm tra kết nối mạng rồi thử lại.';
const timeoutHint = (timeoutMs: number) => `Máy chủ không trả lời sau ${Math.round(timeoutMs / 1000)} giây.`;

export async function fetchJson<T>(url: string, options: FetchJsonOptions = {}): Promise<T> {
  const { timeoutMs = 15_000, headers, signal, ...init } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  signal?.addEventListener('abort', () => controller.abort(), { once: true });

  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { accept: 'application/json, application/problem+json', ...headersToObject(headers) },
      signal: controller.signal,
    });
  } catch (error) {
    const timedOut = controller.signal.aborted && !signal?.aborted;
    throw new ApiError(`${unreachableMessage}. ${timedOut ? timeoutHint(timeoutMs) : networkHint}`, 0, undefined, error);
  } finally {
    clearTimeout(timer);
  }

  const body = await readBody(response);
  if (response.ok) return body as T;
  throw new ApiError(errorMessage(response, body), response.status, body);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!/[/+]json\b/i.test(type)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function errorMessage(response: Response, body: unknown): string {
  if (isProblem(body)) {
    const detail = body.detail?.trim() || body.title?.trim();
    if (detail) return detail;
  }
  if (response.status === 429) return 'Bạn gửi yêu cầu quá nhanh. Vui lòng đợi một lát rồi thử lại.';
  if (response.status >= 500) return `Máy chủ đang gặp sự cố (mã ${response.status}). Vui lòng thử lại sau.`;
  return `Yêu cầu không thực hiện được (mã ${response.status}).`;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && ('detail' in body || 'title' in body);
}

function headersToObject(headers: HeadersInit | undefined): Record<string, string> {
  return headers ? Object.fromEntries(new Headers(headers).entries()) : {};
}
