-- ideas: ideas from employees and citizens, each organisation's pipeline of
-- stages (every stage has a kind so that organisations compare whatever their
-- stage names), the history of every idea, attachments, per-organisation
-- settings and the registration numbers of submissions from outside.
-- Times are whole seconds since the Unix epoch (UTC); booleans are 0/1.
-- Multi-valued codes (beneficiaries, value types, SDGs, triggers) are stored
-- space-padded (" 3 11 ") so that one LIKE '% 3 %' filters on both engines.

CREATE TABLE ideas_settings (
  organisation_id BIGINT PRIMARY KEY REFERENCES accounts_organisations(id),
  template TEXT NOT NULL,                  -- idea_sluice | service_design
  feedback_days INTEGER NOT NULL,          -- the owner answers the submitter within this
  anonymous_allowed INTEGER NOT NULL,
  public_box_open INTEGER NOT NULL,        -- citizens may submit to /o/{slug}/
  retention_years INTEGER NOT NULL,        -- 0: public records are kept for ever
  updated_at BIGINT NOT NULL
);

CREATE TABLE ideas_stages (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES accounts_organisations(id),
  position INTEGER NOT NULL,
  stage_key TEXT NOT NULL,                 -- template key (names from the catalogue) or custom
  name TEXT NOT NULL,                      -- the organisation's own name (Swedish)
  kind TEXT NOT NULL,                      -- idea, assessment, test, implementation, spread, parked, closed
  UNIQUE (organisation_id, stage_key)
);
CREATE INDEX ideas_stages_org ON ideas_stages(organisation_id, position);

CREATE TABLE ideas_ideas (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES accounts_organisations(id),
  stage_id BIGINT NOT NULL REFERENCES ideas_stages(id),
  stage_kind TEXT NOT NULL,                -- copy of the stage's kind, for filters and counts
  stage_since BIGINT NOT NULL,
  title TEXT NOT NULL,
  need TEXT NOT NULL,
  need_who TEXT NOT NULL DEFAULT '',
  need_how_often TEXT NOT NULL DEFAULT '',
  need_cost TEXT NOT NULL DEFAULT '',
  solution TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',    -- markdown
  beneficiaries TEXT NOT NULL DEFAULT '',
  value_types TEXT NOT NULL DEFAULT '',
  value_estimate TEXT NOT NULL DEFAULT '',
  novelty TEXT NOT NULL DEFAULT '',        -- organisation | market | world
  origin TEXT NOT NULL DEFAULT '',         -- first | adapted | copy
  source_url TEXT NOT NULL DEFAULT '',
  step TEXT NOT NULL DEFAULT '',           -- incremental (stegvis) | radical (språng)
  idea_type TEXT NOT NULL DEFAULT '',      -- product | service | process | communication
  triggers TEXT NOT NULL DEFAULT '',
  area TEXT NOT NULL DEFAULT '',
  sdgs TEXT NOT NULL DEFAULT '',
  visibility TEXT NOT NULL,                -- organisation | public
  channel TEXT NOT NULL,                   -- staff | public_box
  anonymous INTEGER NOT NULL DEFAULT 0,
  submitter_id BIGINT REFERENCES accounts_persons(id),  -- NULL: sent without logging in
  owner_id BIGINT REFERENCES accounts_persons(id),
  registration_number TEXT,                -- 2026-0142, only for submissions from outside
  received_at BIGINT,
  feedback_due_at BIGINT,
  feedback_given_at BIGINT,
  unpublished_at BIGINT,
  culled_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX ideas_ideas_org_stage ON ideas_ideas(organisation_id, stage_id);
CREATE INDEX ideas_ideas_created ON ideas_ideas(created_at, id);
CREATE INDEX ideas_ideas_submitter ON ideas_ideas(submitter_id);
CREATE UNIQUE INDEX ideas_ideas_registration ON ideas_ideas(organisation_id, registration_number);

CREATE TABLE ideas_authors (
  idea_id BIGINT NOT NULL REFERENCES ideas_ideas(id),
  person_id BIGINT NOT NULL REFERENCES accounts_persons(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (idea_id, person_id)
);
CREATE INDEX ideas_authors_person ON ideas_authors(person_id);

-- Registration numbers per organisation and year without gaps: the counter
-- row is incremented in the submitting transaction, so a rollback returns the
-- number and concurrent submitters queue on the row.
CREATE TABLE ideas_registration_counters (
  organisation_id BIGINT NOT NULL REFERENCES accounts_organisations(id),
  year INTEGER NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (organisation_id, year)
);

-- The timeline of an idea: submitted, moved (with reason), feedback,
-- unpublished, culled. actor_name is kept as shown at the time.
CREATE TABLE ideas_events (
  id @ID@,
  idea_id BIGINT NOT NULL REFERENCES ideas_ideas(id),
  kind TEXT NOT NULL,
  from_stage_id BIGINT REFERENCES ideas_stages(id),
  to_stage_id BIGINT REFERENCES ideas_stages(id),
  actor_id BIGINT REFERENCES accounts_persons(id),
  actor_name TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  occurred_at BIGINT NOT NULL
);
CREATE INDEX ideas_events_idea ON ideas_events(idea_id, occurred_at, id);

CREATE TABLE ideas_attachments (
  id @ID@,
  idea_id BIGINT NOT NULL REFERENCES ideas_ideas(id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,              -- sniffed from the bytes, never the browser's claim
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by BIGINT REFERENCES accounts_persons(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX ideas_attachments_idea ON ideas_attachments(idea_id);
