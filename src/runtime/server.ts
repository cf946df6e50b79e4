import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../api/app.js';
import { createJobHandlers } from '../jobs/index.js';
import type { WorkerHandle } from '../queue/job.types.js';
import { webRoot } from './paths.js';
import type { Services } from './services.js';

export interface RunningServer {
  url: string;
  server: http.Server;
  worker?: WorkerHandle;
  /** Stops taking requests, lets running jobs finish (up to the timeout), closes nothing else. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Starts the HTTP API (and, by default, the job workers in the same process). */
export async function startServer(
  services: Services,
  options: { port?: number; host?: string; workers?: boolean; webRoot?: string } = {},
): Promise<RunningServer> {
  const { config } = services;
  const { app, rateLimiter } = createApp({
    logger: services.logger,
    database: services.database,
    queue: services.queue,
    tokens: services.tokens,
    clients: services.clients,
    audit: services.audit,
    documents: services.documents,
    dossiers: services.dossiers,
    search: services.search,
    assistant: services.assistant,
    http: config.http,
    rateLimit: config.rateLimit,
    webRoot: options.webRoot ?? webRoot,
  });
  const startWorkers = options.workers ?? config.workers.inProcess;
  const worker = startWorkers
    ? services.queue.startWorker(createJobHandlers(services), { concurrency: config.workers.concurrency })
    : undefined;

  const server = http.createServer(app);
  server.requestTimeout = 5 * 60_000; // large uploads on slow links
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.http.port, options.host ?? config.http.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    ...(worker ? { worker } : {}),
    stop: async (timeoutMs = 10_000) => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, Math.min(timeoutMs, 5000)).unref();
      });
      await worker?.stop(timeoutMs);
      await rateLimiter.close();
    },
  };
}
