import type { Request } from 'express';
import type { AuditEntry, AuditRepository } from '../db/repositories/audit.repository.js';

/**
 * Audit trail for personal data (Nghị định 13/2023/NĐ-CP): every read of a resource that may
 * contain personal data records who, what, when and why. The purpose comes from the caller's
 * `X-Purpose` header (percent-encoded UTF-8 allowed) or defaults to the action's purpose.
 */
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  async recordAccess(
    request: Request,
    access: { action: string; resourceType: string; resourceId?: string; defaultPurpose: string; details?: Record<string, unknown> },
  ): Promise<void> {
    const principal = request.principal;
    const entry: AuditEntry = {
      actor: principal?.subject ?? 'anonymous',
      actorRole: principal?.role ?? 'anonymous',
      agency: principal?.agency ?? null,
      action: access.action,
      resourceType: access.resourceType,
      resourceId: access.resourceId ?? null,
      purpose: purposeOf(request) ?? access.defaultPurpose,
      requestId: request.requestId,
      clientIp: request.ip ?? null,
      ...(access.details ? { details: access.details } : {}),
    };
    await this.repository.insert(entry);
  }

  list(filter: Parameters<AuditRepository['list']>[0]) {
    return this.repository.list(filter);
  }
}

function purposeOf(request: Request): string | undefined {
  const raw = request.get('x-purpose');
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw).slice(0, 200);
  } catch {
    return raw.slice(0, 200);
  }
}
