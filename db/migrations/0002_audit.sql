-- audit: an append-only log, hash-chained per organisation (organisation 0 is
-- the platform's own chain), so writers of different organisations never
-- wait for each other. Chain entries name actors only by pseudonym; personal
-- data sits in audit_personal, which can be erased without breaking a chain.

CREATE TABLE audit_actors (
  pseudonym TEXT PRIMARY KEY,      -- random; the link to a person can be erased
  person_id BIGINT UNIQUE,
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
  details TEXT NOT NULL,           -- JSON object, never tokens or passwords
  prev_hash TEXT NOT NULL,
  entry_hash TEXT NOT NULL,
  UNIQUE (chain_id, seq)
);

CREATE TABLE audit_heads (
  chain_id BIGINT PRIMARY KEY,
  seq BIGINT NOT NULL,
  entry_hash TEXT NOT NULL
);

-- Heads published at intervals; deleting the newest entries shows against them.
CREATE TABLE audit_published_heads (
  id @ID@,
  chain_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  entry_hash TEXT NOT NULL,
  published_at BIGINT NOT NULL
);
CREATE INDEX audit_published_heads_chain ON audit_published_heads(chain_id, seq);

CREATE TABLE audit_personal (
  entry_id BIGINT PRIMARY KEY REFERENCES audit_entries(id),
  client_address TEXT,
  user_agent TEXT,
  erase_after BIGINT NOT NULL
);
