import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../auth/index.js';
import { loadConfig } from '../config/index.js';
import { createLogger } from '../logging/index.js';
import { startServer, type RunningServer } from '../runtime/server.js';
import { createServices, type Services } from '../runtime/services.js';
import { openTestPglite, openTestPostgresWire } from './databases.js';

export interface TestServer {
  url: string;
  services: Services;
  running: RunningServer;
  dataDir: string;
  /** Registers a client and returns a bearer token obtained from the real /oauth/token endpoint. */
  token(role: Role, options?: { agency?: string; scopes?: string[] }): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real server for end-to-end tests: real HTTP, a real database (in-memory PGlite or the wire
 * protocol through `pg`), the configured queue backend, a temporary data directory.
 */
export async function startTestServer(
  options: { env?: Record<string, string>; database?: 'pglite' | 'postgres-wire'; workers?: boolean; webRoot?: string } = {},
): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'test', ...options.env });
  const testDatabase = options.database === 'postgres-wire' ? await openTestPostgresWire() : await openTestPglite();
  const services = await createServices(config, createLogger(config.logLevel), { database: testDatabase.database });
  const running = await startServer(services, {
    workers: options.workers ?? true,
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  let counter = 0;
  return {
    url: running.url,
    services,
    running,
    dataDir,
    async token(role, tokenOptions = {}) {
      counter += 1;
      const scopes = tokenOptions.scopes ?? (role === 'admin' ? ['admin'] : ['documents:read', 'documents:write']);
      const { client, clientSecret } = await services.clients.register({
        name: `test-${role}-${counter}`,
        role,
        agency: tokenOptions.agency ?? (role === 'officer' ? 'UBND xã Thử Nghiệm' : undefined),
        scopes,
      });
      const response = await fetch(`${running.url}/oauth/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${client.clientId}:${clientSecret}`).toString('base64')}`,
        },
        body: 'grant_type=client_credentials',
      });
      if (!response.ok) throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { access_token: string }).access_token;
    },
    async close() {
      await running.stop(5000);
      await services.queue.close().catch(() => undefined);
      await services.ocr.close().catch(() => undefined);
      await testDatabase.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
