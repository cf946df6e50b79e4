-- Foundation: extensions, API clients, audit trail, jobs, documents.
CREATE EXTENSION IF NOT EXISTS vector;

-- Registered API clients (OAuth2 client credentials). Secrets are stored as scrypt hashes only.
CREATE TABLE api_clients (
  client_id text PRIMARY KEY,
  name text NOT NULL,
  secret_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('citizen', 'officer', 'leader', 'admin')),
  agency text,
  scopes text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);

-- Every read of personal data (Nghị định 13/2023): who, what, when, why.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  actor_role text NOT NULL,
  agency text,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  purpose text NOT NULL,
  request_id text,
  client_ip text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_resource_idx ON audit_log (resource_type, resource_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, occurred_at);

-- Durable job queue used when no Redis is configured.
CREATE TABLE jobs (
  id text PRIMARY KEY,
  name text NOT NULL,
  data jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'active', 'completed', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL,
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  locked_until timestamptz,
  progress real NOT NULL DEFAULT 0,
  result jsonb,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_ready_idx ON jobs (run_at) WHERE status = 'queued';
CREATE INDEX jobs_lease_idx ON jobs (locked_until) WHERE status = 'active';

-- Content-addressed blobs (the original files) and the documents that reference them.
CREATE TABLE blobs (
  sha256 text PRIMARY KEY,
  size_bytes bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE documents (
  id uuid PRIMARY KEY,
  sha256 text NOT NULL REFERENCES blobs (sha256),
  filename text NOT NULL,
  media_type text NOT NULL,
  format text NOT NULL,
  size_bytes bigint NOT NULL,
  source_path text,
  status text NOT NULL CHECK (status IN ('queued', 'processing', 'done', 'failed')),
  progress real NOT NULL DEFAULT 0,
  progress_message text,
  error_detail text,
  job_id text,
  uploaded_by text NOT NULL,
  agency text,
  page_count integer,
  character_count integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX documents_sha256_uploader_idx ON documents (sha256, uploaded_by);
CREATE INDEX documents_created_idx ON documents (created_at DESC);

-- Text extracted from a document, page by page (pages are 1 for formats without pages).
CREATE TABLE document_pages (
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  page_number integer NOT NULL,
  text text NOT NULL,
  method text NOT NULL,
  confidence real,
  PRIMARY KEY (document_id, page_number)
);
