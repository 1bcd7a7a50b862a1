-- knowledge: the document library (files, metadata, extracted transcripts,
-- related documents), cases (packaged experiences with versions and
-- results) and adoptions ("vi har infört detta" / "vi provar detta").
-- Times are whole seconds since the Unix epoch (UTC); dates people enter
-- (decision date, period, adoption date) are ISO 'YYYY-MM-DD' text.

CREATE TABLE knowledge_documents (
  id @ID@,
  organisation_id BIGINT REFERENCES accounts_organisations(id),  -- NULL: the shared library
  title TEXT NOT NULL,
  kind TEXT NOT NULL,              -- strategi, policy, program, plan, riktlinje, rapport, utvardering, yttrande
  decision_date TEXT,              -- YYYY-MM-DD
  decision_body TEXT NOT NULL DEFAULT '',
  diary_number TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'sv',
  source_name TEXT NOT NULL,       -- the file name it came with (or its path in an import)
  content_type TEXT NOT NULL,      -- sniffed, never taken from the name
  file_sha256 TEXT NOT NULL,       -- the original in the FileStore
  file_size BIGINT NOT NULL,
  page_count INTEGER NOT NULL DEFAULT 0,
  transcript TEXT NOT NULL,        -- plain text; lines starting with '#' are headings
  is_public INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES accounts_persons(id),
  created_at BIGINT NOT NULL
);
-- One copy of the same bytes per library: re-running an import skips them.
CREATE UNIQUE INDEX knowledge_documents_hash
  ON knowledge_documents(COALESCE(organisation_id, 0), file_sha256);
CREATE INDEX knowledge_documents_org ON knowledge_documents(organisation_id, id);

-- The most related documents of each document, recomputed for the library
-- after imports (rank 1 is the most related).
CREATE TABLE knowledge_document_related (
  document_id BIGINT NOT NULL REFERENCES knowledge_documents(id),
  rank INTEGER NOT NULL,
  related_id BIGINT NOT NULL REFERENCES knowledge_documents(id),
  score DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (document_id, rank)
);

CREATE TABLE knowledge_cases (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES accounts_organisations(id),
  idea_id BIGINT,                  -- the idea it grew from (ideas module), when any
  state TEXT NOT NULL,             -- draft, review, published
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  problem TEXT NOT NULL DEFAULT '',
  solution TEXT NOT NULL DEFAULT '',
  period_start TEXT,               -- YYYY-MM-DD
  period_end TEXT,
  costs TEXT NOT NULL DEFAULT '',
  effort TEXT NOT NULL DEFAULT '',
  hard_parts TEXT NOT NULL DEFAULT '',
  advice TEXT NOT NULL DEFAULT '',
  legal_notes TEXT NOT NULL DEFAULT '',
  contact_name TEXT NOT NULL DEFAULT '',
  contact_email TEXT NOT NULL DEFAULT '',
  area TEXT NOT NULL DEFAULT '',
  sdgs TEXT NOT NULL DEFAULT '',   -- comma-separated goal numbers 1-17
  tags TEXT NOT NULL DEFAULT '',   -- comma-separated
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES accounts_persons(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  published_at BIGINT
);
CREATE INDEX knowledge_cases_org ON knowledge_cases(organisation_id, state);
CREATE INDEX knowledge_cases_published ON knowledge_cases(state, published_at);

-- Results with numbers: before and after, with where the numbers come from.
CREATE TABLE knowledge_case_results (
  id @ID@,
  case_id BIGINT NOT NULL REFERENCES knowledge_cases(id),
  metric TEXT NOT NULL,
  before_value DOUBLE PRECISION,
  after_value DOUBLE PRECISION,
  unit TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT ''
);
CREATE INDEX knowledge_case_results_case ON knowledge_case_results(case_id);

-- Every saved version of a case, as the JSON of its fields.
CREATE TABLE knowledge_case_versions (
  id @ID@,
  case_id BIGINT NOT NULL REFERENCES knowledge_cases(id),
  version INTEGER NOT NULL,
  content TEXT NOT NULL,
  edited_by BIGINT REFERENCES accounts_persons(id),
  edited_at BIGINT NOT NULL,
  UNIQUE (case_id, version)
);

CREATE TABLE knowledge_case_documents (
  case_id BIGINT NOT NULL REFERENCES knowledge_cases(id),
  document_id BIGINT NOT NULL REFERENCES knowledge_documents(id),
  PRIMARY KEY (case_id, document_id)
);

CREATE TABLE knowledge_adoptions (
  id @ID@,
  case_id BIGINT NOT NULL REFERENCES knowledge_cases(id),
  organisation_id BIGINT NOT NULL REFERENCES accounts_organisations(id),
  status TEXT NOT NULL,            -- adopted ("vi har infört detta"), trying ("vi provar detta")
  adopted_on TEXT NOT NULL,        -- YYYY-MM-DD
  scope TEXT NOT NULL DEFAULT '',
  adaptation TEXT NOT NULL,        -- adapted, copied
  idea_id BIGINT,                  -- the adopter's own idea or pilot, when any
  pilot_id BIGINT,
  results TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES accounts_persons(id),
  created_at BIGINT NOT NULL,
  withdrawn_at BIGINT
);
-- An organisation adopts a case once; a withdrawn adoption may be recorded anew.
CREATE UNIQUE INDEX knowledge_adoptions_once
  ON knowledge_adoptions(case_id, organisation_id) WHERE withdrawn_at IS NULL;
CREATE INDEX knowledge_adoptions_org ON knowledge_adoptions(organisation_id);
