// Live service status from GET /readyz, for the landing page and (later) the leaders' dashboard.
// The container's `data-state` is checking | ok | degraded | unreachable, which styles and tests use.
import { ApiError, fetchJson, networkHint, unreachableMessage } from './api.js';

interface ReadinessCheck {
  status: 'ok' | 'error';
  backend: string;
  detail?: string;
}

interface Readiness {
  status: 'ok' | 'error';
  checks: { database: ReadinessCheck; queue: ReadinessCheck };
}

export type ServiceState = 'checking' | 'ok' | 'degraded' | 'unreachable';

export interface ServiceStatusOptions {
  url?: string;
  /** Re-checks this often while the page is visible; 0 turns it off. */
  refreshMs?: number;
}

const checkLabels: Record<keyof Readiness['checks'], string> = { database: 'Cơ sở dữ liệu', queue: 'Hàng đợi' };
const timeFormat = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function mountServiceStatus(container: HTMLElement, options: ServiceStatusOptions = {}): { refresh: () => Promise<void>; stop: () => void } {
  const url = options.url ?? './readyz';
  const refreshMs = options.refreshMs ?? 30_000;

  // Only the summary and details are announced; the check time changes every refresh and would be noise.
  const live = element('div', 'service-status__live');
  live.setAttribute('role', 'status');
  const summary = element('p', 'service-status__summary');
  const details = element('p', 'service-status__details');
  live.append(summary, details);
  const checkedAt = element('p', 'service-status__time');
  const retry = element('button', 'button button--secondary service-status__retry');
  retry.type = 'button';
  retry.textContent = 'Kiểm tra lại';
  const meta = element('div', 'service-status__meta');
  meta.append(checkedAt, retry);
  container.replaceChildren(live, meta);

  const show = (state: ServiceState, summaryText: string, detailText: string) => {
    container.dataset.state = state;
    if (summary.textContent !== summaryText) summary.textContent = summaryText;
    if (details.textContent !== detailText) details.textContent = detailText;
  };
  show('checking', 'Đang kiểm tra trạng thái hệ thống…', '');

  let inFlight: Promise<void> | undefined;
  let lastChecked = 0;

  const check = async () => {
    container.setAttribute('aria-busy', 'true');
    retry.disabled = true;
    try {
      const readiness = await loadReadiness(url);
      const checks = Object.entries(readiness.checks) as [keyof Readiness['checks'], ReadinessCheck][];
      if (readiness.status === 'ok') {
        show('ok', 'Hệ thống hoạt động bình thường', checks.map(([name, item]) => `${checkLabels[name]}: ${item.backend}`).join(' · '));
      } else {
        const problems = checks
          .filter(([, item]) => item.status !== 'ok')
          .map(([name, item]) => `${checkLabels[name]} (${item.backend}): ${item.detail ?? 'không hoạt động'}`);
        show('degraded', 'Hệ thống đang gặp sự cố', `${problems.join('. ')}. Một số chức năng có thể tạm thời không dùng được.`);
      }
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      // No answer at all (0), or a proxy saying the server behind it is down (502–504).
      const unreachable = status === 0 || (status >= 502 && status <= 504);
      const message = error instanceof ApiError ? error.message : networkHint;
      show(
        'unreachable',
        unreachable ? unreachableMessage : 'Không kiểm tra được trạng thái hệ thống',
        status === 0 ? message.replace(unreachableMessage, '').replace(/^\.\s*/, '') : message,
      );
    } finally {
      lastChecked = Date.now();
      checkedAt.textContent = `Kiểm tra lúc ${timeFormat.format(lastChecked)}`;
      container.removeAttribute('aria-busy');
      retry.disabled = false;
    }
  };

  const refresh = () => (inFlight ??= check().finally(() => (inFlight = undefined)));

  retry.addEventListener('click', () => void refresh());
  const onVisible = () => {
    if (document.visibilityState === 'visible' && refreshMs > 0 && Date.now() - lastChecked >= refreshMs) void refresh();
  };
  const onOnline = () => void refresh();
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('online', onOnline);
  const timer = refreshMs > 0 ? window.setInterval(onVisible, refreshMs) : undefined;

  void refresh();
  return {
    refresh,
    stop() {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', onOnline);
    },
  };
}

/** /readyz answers 503 with the same body when a dependency is down; that is a result, not a failure. */
async function loadReadiness(url: string): Promise<Readiness> {
  try {
    return asReadiness(await fetchJson<unknown>(url, { timeoutMs: 10_000, cache: 'no-store' }));
  } catch (error) {
    if (error instanceof ApiError && isReadiness(error.body)) return error.body;
    throw error;
  }
}

function asReadiness(body: unknown): Readiness {
  if (isReadiness(body)) return body;
  throw new ApiError('Máy chủ trả lời không đúng định dạng trạng thái.', 200, body);
}

function isReadiness(body: unknown): body is Readiness {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<Readiness>;
  return (candidate.status === 'ok' || candidate.status === 'error') && typeof candidate.checks?.database === 'object' && typeof candidate.checks.queue === 'object';
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}
