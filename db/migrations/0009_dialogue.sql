-- dialogue: an organisation's dialogues (Polis-style opinion groups), their
-- statements, pseudonymous participants, every vote event, the current vote
-- per participant and statement, and the stored clustering results.
-- Times are whole seconds since the Unix epoch (UTC) unless named *_ms.

CREATE TABLE dialogue_dialogues (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES accounts_organisations(id),
  question TEXT NOT NULL,
  introduction TEXT NOT NULL DEFAULT '',
  opens_at BIGINT NOT NULL,
  closes_at BIGINT,                       -- NULL: open until someone closes it
  moderation TEXT NOT NULL,               -- 'pre' (new statements wait) or 'post'
  allow_anonymous INTEGER NOT NULL DEFAULT 0,
  allow_statements INTEGER NOT NULL DEFAULT 1,
  max_statement_chars INTEGER NOT NULL,
  live_seeding INTEGER NOT NULL DEFAULT 0, -- recompute from the previous result (Polis live)
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX dialogue_dialogues_org ON dialogue_dialogues(organisation_id);

-- The key of each dialogue's pseudonyms, apart from the rows it protects:
-- participants are stored as a keyed hash of who they are (a person or a
-- browser). Deleting a dialogue's key cuts every link to people for good.
CREATE TABLE dialogue_keys (
  dialogue_id BIGINT PRIMARY KEY REFERENCES dialogue_dialogues(id),
  pseudonym_key TEXT NOT NULL
);

CREATE TABLE dialogue_participants (
  id @ID@,
  dialogue_id BIGINT NOT NULL REFERENCES dialogue_dialogues(id),
  identity_hash TEXT NOT NULL,            -- keyed hash of 'person:<id>' or 'browser:<token>'
  created_at BIGINT NOT NULL,
  UNIQUE (dialogue_id, identity_hash)
);

-- state: pending (pre-moderation), accepted, rejected (moderated out).
CREATE TABLE dialogue_statements (
  id @ID@,
  dialogue_id BIGINT NOT NULL REFERENCES dialogue_dialogues(id),
  body TEXT NOT NULL,
  author_participant_id BIGINT REFERENCES dialogue_participants(id),
  is_seed INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  moderated_at BIGINT
);
CREATE INDEX dialogue_statements_dialogue ON dialogue_statements(dialogue_id, state, id);

-- Every vote ever cast (Polis exports carry the history): 1 agree,
-- -1 disagree, 0 pass, as in Polis's CSV exports.
CREATE TABLE dialogue_vote_events (
  id @ID@,
  dialogue_id BIGINT NOT NULL REFERENCES dialogue_dialogues(id),
  participant_id BIGINT NOT NULL REFERENCES dialogue_participants(id),
  statement_id BIGINT NOT NULL REFERENCES dialogue_statements(id),
  vote INTEGER NOT NULL CHECK (vote IN (-1, 0, 1)),
  created_at_ms BIGINT NOT NULL
);
CREATE INDEX dialogue_vote_events_dialogue ON dialogue_vote_events(dialogue_id, id);

-- The vote that counts: one row per participant and statement, upserted.
CREATE TABLE dialogue_votes (
  participant_id BIGINT NOT NULL REFERENCES dialogue_participants(id),
  statement_id BIGINT NOT NULL REFERENCES dialogue_statements(id),
  dialogue_id BIGINT NOT NULL REFERENCES dialogue_dialogues(id),
  vote INTEGER NOT NULL CHECK (vote IN (-1, 0, 1)),
  event_id BIGINT NOT NULL,
  PRIMARY KEY (participant_id, statement_id)
);
CREATE INDEX dialogue_votes_dialogue ON dialogue_votes(dialogue_id);

-- The latest clustering of a dialogue, and the number of vote events it saw.
CREATE TABLE dialogue_results (
  dialogue_id BIGINT PRIMARY KEY REFERENCES dialogue_dialogues(id),
  vote_count BIGINT NOT NULL,
  computed_at BIGINT NOT NULL,
  result TEXT NOT NULL                    -- JSON: the CLI's document plus the projection
);
