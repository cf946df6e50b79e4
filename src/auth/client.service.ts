import crypto from 'node:crypto';
import { AppError, badRequest } from '../errors/index.js';
import type { ApiClientRepository, ApiClientRow } from '../db/repositories/api-client.repository.js';
import { roles, scopes as knownScopes, type Role } from './principal.js';
import { generateSecret, hashSecret, verifySecret } from './secret-hash.js';
import type { IssuedToken, TokenService } from './token.service.js';

export interface RegisterClientInput {
  name: string;
  role: Role;
  agency?: string | undefined;
  scopes: string[];
}

export type PublicClient = Omit<ApiClientRow, 'secretHash'>;

const invalidClient = () =>
  new AppError({
    status: 401,
    code: 'invalid-client',
    detail: 'Mã ứng dụng (client_id) hoặc khóa bí mật (client_secret) không đúng, hoặc ứng dụng đã bị vô hiệu hóa.',
    headers: { 'WWW-Authenticate': 'Basic realm="tro-ly-so"' },
    extensions: { error: 'invalid_client' },
  });

/** Registered API clients and the OAuth2 client-credentials grant. */
export class ClientService {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly tokens: TokenService,
  ) {}

  /** Returns the secret once; only its hash is stored. */
  async register(input: RegisterClientInput): Promise<{ client: PublicClient; clientSecret: string }> {
    if (!input.name.trim()) throw badRequest('Tên ứng dụng không được để trống.');
    if (!roles.includes(input.role)) throw badRequest(`Vai trò không hợp lệ: ${input.role}. Chọn một trong: ${roles.join(', ')}.`);
    if (input.role === 'officer' && !input.agency?.trim()) {
      throw badRequest('Ứng dụng của cán bộ (officer) phải gắn với một cơ quan (--agency).');
    }
    const unknown = input.scopes.filter((scope) => !(knownScopes as readonly string[]).includes(scope));
    if (unknown.length) throw badRequest(`Phạm vi (scope) không tồn tại: ${unknown.join(', ')}. Có: ${knownScopes.join(', ')}.`);
    const clientSecret = generateSecret();
    const row = await this.clients.insert({
      clientId: `tls_${crypto.randomBytes(9).toString('base64url')}`,
      name: input.name.trim(),
      secretHash: await hashSecret(clientSecret),
      role: input.role,
      agency: input.agency?.trim() || null,
      scopes: [...new Set(input.scopes)],
    });
    return { client: withoutSecret(row), clientSecret };
  }

  async list(): Promise<PublicClient[]> {
    return (await this.clients.list()).map(withoutSecret);
  }

  async disable(clientId: string): Promise<boolean> {
    return this.clients.disable(clientId);
  }

  /** OAuth2 client credentials: checks the secret and the requested scopes, issues a JWT. */
  async issueToken(clientId: string, clientSecret: string, requestedScope?: string): Promise<IssuedToken> {
    const client = await this.clients.find(clientId);
    // verify even when the client is unknown so timing does not reveal which ids exist
    const valid = await verifySecret(clientSecret, client?.secretHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    if (!client || !valid || client.disabledAt) throw invalidClient();
    let granted = client.scopes;
    if (requestedScope?.trim()) {
      const requested = requestedScope.trim().split(/\s+/);
      const notAllowed = requested.filter((scope) => !client.scopes.includes(scope));
      if (notAllowed.length) {
        throw new AppError({
          status: 400,
          code: 'invalid-scope',
          detail: `Ứng dụng không được cấp phạm vi: ${notAllowed.join(', ')}.`,
          extensions: { error: 'invalid_scope' },
        });
      }
      granted = requested;
    }
    return this.tokens.issue({ id: client.clientId, role: client.role, agency: client.agency, scopes: granted, name: client.name });
  }
}

function withoutSecret(row: ApiClientRow): PublicClient {
  const { secretHash: _secretHash, ...rest } = row;
  return rest;
}
