import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../runtime/paths.js';

/**
 * Environment → typed configuration, parsed once at start-up.
 * Every default is the embedded mode: PGlite in DATA_DIR, the database-backed queue,
 * local signing keys, no language model.
 */

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalUrl = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.url({ error: 'phải là một URL hợp lệ' }).optional(),
);

const optionalString = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());

export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  SHARED_DIR: z.string().min(1).default('../shared'),
  BLOB_DIR: optionalString,
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: optionalUrl,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Run job workers inside the API process (the embedded default). */
  WORKERS_IN_PROCESS: booleanFromEnv.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(2048).default(50),
  MAX_JSON_BODY_KB: z.coerce.number().int().positive().max(10240).default(256),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  RATE_LIMIT_PUBLIC: z.coerce.number().int().positive().default(60),
  RATE_LIMIT_AUTHENTICATED: z.coerce.number().int().positive().default(600),
  /** Callers on this machine (operators' tools, evaluations, benchmarks) are not rate-limited. */
  RATE_LIMIT_EXEMPT_LOOPBACK: booleanFromEnv.default(true),
  TRUST_PROXY: z.string().default('loopback'),
  AUTH_ISSUER: z.string().min(1).default('tro-ly-so'),
  AUTH_AUDIENCE: z.string().min(1).default('tro-ly-so-api'),
  /** JWKS of an external issuer (LGSP gateway, provincial SSO). Local keys are still used for our own tokens. */
  AUTH_JWKS_URL: optionalUrl,
  AUTH_EXTERNAL_ISSUER: optionalString,
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(3600),
  /** Embedding model: empty = the manifest default in MODELS_DIR, `none` = no dense vectors, or a model name/folder. */
  EMBEDDING_MODEL: z.string().default(''),
  /** Weight of the dense (pgvector HNSW) ranking fused with the lexical one; 0 = lexical only (measured best with the bundled model). */
  SEARCH_DENSE_WEIGHT: z.coerce.number().min(0).max(10).default(0),
  MODELS_DIR: optionalString,
  LLM_BASE_URL: optionalUrl,
  LLM_MODEL: optionalString,
  LLM_API_KEY: optionalString,
});

export type Environment = z.infer<typeof environmentSchema>;

export interface AppConfig {
  env: Environment['NODE_ENV'];
  http: { host: string; port: number; trustProxy: string; maxJsonBodyBytes: number; maxUploadBytes: number };
  paths: { dataDir: string; sharedDir: string; blobDir: string; modelsDir: string };
  embedding: { model: string };
  search: { denseWeight: number };
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  queue: { kind: 'database' } | { kind: 'bullmq'; redisUrl: string };
  workers: { inProcess: boolean; concurrency: number; leaseSeconds: number; maxAttempts: number };
  rateLimit: { windowSeconds: number; publicPerWindow: number; authenticatedPerWindow: number; exemptLoopback: boolean; redisUrl?: string };
  auth: {
    issuer: string;
    audience: string;
    keyDir: string;
    jwksUrl?: string;
    externalIssuer?: string;
    accessTokenTtlSeconds: number;
  };
  llm?: { baseUrl: string; model: string; apiKey?: string };
  logLevel: Environment['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      'Cấu hình không hợp lệ:\n' + issues.map((issue) => `  - ${issue.variable}: ${issue.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '?'), message: issue.message })),
    );
  }
  const env = parsed.data;
  if (env.LLM_BASE_URL && !env.LLM_MODEL) {
    throw new ConfigError([{ variable: 'LLM_MODEL', message: 'bắt buộc khi đã đặt LLM_BASE_URL' }]);
  }
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      trustProxy: env.TRUST_PROXY,
      maxJsonBodyBytes: env.MAX_JSON_BODY_KB * 1024,
      maxUploadBytes: Math.round(env.MAX_UPLOAD_MB * 1024 * 1024),
    },
    paths: {
      dataDir,
      sharedDir: path.resolve(env.SHARED_DIR),
      blobDir: path.resolve(env.BLOB_DIR ?? path.join(dataDir, 'blobs')),
      modelsDir: path.resolve(env.MODELS_DIR ?? path.join(projectRoot, 'models')),
    },
    embedding: { model: env.EMBEDDING_MODEL },
    search: { denseWeight: env.SEARCH_DENSE_WEIGHT },
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    queue: env.REDIS_URL ? { kind: 'bullmq', redisUrl: env.REDIS_URL } : { kind: 'database' },
    workers: {
      inProcess: env.WORKERS_IN_PROCESS,
      concurrency: env.WORKER_CONCURRENCY,
      leaseSeconds: env.JOB_LEASE_SECONDS,
      maxAttempts: env.JOB_MAX_ATTEMPTS,
    },
    rateLimit: {
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      publicPerWindow: env.RATE_LIMIT_PUBLIC,
      authenticatedPerWindow: env.RATE_LIMIT_AUTHENTICATED,
      exemptLoopback: env.RATE_LIMIT_EXEMPT_LOOPBACK,
      ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    },
    auth: {
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
      keyDir: path.join(dataDir, 'keys'),
      ...(env.AUTH_JWKS_URL ? { jwksUrl: env.AUTH_JWKS_URL } : {}),
      ...(env.AUTH_EXTERNAL_ISSUER ? { externalIssuer: env.AUTH_EXTERNAL_ISSUER } : {}),
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    },
    ...(env.LLM_BASE_URL && env.LLM_MODEL
      ? { llm: { baseUrl: env.LLM_BASE_URL, model: env.LLM_MODEL, ...(env.LLM_API_KEY ? { apiKey: env.LLM_API_KEY } : {}) } }
      : {}),
    logLevel: env.LOG_LEVEL,
  };
}
