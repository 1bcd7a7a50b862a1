-- audit: an append-only log, hash-chained per organisation (organisation 0 is
-- the platform's own chain), so writers of different organisations never
-- wait for each other. Chain entries name actors only by pseudonym; personal
-- data sits in audit_personal, which can be erased without breaking a chain.
-- The hash format is documented in src/audit/entry_hash.h.

-- The only link from a chain's pseudonyms to people. Erasing a person sets
-- person_id to NULL; the pseudonym stays in the chain, unlinked.
CREATE TABLE audit_actors (
  pseudonym TEXT PRIMARY KEY,      -- random hex; never derived from the person
  person_id BIGINT UNIQUE,         -- NULL once erased
  created_at BIGINT NOT NULL
);

CREATE TABLE audit_entries (
  id @ID@,
  chain_id BIGINT NOT NULL,        -- organisation id, 0 for the platform
  seq BIGINT NOT NULL,             -- 1, 2, 3 … within the chain
  occurred_at BIGINT NOT NULL,
  actor TEXT NOT NULL,             -- pseudonym, or 'system' / 'anonymous'
  actor_role TEXT NOT NULL,
  action TEXT NOT NULL,            -- e.g. 'account.login', 'membership.grant'
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  details TEXT NOT NULL,           -- canonical JSON object, never tokens or passwords
  prev_hash TEXT NOT NULL,         -- hex SHA-256 of the previous entry, 64 zeros for seq 1
  entry_hash TEXT NOT NULL,
  UNIQUE (chain_id, seq)
);
-- Erasing a person finds their entries' personal rows through the pseudonym.
CREATE INDEX audit_entries_actor ON audit_entries(actor);

-- The newest entry of each chain. Appenders lock this row (PostgreSQL:
-- SELECT … FOR UPDATE), which serialises writers of one chain only.
CREATE TABLE audit_heads (
  chain_id BIGINT PRIMARY KEY,
  seq BIGINT NOT NULL,             -- 0 before the first entry
  entry_hash TEXT NOT NULL
);

-- Heads published at intervals (also written to the log); deleting the newest
-- entries shows against them.
CREATE TABLE audit_published_heads (
  id @ID@,
  chain_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  entry_hash TEXT NOT NULL,
  published_at BIGINT NOT NULL
);
CREATE INDEX audit_published_heads_chain ON audit_published_heads(chain_id, seq);

-- Personal data of an entry, outside the hash: erased on request or when
-- erase_after has passed (retention limit).
CREATE TABLE audit_personal (
  entry_id BIGINT PRIMARY KEY REFERENCES audit_entries(id),
  client_address TEXT,
  user_agent TEXT,
  erase_after BIGINT NOT NULL
);
CREATE INDEX audit_personal_erase_after ON audit_personal(erase_after);
