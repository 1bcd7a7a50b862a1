#include <algorithm>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "jobs/job_queue.h"
#include "support/test_database.h"

namespace nyttig::jobs {
namespace {

using testing::EngineTest;

constexpr int kJobs = 50;
constexpr int kClaimers = 4;

class JobQueueConcurrencyTest : public EngineTest {};

// Claims until the queue has nothing due, recording every id it got.
void ClaimAll(const JobQueue& queue, const std::string& worker, std::mutex& mu,
              std::vector<std::int64_t>& claimed) {
  while (true) {
    StatusOr<std::optional<Job>> job = queue.Claim(worker, 300, {});
    EXPECT_TRUE(job.ok()) << worker << ": " << job.status().ToString();
    if (!job.ok() || !job->has_value()) return;
    std::lock_guard lock(mu);
    claimed.push_back((*job)->id);
  }
}

// Half the claimers use a second Database, as a second `nyttig serve`
// process would; on PostgreSQL all four claim at the same time.
TEST_P(JobQueueConcurrencyTest, ConcurrentClaimersNeverClaimTheSameJob) {
  StatusOr<std::unique_ptr<db::Database>> other = db::Database::Open({.url = test_db().url()});
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  JobQueue first(db(), clock_);
  JobQueue second(**other, clock_);
  ASSERT_TRUE(db().Write([&](db::Tx& tx) -> Status {
                    for (int job_idx = 0; job_idx < kJobs; ++job_idx) {
                      RETURN_IF_ERROR(first.Enqueue(tx, "k", {{"n", job_idx}}).status());
                    }
                    return Status::Ok();
                  })
                  .ok());

  std::mutex mu;
  std::vector<std::int64_t> claimed;
  std::vector<std::thread> claimers;
  for (int claimer_idx = 0; claimer_idx < kClaimers; ++claimer_idx) {
    const JobQueue& queue = claimer_idx % 2 == 0 ? first : second;
    claimers.emplace_back(ClaimAll, std::cref(queue), "w" + std::to_string(claimer_idx),
                          std::ref(mu), std::ref(claimed));
  }
  for (std::thread& claimer : claimers) claimer.join();

  const std::set<std::int64_t> distinct(claimed.begin(), claimed.end());
  EXPECT_EQ(claimed.size(), static_cast<std::size_t>(kJobs));
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kJobs));
}

NYTTIG_INSTANTIATE_ENGINES(JobQueueConcurrencyTest);

}  // namespace
}  // namespace nyttig::jobs
