import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { ApiClientRepository } from '../db/index.js';
import { openTestPglite, type TestDatabase } from '../testing/databases.js';
import { ClientService } from './client.service.js';
import { hashSecret, verifySecret } from './secret-hash.js';
import { loadOrCreateSigningKeys } from './signing-keys.js';
import { TokenService } from './token.service.js';

test('secrets are stored as salted scrypt hashes and verified in constant time', async () => {
  const hash = await hashSecret('bi-mat');
  assert.match(hash, /^scrypt\$16384\$8\$1\$/);
  assert.notEqual(hash, await hashSecret('bi-mat'));
  assert.equal(await verifySecret('bi-mat', hash), true);
  assert.equal(await verifySecret('bi-mat-sai', hash), false);
  assert.equal(await verifySecret('bi-mat', 'garbage'), false);
});

describe('tokens', () => {
  let keyDir: string;
  let db: TestDatabase;
  let tokens: TokenService;
  let clients: ClientService;
  // Test double of an external identity provider (LGSP gateway / provincial SSO): serves a real JWKS over HTTP.
  let provider: http.Server;
  let providerUrl: string;
  let signExternal: (claims: Record<string, unknown>) => Promise<string>;

  before(async () => {
    keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-keys-'));
    db = await openTestPglite();
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const publicJwk = { ...(await exportJWK(publicKey)), kid: 'lgsp-1', alg: 'RS256', use: 'sig' };
    provider = http.createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/jwks.json`;
    signExternal = (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'lgsp-1' })
        .setIssuer('https://lgsp.gialai.gov.vn')
        .setAudience('tro-ly-so-api')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    tokens = new TokenService(await loadOrCreateSigningKeys(keyDir), {
      issuer: 'tro-ly-so',
      audience: 'tro-ly-so-api',
      accessTokenTtlSeconds: 600,
      externalJwksUrl: providerUrl,
      externalIssuer: 'https://lgsp.gialai.gov.vn',
    });
    clients = new ClientService(new ApiClientRepository(db.database), tokens);
  });
  after(async () => {
    provider.close();
    await db.close();
    fs.rmSync(keyDir, { recursive: true, force: true });
  });

  test('the signing key is created once and reused by the next process', async () => {
    const again = await loadOrCreateSigningKeys(keyDir);
    assert.equal(again.kid, tokens.jwks.keys[0]?.kid);
    assert.equal(fs.statSync(path.join(keyDir, 'signing-key.jwk.json')).mode & 0o777, 0o600);
    assert.equal('d' in (tokens.jwks.keys[0] ?? {}), false, 'the public JWKS must not contain the private part');
  });

  test('client credentials → token → principal with role, agency and scopes', async () => {
    const { client, clientSecret } = await clients.register({ name: 'Một cửa xã', role: 'officer', agency: 'UBND xã Chư Păh', scopes: ['documents:read', 'dossiers:read'] });
    const stored = await new ApiClientRepository(db.database).find(client.clientId);
    assert.ok(stored && !stored.secretHash.includes(clientSecret));
    const issued = await clients.issueToken(client.clientId, clientSecret, 'documents:read');
    const principal = await tokens.verify(issued.accessToken);
    assert.deepEqual(principal, {
      subject: client.clientId,
      role: 'officer',
      agency: 'UBND xã Chư Păh',
      scopes: ['documents:read'],
      issuer: 'tro-ly-so',
      name: 'Một cửa xã',
    });
    await assert.rejects(clients.issueToken(client.clientId, clientSecret, 'admin'), /không được cấp phạm vi/);
    await assert.rejects(clients.issueToken(client.clientId, 'sai'), /không đúng/);
    await clients.disable(client.clientId);
    await assert.rejects(clients.issueToken(client.clientId, clientSecret), /vô hiệu hóa/);
  });

  test('an officer client needs an agency; unknown scopes are refused', async () => {
    await assert.rejects(clients.register({ name: 'x', role: 'officer', scopes: [] }), /cơ quan/);
    await assert.rejects(clients.register({ name: 'x', role: 'leader', scopes: ['everything'] }), /không tồn tại/);
  });

  test('tokens of the external issuer are verified against its JWKS', async () => {
    const principal = await tokens.verify(await signExternal({ sub: 'cccd-hash-1', role: 'citizen', scope: 'documents:read' }));
    assert.equal(principal.subject, 'cccd-hash-1');
    assert.equal(principal.role, 'citizen');
    assert.equal(principal.issuer, 'https://lgsp.gialai.gov.vn');
    await assert.rejects(tokens.verify(await signExternal({ sub: 'x', role: 'superuser' })), /vai trò/);
    await assert.rejects(tokens.verify(await signExternal({ sub: 'x', role: 'officer' })), /cơ quan/);
  });

  test('tampered, foreign and expired tokens are refused', async () => {
    const issued = await tokens.issue({ id: 'c1', role: 'leader', scopes: [] });
    const [header, payload, signature] = issued.accessToken.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'admin' })).toString('base64url');
    await assert.rejects(tokens.verify(`${header}.${forged}.${signature}`), /không hợp lệ/);
    const otherKeys = await loadOrCreateSigningKeys(fs.mkdtempSync(path.join(os.tmpdir(), 'tls-other-')));
    const stranger = new TokenService(otherKeys, { issuer: 'tro-ly-so', audience: 'tro-ly-so-api', accessTokenTtlSeconds: 600 });
    await assert.rejects(tokens.verify((await stranger.issue({ id: 'c1', role: 'admin', scopes: [] })).accessToken), /không hợp lệ/);
    const expired = await new SignJWT({ role: 'leader' })
      .setProtectedHeader({ alg: 'ES256', kid: tokens.jwks.keys[0]!.kid! })
      .setSubject('c1')
      .setIssuer('tro-ly-so')
      .setAudience('tro-ly-so-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign((await loadOrCreateSigningKeys(keyDir)).privateKey);
    await assert.rejects(tokens.verify(expired), /hết hạn/);
  });
});
