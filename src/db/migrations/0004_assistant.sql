-- Citizen virtual assistant: conversations (memory for follow-ups), messages with their outcome
-- and citations (analytics), feedback per answer, and hand-over requests to an officer.
-- Message text is stored with personal data already redacted (Nghị định 13/2023).
CREATE TABLE chat_conversations (
  id uuid PRIMARY KEY,
  -- who opened it: `sub:<subject>` for a signed-in caller, `ip:<hash>` otherwise (never the raw address)
  client_key text NOT NULL,
  -- what the follow-ups resolve against: the procedure under discussion, a pending clarification
  state jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chat_messages (
  id uuid PRIMARY KEY,
  conversation_id uuid NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  role text NOT NULL CHECK (role IN ('user', 'assistant', 'officer')),
  content text NOT NULL,
  outcome text CHECK (outcome IN ('answered', 'needs_clarification', 'no_information', 'out_of_scope', 'personal_data_request', 'refused')),
  aspect text,
  citations jsonb NOT NULL DEFAULT '[]'::jsonb,
  composer text,
  latency_ms integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (conversation_id, ordinal)
);
CREATE INDEX chat_messages_outcome_idx ON chat_messages (outcome, created_at) WHERE role = 'assistant';

CREATE TABLE chat_feedback (
  message_id uuid PRIMARY KEY REFERENCES chat_messages (id) ON DELETE CASCADE,
  rating text NOT NULL CHECK (rating IN ('up', 'down')),
  comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chat_handovers (
  id uuid PRIMARY KEY,
  conversation_id uuid NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
  question text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
  answer text,
  answered_by text,
  agency text,
  created_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz
);
CREATE INDEX chat_handovers_status_idx ON chat_handovers (status, created_at);
