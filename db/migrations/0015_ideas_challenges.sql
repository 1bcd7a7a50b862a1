-- ideas, challenges (utmaningar, innovationstävlingar): a question asked by
-- one organisation or several together for a period, with criteria; ideas
-- submitted to it carry its id; after closing the hosts publish results.
-- Times are whole seconds since the Unix epoch (UTC).

CREATE TABLE ideas_challenges (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES accounts_organisations(id),  -- the lead host
  title TEXT NOT NULL,
  question TEXT NOT NULL,                  -- "Hur kan vi …?"
  description TEXT NOT NULL DEFAULT '',    -- markdown
  target_group TEXT NOT NULL DEFAULT '',
  audience TEXT NOT NULL,                  -- staff | public
  opens_at BIGINT NOT NULL,
  closes_at BIGINT NOT NULL,               -- exclusive
  published_at BIGINT,                     -- NULL: a draft only its hosts' coordinators see
  results TEXT NOT NULL DEFAULT '',        -- markdown
  results_published_at BIGINT,
  created_by BIGINT REFERENCES accounts_persons(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX ideas_challenges_closes ON ideas_challenges(closes_at, id);

-- The lead (is_lead = 1, accepted at creation) and invited co-hosts, who
-- count once a coordinator of theirs has accepted.
CREATE TABLE ideas_challenge_hosts (
  challenge_id BIGINT NOT NULL REFERENCES ideas_challenges(id),
  organisation_id BIGINT NOT NULL REFERENCES accounts_organisations(id),
  is_lead INTEGER NOT NULL DEFAULT 0,
  accepted_at BIGINT,
  accepted_by BIGINT REFERENCES accounts_persons(id),
  PRIMARY KEY (challenge_id, organisation_id)
);
CREATE INDEX ideas_challenge_hosts_org ON ideas_challenge_hosts(organisation_id, challenge_id);

CREATE TABLE ideas_challenge_criteria (
  challenge_id BIGINT NOT NULL REFERENCES ideas_challenges(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (challenge_id, position)
);

CREATE TABLE ideas_challenge_awards (
  challenge_id BIGINT NOT NULL REFERENCES ideas_challenges(id),
  idea_id BIGINT NOT NULL REFERENCES ideas_ideas(id),
  position INTEGER NOT NULL,               -- 1 first
  title TEXT NOT NULL,
  motivation TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (challenge_id, idea_id)
);

ALTER TABLE ideas_ideas ADD COLUMN challenge_id BIGINT REFERENCES ideas_challenges(id);
CREATE INDEX ideas_ideas_challenge ON ideas_ideas(challenge_id, created_at);
