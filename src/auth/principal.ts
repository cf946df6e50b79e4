/**
 * Who is calling. Roles: citizen (công dân), officer (cán bộ, bound to an agency — cơ quan),
 * leader (lãnh đạo), admin (quản trị). Scopes narrow what a registered API client may do.
 */
export const roles = ['citizen', 'officer', 'leader', 'admin'] as const;
export type Role = (typeof roles)[number];

export const scopes = [
  'documents:read',
  'documents:write',
  'dossiers:read',
  'dossiers:write',
  'analytics:read',
  'personal-data:read',
  'admin',
] as const;
export type Scope = (typeof scopes)[number];

export interface Principal {
  /** Stable id of the caller: the client id, or the `sub` of an external token. */
  subject: string;
  role: Role;
  agency?: string;
  scopes: string[];
  /** Who issued the token: this service or the external identity provider. */
  issuer: string;
  name?: string;
}

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.role === 'admin' || principal.scopes.includes('admin') || principal.scopes.includes(scope);
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      requestId: string;
      principal?: Principal;
    }
  }
}
