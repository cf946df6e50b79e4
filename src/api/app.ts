import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import swaggerUi from 'swagger-ui-express';
import { z } from 'zod';
import { authenticate, type ClientService, type TokenService } from '../auth/index.js';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/index.js';
import type { DocumentService } from '../documents/document.service.js';
import type { DossierService } from '../dossiers/index.js';
import type { Logger } from '../logging/index.js';
import type { JobQueue } from '../queue/job.types.js';
import { errorHandler, notFoundHandler } from './middleware/problem.middleware.js';
import { createRateLimiter, type RateLimitOptions, type RateLimiter } from './middleware/rate-limit.middleware.js';
import { requestId } from './middleware/request-id.middleware.js';
import { buildOpenApiDocument } from './openapi/openapi.document.js';
import { authRoutes } from './routes/auth.routes.js';
import { documentRoutes } from './routes/documents.routes.js';
import { dossierRoutes } from './routes/dossiers.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { searchRoutes } from './routes/search.routes.js';
import type { LiveSearchIndex } from '../retrieval/live-index.js';
import type { AssistantService } from '../agents/assistant/index.js';
import { chatRoutes } from './routes/chat.routes.js';

// zod's own messages in Vietnamese (ours are written in Vietnamese directly)
z.config(z.locales.vi());

export interface AppDependencies {
  logger: Logger;
  database: Database;
  queue: JobQueue;
  tokens: TokenService;
  clients: ClientService;
  audit: AuditService;
  documents: DocumentService;
  dossiers: DossierService;
  search: LiveSearchIndex;
  assistant: AssistantService;
  http: { trustProxy: string; maxJsonBodyBytes: number; maxUploadBytes: number };
  rateLimit: RateLimitOptions;
  /** Built web pages (Vite output); omitted in tests that do not need them. */
  webRoot?: string;
}

export function createApp(deps: AppDependencies): { app: Express; rateLimiter: RateLimiter } {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.http.trustProxy);
  app.set('query parser', 'simple');

  app.use(requestId);
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (request) => (request as express.Request).requestId,
      autoLogging: { ignore: (request) => request.url === '/healthz' || request.url === '/readyz' },
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
      serializers: {
        req: (request: { id: unknown; method: string; url: string }) => ({ id: request.id, method: request.method, url: request.url }),
        // the wrapped response reports statusCode null before headers are flushed; the raw one knows it
        res: (response: { statusCode: number | null; raw?: { statusCode: number } }) => ({ statusCode: response.raw?.statusCode ?? response.statusCode }),
      },
    }),
  );
  app.use((_request, response, next) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });

  app.use(healthRoutes({ database: deps.database, queue: deps.queue }));

  const openApiDocument = buildOpenApiDocument();
  app.get('/openapi.json', (_request, response) => {
    response.json(openApiDocument);
  });
  app.use(
    '/docs',
    swaggerUi.serve,
    swaggerUi.setup(openApiDocument as swaggerUi.JsonObject, {
      customSiteTitle: 'Trợ lý số — Tài liệu API',
      swaggerOptions: { docExpansion: 'list', defaultModelsExpandDepth: 0 },
    }),
  );

  const rateLimiter = createRateLimiter(deps.rateLimit);
  app.use(express.json({ limit: deps.http.maxJsonBodyBytes, type: ['application/json', 'application/*+json'] }));
  app.use(['/v1', '/oauth'], authenticate(deps.tokens), rateLimiter.middleware);
  app.use(authRoutes({ clients: deps.clients, tokens: deps.tokens }));
  app.use(searchRoutes({ search: deps.search }));
  app.use(chatRoutes({ assistant: deps.assistant, audit: deps.audit }));
  app.use(documentRoutes({ documents: deps.documents, audit: deps.audit, maxUploadBytes: deps.http.maxUploadBytes }));
  app.use(dossierRoutes({ dossiers: deps.dossiers, audit: deps.audit, maxUploadBytes: deps.http.maxUploadBytes }));

  const webRoot = deps.webRoot;
  if (webRoot && fs.existsSync(path.join(webRoot, 'index.html'))) {
    app.use(express.static(webRoot, { index: 'index.html', maxAge: '1h' }));
  }

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return { app, rateLimiter };
}
