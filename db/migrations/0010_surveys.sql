-- surveys: questionnaires owned by an organisation, their questions and
-- options, responses with their answers, and in-progress answers of the page
-- flow. Times are whole seconds since the Unix epoch (UTC); booleans are 0/1.
-- Texts people read are stored in Swedish (_sv) and English (_en, '' = use
-- the Swedish).

CREATE TABLE surveys_surveys (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES accounts_organisations(id),
  title_sv TEXT NOT NULL,
  title_en TEXT NOT NULL DEFAULT '',
  introduction_sv TEXT NOT NULL DEFAULT '',
  introduction_en TEXT NOT NULL DEFAULT '',
  audience TEXT NOT NULL,          -- citizens | staff
  access TEXT NOT NULL,            -- anonymous_link | logged_in
  state TEXT NOT NULL,             -- draft | open | closed
  opens_at BIGINT,
  closes_at BIGINT,
  context_kind TEXT,               -- e.g. 'pilot'; NULL when standalone
  context_id BIGINT,
  created_by BIGINT REFERENCES accounts_persons(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX surveys_surveys_org ON surveys_surveys(organisation_id, id);
CREATE INDEX surveys_surveys_context ON surveys_surveys(context_kind, context_id);

CREATE TABLE surveys_questions (
  id @ID@,
  survey_id BIGINT NOT NULL REFERENCES surveys_surveys(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,              -- likert | single_choice | multiple_choice | number | free_text
  required INTEGER NOT NULL,
  text_sv TEXT NOT NULL,
  text_en TEXT NOT NULL DEFAULT '',
  help_sv TEXT NOT NULL DEFAULT '',
  help_en TEXT NOT NULL DEFAULT '',
  low_label_sv TEXT NOT NULL DEFAULT '',
  low_label_en TEXT NOT NULL DEFAULT '',
  high_label_sv TEXT NOT NULL DEFAULT '',
  high_label_en TEXT NOT NULL DEFAULT '',
  min_value DOUBLE PRECISION,
  max_value DOUBLE PRECISION,
  max_chars INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX surveys_questions_survey ON surveys_questions(survey_id, position);

CREATE TABLE surveys_options (
  id @ID@,
  question_id BIGINT NOT NULL REFERENCES surveys_questions(id),
  position INTEGER NOT NULL,
  label_sv TEXT NOT NULL,
  label_en TEXT NOT NULL DEFAULT ''
);
CREATE INDEX surveys_options_question ON surveys_options(question_id, position);

-- One row per response. person_id is set for logged-in surveys (one response
-- per person, enforced by the unique index; NULLs do not collide on either
-- engine). browser_key is the SHA-256 of the answering browser's guard
-- cookie for link surveys: it stops the same browser answering twice, not a
-- person who clears cookies.
CREATE TABLE surveys_responses (
  id @ID@,
  survey_id BIGINT NOT NULL REFERENCES surveys_surveys(id),
  person_id BIGINT REFERENCES accounts_persons(id),
  browser_key TEXT,
  submitted_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX surveys_responses_person ON surveys_responses(survey_id, person_id);
CREATE UNIQUE INDEX surveys_responses_browser ON surveys_responses(survey_id, browser_key);

-- One row per answered question; a multiple-choice answer has one row per
-- chosen option.
CREATE TABLE surveys_answers (
  response_id BIGINT NOT NULL REFERENCES surveys_responses(id),
  question_id BIGINT NOT NULL REFERENCES surveys_questions(id),
  option_id BIGINT REFERENCES surveys_options(id),
  number_value DOUBLE PRECISION,
  text_value TEXT
);
CREATE INDEX surveys_answers_response ON surveys_answers(response_id);
CREATE INDEX surveys_answers_question ON surveys_answers(question_id);

-- Answers typed so far in the page flow, as JSON, under the SHA-256 of the
-- browser's token; deleted when the response is sent.
CREATE TABLE surveys_drafts (
  survey_id BIGINT NOT NULL REFERENCES surveys_surveys(id),
  token_hash TEXT NOT NULL,
  answers TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (survey_id, token_hash)
);
