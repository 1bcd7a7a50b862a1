#include "jobs/job_queue.h"

#include <soci/soci.h>

#include <chrono>
#include <memory>
#include <string>

#include "support/test_database.h"

namespace nyttig::jobs {
namespace {

using namespace std::chrono_literals;
using testing::EngineTest;

class JobQueueTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    queue_ = std::make_unique<JobQueue>(
        db(), clock_, JobQueueOptions{.backoff_base_seconds = 10, .backoff_max_seconds = 25});
  }
  StatusOr<std::int64_t> Enqueue(const std::string& kind, const EnqueueOptions& options = {}) {
    return db().WriteValue<std::int64_t>([&](db::Tx& tx) {
      return queue_->Enqueue(tx, kind, {{"dialogue_id", 7}}, options);
    });
  }
  std::optional<Job> Claim(const std::string& worker = "w1") {
    StatusOr<std::optional<Job>> job = queue_->Claim(worker, 60, {});
    EXPECT_TRUE(job.ok()) << job.status().ToString();
    return job.ok() ? *job : std::nullopt;
  }
  std::string StateOf(std::int64_t id) {
    std::string state;
    long long job_id = id;
    EXPECT_TRUE(db().Read([&](db::Tx& tx) {
                      tx.sql() << "SELECT state FROM jobs_queue WHERE id = :id", soci::use(job_id),
                          soci::into(state);
                      return Status::Ok();
                    })
                    .ok());
    return state;
  }

  std::unique_ptr<JobQueue> queue_;
};

TEST_P(JobQueueTest, ClaimsAndCompletesAnEnqueuedJob) {
  StatusOr<std::int64_t> id = Enqueue("dialogue.recompute");
  ASSERT_TRUE(id.ok()) << id.status().ToString();

  std::optional<Job> job = Claim("w1");
  ASSERT_TRUE(job.has_value());
  EXPECT_EQ(job->id, *id);
  EXPECT_EQ(job->kind, "dialogue.recompute");
  EXPECT_EQ(job->payload["dialogue_id"], 7);
  EXPECT_EQ(job->attempts, 1);
  EXPECT_EQ(job->locked_by, "w1");
  EXPECT_EQ(job->locked_until, clock_.Now() + 60);
  EXPECT_EQ(StateOf(*id), "running");
  EXPECT_FALSE(Claim("w2").has_value());

  ASSERT_TRUE(queue_->Complete(*job).ok());
  EXPECT_EQ(StateOf(*id), "done");
  EXPECT_FALSE(Claim("w2").has_value());
}

TEST_P(JobQueueTest, ClaimsOnlyTheRequestedKinds) {
  ASSERT_TRUE(Enqueue("mail.send").ok());
  StatusOr<std::optional<Job>> none = queue_->Claim("w1", 60, {"dialogue.recompute", "x"});
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_FALSE(none->has_value());
  StatusOr<std::optional<Job>> mail = queue_->Claim("w1", 60, {"x", "mail.send"});
  ASSERT_TRUE(mail.ok() && mail->has_value());
  EXPECT_EQ((*mail)->kind, "mail.send");
}

TEST_P(JobQueueTest, DedupeKeyQueuesOnceWhilePendingAndAgainOnceRunning) {
  const EnqueueOptions once{.dedupe_key = "dialogue.recompute:7"};
  StatusOr<std::int64_t> first = Enqueue("dialogue.recompute", once);
  StatusOr<std::int64_t> again = Enqueue("dialogue.recompute", once);
  ASSERT_TRUE(first.ok() && again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, *first);

  std::optional<Job> job = Claim();
  ASSERT_TRUE(job.has_value());
  StatusOr<std::int64_t> while_running = Enqueue("dialogue.recompute", once);
  ASSERT_TRUE(while_running.ok());
  EXPECT_NE(*while_running, *first);

  ASSERT_TRUE(queue_->Complete(*job).ok());
  StatusOr<std::int64_t> after_done = Enqueue("dialogue.recompute", once);
  ASSERT_TRUE(after_done.ok());
  EXPECT_EQ(*after_done, *while_running);  // the second one is still pending
}

TEST_P(JobQueueTest, AFailedJobGivesWayToANewerPendingJobWithItsDedupeKey) {
  const EnqueueOptions once{.dedupe_key = "dialogue.recompute:7"};
  StatusOr<std::int64_t> first = Enqueue("dialogue.recompute", once);
  ASSERT_TRUE(first.ok());
  std::optional<Job> job = Claim();
  ASSERT_TRUE(job.has_value());
  StatusOr<std::int64_t> newer = Enqueue("dialogue.recompute", once);
  ASSERT_TRUE(newer.ok());

  ASSERT_TRUE(queue_->Fail(*job, "out of memory").ok());
  EXPECT_EQ(StateOf(*first), "failed");
  EXPECT_EQ(StateOf(*newer), "pending");
}

TEST_P(JobQueueTest, WaitsForRunAfter) {
  ASSERT_TRUE(Enqueue("mail.send", {.run_after = clock_.Now() + 3600}).ok());
  EXPECT_FALSE(Claim().has_value());
  clock_.Advance(3599s);
  EXPECT_FALSE(Claim().has_value());
  clock_.Advance(1s);
  EXPECT_TRUE(Claim().has_value());
}

TEST_P(JobQueueTest, RetriesWithExponentialBackoffThenFails) {
  StatusOr<std::int64_t> id = Enqueue("mail.send", {.max_attempts = 4});
  ASSERT_TRUE(id.ok());
  // Backoff 10 s, 20 s, then capped at 25 s; the fourth failure is final.
  for (const int delay : {10, 20, 25}) {
    std::optional<Job> job = Claim();
    ASSERT_TRUE(job.has_value()) << "delay " << delay;
    ASSERT_TRUE(queue_->Fail(*job, "smtp down").ok());
    EXPECT_EQ(StateOf(*id), "pending");
    clock_.Advance(std::chrono::seconds(delay - 1));
    EXPECT_FALSE(Claim().has_value()) << "claimed before its backoff of " << delay << " s";
    clock_.Advance(1s);
  }
  std::optional<Job> last = Claim();
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->attempts, 4);
  ASSERT_TRUE(queue_->Fail(*last, "smtp down").ok());
  EXPECT_EQ(StateOf(*id), "failed");
  clock_.Advance(24h);
  EXPECT_FALSE(Claim().has_value());
}

TEST_P(JobQueueTest, ReclaimsAJobWhoseLeaseRanOut) {
  ASSERT_TRUE(Enqueue("mail.send").ok());
  std::optional<Job> first = Claim("crashed");
  ASSERT_TRUE(first.has_value());
  clock_.Advance(60s);
  EXPECT_FALSE(Claim("w2").has_value());  // the lease holds until its last second
  clock_.Advance(1s);
  std::optional<Job> second = Claim("w2");
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->id, first->id);
  EXPECT_EQ(second->attempts, 2);

  EXPECT_EQ(queue_->Complete(*first).code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(queue_->Complete(*second).ok());
}

TEST_P(JobQueueTest, FailsAJobWhoseLeaseRanOutOnItsLastAttempt) {
  StatusOr<std::int64_t> id = Enqueue("mail.send", {.max_attempts = 1});
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(Claim("crashed").has_value());
  clock_.Advance(61s);
  EXPECT_FALSE(Claim("w2").has_value());
  EXPECT_EQ(StateOf(*id), "failed");
}

TEST_P(JobQueueTest, EnqueueRolledBackWithTheCallersTransactionLeavesNoJob) {
  Status s = db().Write([&](db::Tx& tx) -> Status {
    RETURN_IF_ERROR(queue_->Enqueue(tx, "mail.send", nlohmann::json::object()).status());
    return InvalidArgumentError("the caller's change failed");
  });
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(Claim().has_value());
  StatusOr<std::vector<JobCount>> stats = queue_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_TRUE(stats->empty());
}

TEST_P(JobQueueTest, StatsCountsByKindAndState) {
  ASSERT_TRUE(Enqueue("mail.send").ok());
  ASSERT_TRUE(Enqueue("mail.send").ok());
  ASSERT_TRUE(Enqueue("dialogue.recompute").ok());
  std::optional<Job> job = Claim();  // the oldest: the first mail
  ASSERT_TRUE(job.has_value());

  StatusOr<std::vector<JobCount>> stats = queue_->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  ASSERT_EQ(stats->size(), 3u);
  EXPECT_EQ((*stats)[0].kind, "dialogue.recompute");
  EXPECT_EQ((*stats)[0].count, 1);
  EXPECT_EQ((*stats)[1].state, "pending");
  EXPECT_EQ((*stats)[1].count, 1);
  EXPECT_EQ((*stats)[2].state, "running");
  EXPECT_EQ((*stats)[2].count, 1);
}

TEST_P(JobQueueTest, RejectsInvalidArguments) {
  EXPECT_EQ(Enqueue("").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Enqueue("x", {.max_attempts = 0}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(queue_->Claim("w1", 0, {}).status().code(), StatusCode::kInvalidArgument);
}

NYTTIG_INSTANTIATE_ENGINES(JobQueueTest);

}  // namespace
}  // namespace nyttig::jobs
