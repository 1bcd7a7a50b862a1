-- mail: messages waiting to be sent (the outbox). A sender process or an
-- operator's relay picks them up; in development they are also logged.
CREATE TABLE mail_outbox (
  id @ID@,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
CREATE INDEX mail_outbox_pending ON mail_outbox(sent_at, id);
