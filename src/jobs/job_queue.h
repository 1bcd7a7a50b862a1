// JobQueue: background work kept in the database (`jobs_queue`), so that any
// `nyttig serve` instance may pick it up and none holds it in memory.
//
//   JobQueue queue(db, clock);
//   db.Write([&](db::Tx& tx) -> Status {
//     // ... the change that makes the work necessary ...
//     return queue.Enqueue(tx, "dialogue.recompute", {{"dialogue_id", 7}},
//                          {.dedupe_key = "dialogue.recompute:7"}).status();
//   });
//   // A worker (see worker.h) then does, outside any transaction:
//   ASSIGN_OR_RETURN(std::optional<Job> job, queue.Claim("host-1:42", 300, {}));
//   if (job) { ...; RETURN_IF_ERROR(queue.Complete(*job)); }
//
// A claim is a lease: the job is `running` for `lease_seconds`; when the
// lease runs out (the worker died) the job is claimable again. PostgreSQL
// claimers skip each other's rows (FOR UPDATE SKIP LOCKED); on SQLite the
// write transaction (BEGIN IMMEDIATE) serialises them.
//
// Thread-safety: holds no state but its references; share freely. The
// Database and Clock must outlive it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"

namespace nyttig::jobs {

inline constexpr int kDefaultMaxAttempts = 5;

struct EnqueueOptions {
  // At most one pending job per key: enqueueing again while the first is
  // still pending returns the first one's id. Once it runs, a new job is
  // queued (the work may need doing again with newer data).
  std::optional<std::string> dedupe_key;
  std::optional<UnixSeconds> run_after;    // default: now
  int max_attempts = kDefaultMaxAttempts;  // claims before the job is failed
};

struct JobQueueOptions {
  int backoff_base_seconds = 30;   // seconds; delay after the first failure
  int backoff_max_seconds = 3600;  // seconds; the delay doubles up to this
};

// A claimed job, as the handler sees it.
struct Job {
  std::int64_t id = 0;
  std::string kind;
  nlohmann::json payload;
  std::optional<std::string> dedupe_key;
  int attempts = 0;  // including this claim
  int max_attempts = 0;
  std::string locked_by;
  UnixSeconds locked_until = 0;
  UnixSeconds run_after = 0;
  UnixSeconds created_at = 0;
};

// Number of jobs of one kind in one state (for /metrics).
struct JobCount {
  std::string kind;
  std::string state;  // pending, running, done, failed
  std::int64_t count = 0;
};

class JobQueue {
 public:
  JobQueue(db::Database& db, const Clock& clock, JobQueueOptions options = {})
      : db_(db), clock_(clock), options_(options) {}
  JobQueue(const JobQueue&) = delete;
  JobQueue& operator=(const JobQueue&) = delete;

  // Queues a job inside the caller's transaction (it vanishes if that rolls
  // back); returns its id, or the id of the pending job with the same
  // dedupe_key. Fails with kInvalidArgument for an empty kind or
  // max_attempts < 1, and with the database's error otherwise.
  StatusOr<std::int64_t> Enqueue(db::Tx& tx, const std::string& kind, const nlohmann::json& payload,
                                 const EnqueueOptions& options = {}) const;

  // Claims the oldest due job of one of `kinds` (any kind when empty) for
  // `worker_id` until now + lease_seconds, in its own transaction. Due: a
  // pending job whose run_after has come, or a running job whose lease has
  // run out. Returns nullopt when nothing is due. Jobs whose lease ran out
  // on their last attempt are marked failed instead. Fails with
  // kInvalidArgument for lease_seconds < 1, kUnavailable when the database
  // is busy or gone, kInternal for a malformed stored payload.
  StatusOr<std::optional<Job>> Claim(const std::string& worker_id, int lease_seconds,
                                     const std::vector<std::string>& kinds) const;

  // Marks a claimed job done. Fails with kFailedPrecondition when the claim
  // is no longer held (the lease ran out and another worker took the job).
  Status Complete(const Job& job) const;

  // Records `error` for a claimed job; queues it again after an exponential
  // backoff (backoff_base_seconds · 2^(attempts−1), at most
  // backoff_max_seconds), or marks it failed once attempts reach
  // max_attempts (or when a newer pending job with the same dedupe_key has
  // taken over). Fails with kFailedPrecondition when the claim is lost, and
  // with kAlreadyExists in the rare race where a job with the same dedupe
  // key is enqueued at the same moment (the job is retried once its lease
  // runs out).
  Status Fail(const Job& job, const std::string& error) const;

  // Job counts by kind and state, ordered by kind then state.
  StatusOr<std::vector<JobCount>> Stats() const;

 private:
  UnixSeconds BackoffSeconds(int attempts) const;

  db::Database& db_;
  const Clock& clock_;
  JobQueueOptions options_;
};

}  // namespace nyttig::jobs
