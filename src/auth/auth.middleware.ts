import type { RequestHandler } from 'express';
import { forbidden, unauthorized } from '../errors/index.js';
import { hasScope, type Role, type Scope } from './principal.js';
import type { TokenService } from './token.service.js';

/** Reads an optional `Authorization: Bearer` token; an invalid token is a 401, a missing one is fine. */
export function authenticate(tokens: TokenService): RequestHandler {
  return async (request, _response, next) => {
    const header = request.get('authorization');
    // other schemes (HTTP Basic at the token endpoint) are for the route itself
    if (!header || !/^Bearer\b/i.test(header)) return next();
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return next(unauthorized('Tiêu đề Authorization phải có dạng "Bearer <mã truy cập>".'));
    try {
      request.principal = await tokens.verify(match[1]);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** Requires a signed-in caller, optionally with one of the roles and all of the scopes. */
export function requireAuth(options: { roles?: Role[]; scopes?: Scope[] } = {}): RequestHandler {
  return (request, _response, next) => {
    const principal = request.principal;
    if (!principal) return next(unauthorized());
    if (options.roles && principal.role !== 'admin' && !options.roles.includes(principal.role)) {
      return next(forbidden(`Chức năng này dành cho vai trò: ${options.roles.join(', ')}.`));
    }
    const missing = (options.scopes ?? []).filter((scope) => !hasScope(principal, scope));
    if (missing.length) return next(forbidden(`Mã truy cập thiếu phạm vi (scope): ${missing.join(', ')}.`));
    next();
  };
}
