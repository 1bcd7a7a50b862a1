-- accounts: people, their log-in identities, organisations, units,
-- memberships, sessions, password resets, log-in throttling, API tokens.
-- Times are whole seconds since the Unix epoch (UTC); booleans are 0/1.

CREATE TABLE accounts_persons (
  id @ID@,
  display_name TEXT NOT NULL,
  email TEXT,                      -- contact address, lower-cased; NULL once erased
  locale TEXT NOT NULL DEFAULT 'sv',
  platform_admin INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  disabled_at BIGINT,
  erased_at BIGINT
);
CREATE UNIQUE INDEX accounts_persons_email ON accounts_persons(email);

-- One row per way of logging in. Local e-mail + password uses issuer 'local'
-- and the lower-cased e-mail as subject; OpenID Connect and e-ID brokers add
-- rows with their issuer URL and subject, without changing this table.
CREATE TABLE accounts_identities (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES accounts_persons(id),
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_login_at BIGINT,
  UNIQUE (issuer, subject)
);
CREATE INDEX accounts_identities_person ON accounts_identities(person_id);

CREATE TABLE accounts_local_credentials (
  identity_id BIGINT PRIMARY KEY REFERENCES accounts_identities(id),
  password_hash TEXT NOT NULL,     -- argon2id, libsodium's encoded form
  updated_at BIGINT NOT NULL
);

CREATE TABLE accounts_organisations (
  id @ID@,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,       -- lower-cased in code (SQLite's lower() is ASCII only)
  slug TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,              -- kommun, region, myndighet, foretag, larosate, ideburen
  official_code TEXT,              -- kommunkod (4 digits) or länskod (2 digits)
  county_code TEXT,
  description TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX accounts_organisations_code ON accounts_organisations(kind, official_code);

CREATE TABLE accounts_units (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES accounts_organisations(id),
  parent_id BIGINT REFERENCES accounts_units(id),
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX accounts_units_org ON accounts_units(organisation_id);

CREATE TABLE accounts_memberships (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES accounts_persons(id),
  organisation_id BIGINT NOT NULL REFERENCES accounts_organisations(id),
  unit_id BIGINT REFERENCES accounts_units(id),
  role TEXT NOT NULL,              -- employee, coordinator, decision_maker, admin
  created_at BIGINT NOT NULL,
  UNIQUE (person_id, organisation_id, role)
);
CREATE INDEX accounts_memberships_org ON accounts_memberships(organisation_id);

-- Only a hash of the session token is stored; the token lives in the cookie.
CREATE TABLE accounts_sessions (
  id @ID@,
  token_hash TEXT NOT NULL UNIQUE,
  person_id BIGINT NOT NULL REFERENCES accounts_persons(id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX accounts_sessions_person ON accounts_sessions(person_id);

CREATE TABLE accounts_password_resets (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES accounts_persons(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

-- Failed log-ins, for throttling per account and per client address. The
-- key is 'account:<e-mail>' or 'address:<ip>'; rows older than the window
-- are deleted as new ones arrive.
CREATE TABLE accounts_login_failures (
  id @ID@,
  throttle_key TEXT NOT NULL,
  failed_at BIGINT NOT NULL
);
CREATE INDEX accounts_login_failures_key ON accounts_login_failures(throttle_key, failed_at);

-- Personal tokens belong to a person; service tokens to an organisation.
CREATE TABLE accounts_api_tokens (
  id @ID@,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  token_prefix TEXT NOT NULL,      -- first characters, to recognise a token in lists
  person_id BIGINT REFERENCES accounts_persons(id),
  organisation_id BIGINT REFERENCES accounts_organisations(id),
  scopes TEXT NOT NULL,            -- space-separated, e.g. 'read write'
  created_by BIGINT NOT NULL REFERENCES accounts_persons(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);

-- A person's request to join an organisation, decided by its admin.
CREATE TABLE accounts_membership_requests (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES accounts_persons(id),
  organisation_id BIGINT NOT NULL REFERENCES accounts_organisations(id),
  message TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'pending',   -- pending, approved, rejected
  created_at BIGINT NOT NULL,
  decided_at BIGINT,
  decided_by BIGINT REFERENCES accounts_persons(id)
);
CREATE INDEX accounts_membership_requests_org ON accounts_membership_requests(organisation_id, state);
