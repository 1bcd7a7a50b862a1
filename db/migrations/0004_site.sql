-- site: feedback on the accessibility of the platform (the accessibility
-- statement's feedback form, which works without logging in).
CREATE TABLE site_accessibility_feedback (
  id @ID@,
  page_url TEXT NOT NULL,
  message TEXT NOT NULL,
  contact TEXT NOT NULL DEFAULT '',   -- optional e-mail or phone of the sender
  created_at BIGINT NOT NULL,
  handled_at BIGINT
);
