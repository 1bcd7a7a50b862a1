-- pilots: trials in a limited scope (försök), their plan of metrics, the
-- measurements and the decision that ends them. Times are whole seconds since
-- the Unix epoch (UTC); dates are ISO 'YYYY-MM-DD' text; booleans are 0/1.

CREATE TABLE pilots_pilots (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES accounts_organisations(id),
  idea_id BIGINT,                      -- the ideas module's id (no foreign key across modules)
  title TEXT NOT NULL,
  hypothesis TEXT NOT NULL DEFAULT '',
  geography TEXT NOT NULL DEFAULT '',
  target_group TEXT NOT NULL DEFAULT '',
  baseline_from TEXT NOT NULL DEFAULT '',  -- dated rows from here until starts_on are "before"
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  owner_id BIGINT NOT NULL REFERENCES accounts_persons(id),
  budget_sek BIGINT,
  risks TEXT NOT NULL DEFAULT '',
  legal_basis TEXT NOT NULL DEFAULT '',
  needs_exemption INTEGER NOT NULL DEFAULT 0,  -- exemption or experimental legislation needed
  design TEXT NOT NULL,                -- before-after | two-groups | did
  randomised INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL,                 -- planned | running | evaluating | decided
  published INTEGER NOT NULL DEFAULT 0,
  title_folded TEXT NOT NULL,          -- lower-cased in code for filtering
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX pilots_pilots_org ON pilots_pilots(organisation_id, state);

-- Units in scope: the organisation's own (organisation_unit_id) or free text.
CREATE TABLE pilots_units (
  id @ID@,
  pilot_id BIGINT NOT NULL REFERENCES pilots_pilots(id),
  name TEXT NOT NULL,
  grp TEXT NOT NULL,                   -- pilot | comparison
  organisation_unit_id BIGINT REFERENCES accounts_units(id),
  position INTEGER NOT NULL,
  UNIQUE (pilot_id, name)
);

CREATE TABLE pilots_participants (
  id @ID@,
  pilot_id BIGINT NOT NULL REFERENCES pilots_pilots(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,                  -- research_partner | supplier | other
  position INTEGER NOT NULL
);
CREATE INDEX pilots_participants_pilot ON pilots_participants(pilot_id);

CREATE TABLE pilots_metrics (
  id @ID@,
  pilot_id BIGINT NOT NULL REFERENCES pilots_pilots(id),
  name TEXT NOT NULL,
  unit_of_measure TEXT NOT NULL DEFAULT '',
  direction TEXT NOT NULL,             -- higher | lower (is better)
  measure TEXT NOT NULL,               -- mean | proportion | rank
  baseline DOUBLE PRECISION,
  target DOUBLE PRECISION,
  position INTEGER NOT NULL,
  UNIQUE (pilot_id, name)
);

CREATE TABLE pilots_measurements (
  id @ID@,
  pilot_id BIGINT NOT NULL REFERENCES pilots_pilots(id),
  metric_id BIGINT NOT NULL REFERENCES pilots_metrics(id),
  unit TEXT NOT NULL,
  grp TEXT NOT NULL,                   -- pilot | comparison
  period TEXT NOT NULL,                -- ISO date, or before | after
  phase TEXT NOT NULL,                 -- before | after (derived from period)
  value DOUBLE PRECISION NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (pilot_id, metric_id, unit, period)
);

CREATE TABLE pilots_decisions (
  pilot_id BIGINT PRIMARY KEY REFERENCES pilots_pilots(id),
  outcome TEXT NOT NULL,               -- scale_up | adjust | stop
  reasoning TEXT NOT NULL,
  lessons TEXT NOT NULL,
  decided_by BIGINT NOT NULL REFERENCES accounts_persons(id),
  decided_at BIGINT NOT NULL
);
