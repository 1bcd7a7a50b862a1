#include "jobs/job_queue.h"

#include <soci/soci.h>

#include <algorithm>
#include <utility>

#include "db/row.h"

namespace nyttig::jobs {
namespace {

using db::Tx;

constexpr char kJobColumns[] =
    "SELECT id, kind, payload, dedupe_key, attempts, max_attempts, locked_by, locked_until, "
    "run_after, created_at FROM jobs_queue WHERE id = :id";

StatusOr<Job> JobFromRow(const soci::row& r) {
  Job job{.id = db::Int(r, 0),
          .kind = db::Text(r, 1),
          .payload = nullptr,
          .dedupe_key = db::OptText(r, 3),
          .attempts = static_cast<int>(db::Int(r, 4)),
          .max_attempts = static_cast<int>(db::Int(r, 5)),
          .locked_by = db::Text(r, 6),
          .locked_until = db::Int(r, 7),
          .run_after = db::Int(r, 8),
          .created_at = db::Int(r, 9)};
  try {
    job.payload = nlohmann::json::parse(db::Text(r, 2));
  } catch (const nlohmann::json::exception& e) {
    return InternalError("job " + std::to_string(job.id) + ": malformed payload: " + e.what());
  }
  return job;
}

StatusOr<Job> LoadJob(Tx& tx, long long id) {
  soci::row r;
  tx.sql() << kJobColumns, soci::use(id, "id"), soci::into(r);
  if (!tx.sql().got_data()) return InternalError("job " + std::to_string(id) + " vanished");
  return JobFromRow(r);
}

// A running job whose lease ran out on its last attempt will not be retried:
// its worker died (or hung) max_attempts times.
void FailExhaustedLeases(Tx& tx, UnixSeconds now) {
  long long at = now;
  tx.sql() << "UPDATE jobs_queue SET state = 'failed', finished_at = :at, locked_by = NULL, "
              "locked_until = NULL, last_error = 'lease ran out on the last attempt' "
              "WHERE state = 'running' AND locked_until < :now AND attempts >= max_attempts",
      soci::use(at, "at"), soci::use(at, "now");
}

// The id of the oldest due job, locked for this transaction. PostgreSQL may
// otherwise hand one row to several claimers; SKIP LOCKED lets each take a
// different one without waiting. SQLite's write lock already serialises.
std::optional<long long> PickDueJob(Tx& tx, UnixSeconds now, std::vector<std::string> kinds) {
  std::string sql =
      "SELECT id FROM jobs_queue WHERE ((state = 'pending' AND run_after <= :due) OR "
      "(state = 'running' AND locked_until < :expired AND attempts < max_attempts))";
  if (!kinds.empty()) {
    sql += " AND kind IN (";
    for (std::size_t kind_idx = 0; kind_idx < kinds.size(); ++kind_idx) {
      sql += (kind_idx == 0 ? ":k" : ", :k") + std::to_string(kind_idx);
    }
    sql += ")";
  }
  sql += " ORDER BY run_after, id LIMIT 1";
  if (tx.dialect() == db::Dialect::kPostgres) sql += " FOR UPDATE SKIP LOCKED";

  long long due = now;
  long long expired = now;
  long long id = 0;
  soci::statement st(tx.sql());
  st.exchange(soci::into(id));
  st.exchange(soci::use(due, "due"));
  st.exchange(soci::use(expired, "expired"));
  for (std::size_t kind_idx = 0; kind_idx < kinds.size(); ++kind_idx) {
    st.exchange(soci::use(kinds[kind_idx], "k" + std::to_string(kind_idx)));
  }
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  return id;
}

// What becomes of a claimed job.
struct Outcome {
  std::string state;
  std::optional<std::string> error;
  long long run_after = 0;
  std::optional<long long> finished_at;
};

// Records `outcome` only while the claim still holds; returns whether it
// did. The attempt number tells this claim from a later one by the same worker.
bool UpdateClaimed(Tx& tx, const Job& job, const Outcome& outcome) {
  long long id = job.id;
  std::string worker = job.locked_by;
  int attempts = job.attempts;
  std::string state = outcome.state;
  db::NullableText error(outcome.error);
  long long run_after = outcome.run_after;
  db::NullableInt finished(outcome.finished_at);
  long long updated = 0;
  tx.sql() << "UPDATE jobs_queue SET state = :s, last_error = :e, run_after = :r, "
              "finished_at = :f, locked_by = NULL, locked_until = NULL "
              "WHERE id = :id AND state = 'running' AND locked_by = :w AND attempts = :a "
              "RETURNING id",
      soci::use(state, "s"), soci::use(error.value, error.indicator, "e"),
      soci::use(run_after, "r"), soci::use(finished.value, finished.indicator, "f"),
      soci::use(id, "id"), soci::use(worker, "w"), soci::use(attempts, "a"), soci::into(updated);
  return tx.sql().got_data();
}

Status ClaimLost(const Job& job) {
  return FailedPreconditionError("job " + std::to_string(job.id) +
                                 ": the claim ran out and was taken over");
}

bool NewerPendingJobExists(Tx& tx, const Job& job) {
  if (!job.dedupe_key) return false;
  std::string key = *job.dedupe_key;
  long long other = 0;
  tx.sql() << "SELECT id FROM jobs_queue WHERE dedupe_key = :k AND state = 'pending'",
      soci::use(key, "k"), soci::into(other);
  return tx.sql().got_data();
}

}  // namespace

StatusOr<std::int64_t> JobQueue::Enqueue(Tx& tx, const std::string& kind,
                                         const nlohmann::json& payload,
                                         const EnqueueOptions& options) const {
  if (kind.empty()) return InvalidArgumentError("a job needs a kind");
  if (options.max_attempts < 1) return InvalidArgumentError("max_attempts must be at least 1");
  std::string payload_text;
  try {
    payload_text = payload.dump();
  } catch (const nlohmann::json::exception& e) {
    return InvalidArgumentError(std::string("job payload is not valid JSON: ") + e.what());
  }
  std::string kind_value = kind;
  db::NullableText dedupe(options.dedupe_key);
  long long created = clock_.Now();
  long long run_after = options.run_after.value_or(created);
  int max_attempts = options.max_attempts;
  long long id = 0;
  tx.sql() << "INSERT INTO jobs_queue(kind, payload, dedupe_key, run_after, attempts, "
              "max_attempts, created_at, state) VALUES (:k, :p, :d, :r, 0, :m, :c, 'pending') "
              "ON CONFLICT DO NOTHING RETURNING id",
      soci::use(kind_value, "k"), soci::use(payload_text, "p"),
      soci::use(dedupe.value, dedupe.indicator, "d"), soci::use(run_after, "r"),
      soci::use(max_attempts, "m"), soci::use(created, "c"), soci::into(id);
  if (tx.sql().got_data()) return static_cast<std::int64_t>(id);
  if (!options.dedupe_key) return InternalError("job insert was ignored without a dedupe key");
  tx.sql() << "SELECT id FROM jobs_queue WHERE dedupe_key = :d AND state = 'pending'",
      soci::use(dedupe.value, "d"), soci::into(id);
  if (!tx.sql().got_data()) return InternalError("pending job for the dedupe key vanished");
  return static_cast<std::int64_t>(id);
}

StatusOr<std::optional<Job>> JobQueue::Claim(const std::string& worker_id, int lease_seconds,
                                             const std::vector<std::string>& kinds) const {
  if (lease_seconds < 1) return InvalidArgumentError("lease_seconds must be at least 1");
  if (worker_id.empty()) return InvalidArgumentError("a claim needs a worker id");
  return db_.WriteValue<std::optional<Job>>([&](Tx& tx) -> StatusOr<std::optional<Job>> {
    const UnixSeconds now = clock_.Now();
    FailExhaustedLeases(tx, now);
    std::optional<long long> id = PickDueJob(tx, now, kinds);
    if (!id) return std::optional<Job>();
    std::string worker = worker_id;
    long long until = now + lease_seconds;
    tx.sql() << "UPDATE jobs_queue SET state = 'running', locked_by = :w, locked_until = :u, "
                "attempts = attempts + 1 WHERE id = :id",
        soci::use(worker, "w"), soci::use(until, "u"), soci::use(*id, "id");
    ASSIGN_OR_RETURN(Job job, LoadJob(tx, *id));
    return std::optional<Job>(std::move(job));
  });
}

Status JobQueue::Complete(const Job& job) const {
  return db_.Write([&](Tx& tx) -> Status {
    const Outcome done{.state = "done", .run_after = job.run_after, .finished_at = clock_.Now()};
    if (!UpdateClaimed(tx, job, done)) return ClaimLost(job);
    return Status::Ok();
  });
}

Status JobQueue::Fail(const Job& job, const std::string& error) const {
  return db_.Write([&](Tx& tx) -> Status {
    const UnixSeconds now = clock_.Now();
    Outcome outcome{
        .state = "pending", .error = error, .run_after = now + BackoffSeconds(job.attempts)};
    // A newer pending job with the same dedupe key will do this work; queueing
    // this one again would also break the one-pending-per-key index.
    if (job.attempts >= job.max_attempts || NewerPendingJobExists(tx, job)) {
      outcome = {.state = "failed", .error = error, .run_after = job.run_after, .finished_at = now};
    }
    if (!UpdateClaimed(tx, job, outcome)) return ClaimLost(job);
    return Status::Ok();
  });
}

StatusOr<std::vector<JobCount>> JobQueue::Stats() const {
  return db_.ReadValue<std::vector<JobCount>>([](Tx& tx) -> StatusOr<std::vector<JobCount>> {
    soci::rowset<soci::row> rows = (tx.sql().prepare << "SELECT kind, state, COUNT(*) FROM "
                                                        "jobs_queue GROUP BY kind, state "
                                                        "ORDER BY kind, state");
    std::vector<JobCount> counts;
    for (const soci::row& r : rows) {
      counts.push_back({.kind = db::Text(r, 0), .state = db::Text(r, 1), .count = db::Int(r, 2)});
    }
    return counts;
  });
}

UnixSeconds JobQueue::BackoffSeconds(int attempts) const {
  const int doublings = std::clamp(attempts - 1, 0, 30);
  const UnixSeconds delay = static_cast<UnixSeconds>(options_.backoff_base_seconds) << doublings;
  return std::min<UnixSeconds>(delay, options_.backoff_max_seconds);
}

}  // namespace nyttig::jobs
