// Sign-in with the desk's registered API client (OAuth2 client credentials at /oauth/token). The
// token lives in sessionStorage: it ends with the browser tab and is never written to disk by the page.
import { ApiError, fetchJson } from '../shared/api.js';

export interface Session {
  token: string;
  expiresAt: number;
  subject: string;
  role: string;
  agency?: string;
  name?: string;
}

const storageKey = 'tro-ly-so.can-bo.session';

export function loadSession(): Session | undefined {
  try {
    const session = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as Session | null;
    return session && session.expiresAt > Date.now() + 30_000 ? session : undefined;
  } catch {
    return undefined;
  }
}

export function clearSession(): void {
  sessionStorage.removeItem(storageKey);
}

export async function signIn(clientId: string, clientSecret: string): Promise<Session> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
  const answer = await fetchJson<{ access_token: string; expires_in: number }>('./oauth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    // the endpoint answers a wrong secret with a Basic challenge; without credentials the browser
    // hands the 401 to the page instead of opening its own login dialog
    credentials: 'omit',
  });
  const claims = decodeClaims(answer.access_token);
  if (claims.role !== 'officer') {
    throw new ApiError('Trang này dành cho cán bộ một cửa; tài khoản này không phải tài khoản cán bộ.', 403);
  }
  const session: Session = {
    token: answer.access_token,
    expiresAt: Date.now() + answer.expires_in * 1000,
    subject: String(claims.sub ?? clientId),
    role: String(claims.role),
    ...(typeof claims.agency === 'string' ? { agency: claims.agency } : {}),
    ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
  };
  sessionStorage.setItem(storageKey, JSON.stringify(session));
  return session;
}

/** The token's claims, for display only: the server verifies the signature on every call. */
function decodeClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}
