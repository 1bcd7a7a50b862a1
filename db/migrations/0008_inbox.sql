-- inbox: notifications to one person (an idea moved, feedback arrived …),
-- written by any module inside its own transaction. The text is a catalogue
-- key with arguments, so it reads in the person's current language.
CREATE TABLE inbox_notifications (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES accounts_persons(id),
  kind TEXT NOT NULL,                      -- e.g. idea.moved, idea.feedback
  text_key TEXT NOT NULL,
  args TEXT NOT NULL DEFAULT '{}',         -- JSON object of placeholder values
  link TEXT NOT NULL DEFAULT '',           -- a path on this site, e.g. /ideas/42
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
CREATE INDEX inbox_notifications_person ON inbox_notifications(person_id, created_at, id);
