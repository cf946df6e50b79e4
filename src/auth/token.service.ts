import { SignJWT, createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AppError, unauthorized } from '../errors/index.js';
import { roles, type Principal, type Role } from './principal.js';
import type { SigningKeys } from './signing-keys.js';

export interface TokenServiceOptions {
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  /** External identity provider (LGSP gateway, provincial SSO): its JWKS URL and issuer. */
  externalJwksUrl?: string;
  externalIssuer?: string;
}

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
  scope: string;
}

/**
 * Issues our own access tokens (ES256) and verifies bearer tokens, either ours or those of the
 * configured external issuer. Claims: `sub`, `role`, `agency`, `scope` (space-separated).
 */
export class TokenService {
  private readonly localKeys: JWTVerifyGetKey;
  private readonly externalKeys: JWTVerifyGetKey | undefined;

  constructor(
    private readonly keys: SigningKeys,
    private readonly options: TokenServiceOptions,
  ) {
    this.localKeys = createLocalJWKSet(keys.publicJwks);
    this.externalKeys = options.externalJwksUrl
      ? createRemoteJWKSet(new URL(options.externalJwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 })
      : undefined;
  }

  get jwks() {
    return this.keys.publicJwks;
  }

  async issue(subject: { id: string; role: Role; agency?: string | null; scopes: string[]; name?: string }): Promise<IssuedToken> {
    const scope = subject.scopes.join(' ');
    const token = await new SignJWT({
      role: subject.role,
      scope,
      ...(subject.agency ? { agency: subject.agency } : {}),
      ...(subject.name ? { name: subject.name } : {}),
    })
      .setProtectedHeader({ alg: this.keys.algorithm, kid: this.keys.kid, typ: 'at+jwt' })
      .setSubject(subject.id)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt()
      .setExpirationTime(`${this.options.accessTokenTtlSeconds}s`)
      .setJti(crypto.randomUUID())
      .sign(this.keys.privateKey);
    return { accessToken: token, expiresIn: this.options.accessTokenTtlSeconds, scope };
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    let issuer: string;
    try {
      const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as { kid?: string };
      const isLocal = header.kid === this.keys.kid || !this.externalKeys;
      issuer = isLocal ? this.options.issuer : (this.options.externalIssuer ?? '');
      const result = await jwtVerify(token, isLocal ? this.localKeys : this.externalKeys!, {
        issuer: isLocal ? this.options.issuer : this.options.externalIssuer,
        audience: this.options.audience,
        clockTolerance: 30,
      });
      payload = result.payload;
    } catch (error) {
      if (error instanceof AppError) throw error;
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw Object.assign(
        unauthorized(expired ? 'Mã truy cập đã hết hạn; hãy lấy mã mới.' : 'Mã truy cập không hợp lệ.'),
        { cause: error },
      );
    }
    return principalFromClaims(payload, issuer);
  }
}

function principalFromClaims(payload: JWTPayload, issuer: string): Principal {
  const claimedRole = typeof payload.role === 'string' ? payload.role : Array.isArray(payload.roles) ? payload.roles[0] : undefined;
  const role = roles.find((candidate) => candidate === claimedRole);
  if (!payload.sub || !role) throw unauthorized('Mã truy cập thiếu thông tin người dùng hoặc vai trò (role).');
  if (role === 'officer' && typeof payload.agency !== 'string') {
    throw unauthorized('Mã truy cập của cán bộ phải ghi rõ cơ quan (agency).');
  }
  const scope = typeof payload.scope === 'string' ? payload.scope : '';
  return {
    subject: payload.sub,
    role,
    scopes: scope.split(/\s+/).filter(Boolean),
    issuer,
    ...(typeof payload.agency === 'string' ? { agency: payload.agency } : {}),
    ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
  };
}
