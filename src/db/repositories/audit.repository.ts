import type { Queryable } from '../database.js';

export interface AuditEntry {
  actor: string;
  actorRole: string;
  agency?: string | null;
  action: string;
  resourceType: string;
  resourceId?: string | null;
  purpose: string;
  requestId?: string | null;
  clientIp?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRow extends AuditEntry {
  id: number;
  occurredAt: Date;
}

export class AuditRepository {
  constructor(private readonly db: Queryable) {}

  async insert(entry: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor, actor_role, agency, action, resource_type, resource_id, purpose, request_id, client_ip, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        entry.actor,
        entry.actorRole,
        entry.agency ?? null,
        entry.action,
        entry.resourceType,
        entry.resourceId ?? null,
        entry.purpose,
        entry.requestId ?? null,
        entry.clientIp ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  async list(filter: { resourceType?: string; resourceId?: string; actor?: string; limit?: number } = {}): Promise<AuditRow[]> {
    const rows = await this.db.query<AuditRow & { id: number | string }>(
      `SELECT id, occurred_at AS "occurredAt", actor, actor_role AS "actorRole", agency, action,
              resource_type AS "resourceType", resource_id AS "resourceId", purpose,
              request_id AS "requestId", client_ip AS "clientIp", details
         FROM audit_log
        WHERE ($1::text IS NULL OR resource_type = $1)
          AND ($2::text IS NULL OR resource_id = $2)
          AND ($3::text IS NULL OR actor = $3)
        ORDER BY id DESC
        LIMIT $4`,
      [filter.resourceType ?? null, filter.resourceId ?? null, filter.actor ?? null, filter.limit ?? 100],
    );
    return rows.map((row) => ({ ...row, id: Number(row.id) }));
  }
}
