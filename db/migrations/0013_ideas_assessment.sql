-- ideas, assessment: each organisation's criteria (scale and relative
-- weight), the reviewers named for an idea, their reviews with one score per
-- criterion, and the legal checklist answered before the gate to test.
-- Times are whole seconds since the Unix epoch (UTC); booleans are 0/1.

CREATE TABLE ideas_criteria (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES accounts_organisations(id),
  position INTEGER NOT NULL,
  criterion_key TEXT NOT NULL,             -- novel, useful, feasible, lawful, cost_benefit or custom-N
  name TEXT NOT NULL,
  scale_min INTEGER NOT NULL,
  scale_max INTEGER NOT NULL,
  weight INTEGER NOT NULL,                 -- relative, 1..10
  archived INTEGER NOT NULL DEFAULT 0,     -- kept for old reviews, not offered for new ones
  UNIQUE (organisation_id, criterion_key)
);

CREATE TABLE ideas_reviewers (
  idea_id BIGINT NOT NULL REFERENCES ideas_ideas(id),
  person_id BIGINT NOT NULL REFERENCES accounts_persons(id),
  assigned_by BIGINT REFERENCES accounts_persons(id),
  assigned_at BIGINT NOT NULL,
  PRIMARY KEY (idea_id, person_id)
);
CREATE INDEX ideas_reviewers_person ON ideas_reviewers(person_id);

CREATE TABLE ideas_reviews (
  id @ID@,
  idea_id BIGINT NOT NULL REFERENCES ideas_ideas(id),
  reviewer_id BIGINT NOT NULL REFERENCES accounts_persons(id),
  comment TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (idea_id, reviewer_id)
);

CREATE TABLE ideas_review_scores (
  review_id BIGINT NOT NULL REFERENCES ideas_reviews(id),
  criterion_id BIGINT NOT NULL REFERENCES ideas_criteria(id),
  score INTEGER NOT NULL,
  PRIMARY KEY (review_id, criterion_id)
);

CREATE TABLE ideas_legal_answers (
  idea_id BIGINT NOT NULL REFERENCES ideas_ideas(id),
  question TEXT NOT NULL,                  -- personal_data, procurement, secrecy, delegation
  answer TEXT NOT NULL,                    -- yes, no, not_relevant
  note TEXT NOT NULL DEFAULT '',
  answered_by BIGINT REFERENCES accounts_persons(id),
  answered_at BIGINT NOT NULL,
  PRIMARY KEY (idea_id, question)
);
