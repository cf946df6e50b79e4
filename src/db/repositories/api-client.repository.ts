import type { Queryable } from '../database.js';

export interface ApiClientRow {
  clientId: string;
  name: string;
  secretHash: string;
  role: 'citizen' | 'officer' | 'leader' | 'admin';
  agency: string | null;
  scopes: string[];
  createdAt: Date;
  disabledAt: Date | null;
}

const columns = `client_id AS "clientId", name, secret_hash AS "secretHash", role, agency, scopes,
  created_at AS "createdAt", disabled_at AS "disabledAt"`;

export class ApiClientRepository {
  constructor(private readonly db: Queryable) {}

  async insert(client: Omit<ApiClientRow, 'createdAt' | 'disabledAt'>): Promise<ApiClientRow> {
    const rows = await this.db.query<ApiClientRow>(
      `INSERT INTO api_clients (client_id, name, secret_hash, role, agency, scopes)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${columns}`,
      [client.clientId, client.name, client.secretHash, client.role, client.agency, client.scopes],
    );
    return rows[0]!;
  }

  async find(clientId: string): Promise<ApiClientRow | undefined> {
    const rows = await this.db.query<ApiClientRow>(`SELECT ${columns} FROM api_clients WHERE client_id = $1`, [clientId]);
    return rows[0];
  }

  async list(): Promise<ApiClientRow[]> {
    return this.db.query<ApiClientRow>(`SELECT ${columns} FROM api_clients ORDER BY created_at`);
  }

  async disable(clientId: string): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE api_clients SET disabled_at = now() WHERE client_id = $1 AND disabled_at IS NULL RETURNING client_id',
      [clientId],
    );
    return rows.length === 1;
  }
}
