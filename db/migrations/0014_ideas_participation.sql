-- ideas, participation: comments threaded one level (editable by their
-- author for a while, hidden by coordinators with a reason, never deleted),
-- reports of abuse, supports (one per person), follows, and the record of a
-- duplicate merged into its original.
-- Times are whole seconds since the Unix epoch (UTC).

CREATE TABLE ideas_comments (
  id @ID@,
  idea_id BIGINT NOT NULL REFERENCES ideas_ideas(id),
  parent_id BIGINT REFERENCES ideas_comments(id),   -- NULL: a top-level comment
  author_id BIGINT NOT NULL REFERENCES accounts_persons(id),
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  edited_at BIGINT,
  hidden_at BIGINT,
  hidden_by BIGINT REFERENCES accounts_persons(id),
  hidden_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ideas_comments_idea ON ideas_comments(idea_id, created_at, id);

CREATE TABLE ideas_comment_reports (
  id @ID@,
  comment_id BIGINT NOT NULL REFERENCES ideas_comments(id),
  reporter_id BIGINT NOT NULL REFERENCES accounts_persons(id),
  reason TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (comment_id, reporter_id)
);

CREATE TABLE ideas_supports (
  idea_id BIGINT NOT NULL REFERENCES ideas_ideas(id),
  person_id BIGINT NOT NULL REFERENCES accounts_persons(id),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (idea_id, person_id)
);

CREATE TABLE ideas_follows (
  idea_id BIGINT NOT NULL REFERENCES ideas_ideas(id),
  person_id BIGINT NOT NULL REFERENCES accounts_persons(id),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (idea_id, person_id)
);
CREATE INDEX ideas_follows_person ON ideas_follows(person_id);

-- A duplicate points to its original; its row, history and supports stay.
CREATE TABLE ideas_merges (
  duplicate_id BIGINT PRIMARY KEY REFERENCES ideas_ideas(id),
  original_id BIGINT NOT NULL REFERENCES ideas_ideas(id),
  merged_by BIGINT REFERENCES accounts_persons(id),
  reason TEXT NOT NULL DEFAULT '',
  merged_at BIGINT NOT NULL
);
CREATE INDEX ideas_merges_original ON ideas_merges(original_id);
