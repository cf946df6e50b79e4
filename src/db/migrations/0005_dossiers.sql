-- Dossiers (hồ sơ) submitted for a procedure, their files, the pre-check result and the
-- officer's decision with field corrections (kept for audit and to improve the models).

CREATE TABLE dossiers (
  id uuid PRIMARY KEY,
  procedure_code text NOT NULL,
  procedure_name text NOT NULL,
  -- The procedure record as it was at submission: the check and its audit do not change when the
  -- procedure is re-ingested later.
  procedure_record jsonb NOT NULL,
  -- The receiving agency (cơ quan tiếp nhận): only its officers see the dossier.
  agency text NOT NULL,
  applicant jsonb NOT NULL,
  submitted_by text NOT NULL,
  submitted_by_role text NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'processing', 'checked', 'failed', 'accepted', 'additions_requested', 'rejected')),
  progress real NOT NULL DEFAULT 0,
  progress_message text,
  error_detail text,
  job_id text,
  -- "Today" of the validity checks (expiry, age): the submission date, so a re-run gives the same answer.
  reference_date date NOT NULL,
  result jsonb,
  checked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossiers_agency_idx ON dossiers (agency, created_at DESC);
CREATE INDEX dossiers_submitter_idx ON dossiers (submitted_by, created_at DESC);

CREATE TABLE dossier_files (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  sha256 text NOT NULL REFERENCES blobs (sha256),
  filename text NOT NULL,
  media_type text NOT NULL,
  format text NOT NULL,
  size_bytes bigint NOT NULL,
  UNIQUE (dossier_id, ordinal)
);
CREATE INDEX dossier_files_sha256_idx ON dossier_files (sha256);

-- One row per decision; the latest is the dossier's. The engine's recommendation at that moment is
-- kept beside it, so agreement between officers and the engine can be measured.
CREATE TABLE dossier_decisions (
  id bigserial PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  decision text NOT NULL CHECK (decision IN ('accept', 'request_additions', 'reject')),
  reason text,
  additions_request text,
  note text,
  recommended_decision text,
  decided_by text NOT NULL,
  decided_by_role text NOT NULL,
  agency text,
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_decisions_dossier_idx ON dossier_decisions (dossier_id, id);

-- Officers' corrections of what the engine read: labelled examples for the classifier and extractors.
CREATE TABLE dossier_corrections (
  id bigserial PRIMARY KEY,
  decision_id bigint NOT NULL REFERENCES dossier_decisions (id) ON DELETE CASCADE,
  dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  file_id uuid NOT NULL REFERENCES dossier_files (id) ON DELETE CASCADE,
  page integer,
  field text NOT NULL,
  extracted_value text,
  corrected_value text NOT NULL
);
CREATE INDEX dossier_corrections_dossier_idx ON dossier_corrections (dossier_id);
