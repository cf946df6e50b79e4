import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export interface SigningKeys {
  kid: string;
  algorithm: 'ES256';
  privateKey: CryptoKey;
  /** Public JWKS served at /.well-known/jwks.json so gateways can verify our tokens. */
  publicJwks: { keys: JWK[] };
}

/**
 * Local signing key for tokens this service issues (embedded mode, and OAuth2 client
 * credentials). Created on first start in `keyDir` (mode 0600) so every process sharing the
 * data directory signs with the same key.
 */
export async function loadOrCreateSigningKeys(keyDir: string): Promise<SigningKeys> {
  const file = path.join(keyDir, 'signing-key.jwk.json');
  let privateJwk: JWK;
  if (fs.existsSync(file)) {
    privateJwk = JSON.parse(fs.readFileSync(file, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    privateJwk = await exportJWK(privateKey);
    privateJwk.kid = crypto.randomUUID();
    privateJwk.alg = 'ES256';
    fs.mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, JSON.stringify(privateJwk), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // another process created it at the same moment: use theirs
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      privateJwk = JSON.parse(fs.readFileSync(file, 'utf8')) as JWK;
    }
  }
  const { d: _private, ...publicJwk } = privateJwk;
  const privateKey = (await importJWK(privateJwk, 'ES256')) as CryptoKey;
  return {
    kid: privateJwk.kid ?? 'local',
    algorithm: 'ES256',
    privateKey,
    publicJwks: { keys: [{ ...publicJwk, use: 'sig', alg: 'ES256' }] },
  };
}
