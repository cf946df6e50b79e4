-- Ingestion: document metadata and versions, structured chunks, procedure records and their
-- required dossier components (thành phần hồ sơ).
ALTER TABLE documents ADD COLUMN structure text;
ALTER TABLE documents ADD COLUMN kind text;
ALTER TABLE documents ADD COLUMN title text;
ALTER TABLE documents ADD COLUMN number text;
ALTER TABLE documents ADD COLUMN issuer text;
ALTER TABLE documents ADD COLUMN issued_on date;
ALTER TABLE documents ADD COLUMN in_force boolean NOT NULL DEFAULT true;
ALTER TABLE documents ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE documents ADD COLUMN warnings text[] NOT NULL DEFAULT '{}';
ALTER TABLE documents ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}'::jsonb;
-- A file ingested from a folder is identified by its path; re-ingesting it updates that document.
-- Two paths may hold identical bytes, so content deduplication applies to uploads only.
CREATE UNIQUE INDEX documents_source_idx ON documents (uploaded_by, source_path) WHERE source_path IS NOT NULL;
DROP INDEX documents_sha256_uploader_idx;
CREATE UNIQUE INDEX documents_upload_sha256_idx ON documents (sha256, uploaded_by) WHERE source_path IS NULL;

-- Earlier versions of a document's file (the blob is kept: history).
CREATE TABLE document_versions (
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  version integer NOT NULL,
  sha256 text NOT NULL REFERENCES blobs (sha256),
  size_bytes bigint NOT NULL,
  ingested_at timestamptz NOT NULL,
  superseded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, version)
);

CREATE TABLE chunks (
  id bigserial PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  text text NOT NULL,
  display_text text NOT NULL,
  -- lower-case, diacritics removed: the diacritic-insensitive search field
  search_text text NOT NULL,
  label text NOT NULL,
  article text,
  clause text,
  point text,
  section text,
  path jsonb NOT NULL DEFAULT '{}'::jsonb,
  procedure_id uuid,
  page_number integer,
  UNIQUE (document_id, ordinal)
);

CREATE TABLE procedures (
  id uuid PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  source text NOT NULL CHECK (source IN ('national', 'provincial')),
  code text NOT NULL,
  name text NOT NULL,
  field text,
  agency text,
  level text,
  record jsonb NOT NULL
);
CREATE INDEX procedures_code_idx ON procedures (code);
CREATE INDEX procedures_document_idx ON procedures (document_id);

-- Thành phần hồ sơ: one row per required document, read by the assistant and the dossier pre-check.
CREATE TABLE procedure_requirements (
  procedure_id uuid NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  name text NOT NULL,
  text text NOT NULL,
  group_name text,
  condition text,
  form_codes text[] NOT NULL DEFAULT '{}',
  copy_types text[] NOT NULL DEFAULT '{}',
  quantity_original integer,
  quantity_copy integer,
  one_of boolean NOT NULL DEFAULT false,
  alternatives text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (procedure_id, ordinal)
);
