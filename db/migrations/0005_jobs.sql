-- jobs: background work (clustering recomputation, mail, document ingestion)
-- that any instance may claim. A claim is a lease: `locked_by` holds the
-- worker until `locked_until`; a lease that runs out is claimable again.
-- state: pending → running → done, or back to pending with a later
-- run_after (retry with backoff), or failed after max_attempts.
CREATE TABLE jobs_queue (
  id @ID@,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,           -- JSON
  dedupe_key TEXT,                 -- at most one pending job per key
  run_after BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  locked_by TEXT,
  locked_until BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  finished_at BIGINT,
  state TEXT NOT NULL DEFAULT 'pending'  -- pending, running, done, failed
);
CREATE UNIQUE INDEX jobs_queue_dedupe ON jobs_queue(dedupe_key) WHERE state = 'pending';
CREATE INDEX jobs_queue_ready ON jobs_queue(state, run_after, id);
