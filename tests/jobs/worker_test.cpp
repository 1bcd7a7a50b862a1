#include "jobs/worker.h"

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>

#include "support/test_database.h"

namespace nyttig::jobs {
namespace {

using namespace std::chrono_literals;
using testing::EngineTest;

class WorkerTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    queue_ = std::make_unique<JobQueue>(db(), clock_);
  }
  void Enqueue(const std::string& kind) {
    ASSERT_TRUE(db().Write([&](db::Tx& tx) {
                      return queue_->Enqueue(tx, kind, {{"dialogue_id", 7}}).status();
                    })
                    .ok());
  }
  std::vector<JobCount> Stats() {
    StatusOr<std::vector<JobCount>> stats = queue_->Stats();
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    return stats.ok() ? *stats : std::vector<JobCount>{};
  }

  std::unique_ptr<JobQueue> queue_;
};

TEST_P(WorkerTest, RunsTheHandlerAndCompletesTheJob) {
  Enqueue("dialogue.recompute");
  std::promise<int> seen;
  Worker worker(*queue_, {.worker_id = "w1", .poll_interval = 10ms});
  worker.Handle("dialogue.recompute", [&](const Job& job) {
    seen.set_value(job.payload["dialogue_id"].get<int>());
    return Status::Ok();
  });
  ASSERT_TRUE(worker.Start().ok());
  std::future<int> dialogue = seen.get_future();
  ASSERT_EQ(dialogue.wait_for(10s), std::future_status::ready);
  EXPECT_EQ(dialogue.get(), 7);
  worker.Stop();

  std::vector<JobCount> stats = Stats();
  ASSERT_EQ(stats.size(), 1u);
  EXPECT_EQ(stats[0].state, "done");
}

TEST_P(WorkerTest, AFailingOrThrowingHandlerQueuesTheJobAgain) {
  Enqueue("fails");
  Enqueue("throws");
  Worker worker(*queue_, {.worker_id = "w1"});
  worker.Handle("fails", [](const Job&) { return UnavailableError("smtp down"); });
  worker.Handle("throws", [](const Job&) -> Status { throw std::runtime_error("boom"); });
  for (int run_idx = 0; run_idx < 2; ++run_idx) {
    StatusOr<bool> ran = worker.RunOnce();
    ASSERT_TRUE(ran.ok()) << ran.status().ToString();
    EXPECT_TRUE(*ran);
  }
  StatusOr<bool> idle = worker.RunOnce();  // both wait for their backoff
  ASSERT_TRUE(idle.ok());
  EXPECT_FALSE(*idle);
  for (const JobCount& count : Stats()) EXPECT_EQ(count.state, "pending") << count.kind;
}

TEST_P(WorkerTest, AWorkerWithoutHandlersLeavesJobsForOthers) {
  Enqueue("dialogue.recompute");
  Worker worker(*queue_, {.worker_id = "w1"});
  StatusOr<bool> ran = worker.RunOnce();
  ASSERT_TRUE(ran.ok()) << ran.status().ToString();
  EXPECT_FALSE(*ran);
  std::vector<JobCount> stats = Stats();
  ASSERT_EQ(stats.size(), 1u);
  EXPECT_EQ(stats[0].state, "pending");
}

TEST_P(WorkerTest, StopsPromptlyAndIdempotently) {
  Worker worker(*queue_, {.worker_id = "w1", .poll_interval = 60s});
  worker.Handle("k", [](const Job&) { return Status::Ok(); });
  ASSERT_TRUE(worker.Start().ok());
  EXPECT_EQ(worker.Start().code(), StatusCode::kFailedPrecondition);
  std::this_thread::sleep_for(50ms);  // let it go idle in its 60 s wait

  const auto started = std::chrono::steady_clock::now();
  worker.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  worker.Stop();
}

TEST_P(WorkerTest, RefusesToStartWithoutHandlers) {
  Worker worker(*queue_, {.worker_id = "w1"});
  EXPECT_EQ(worker.Start().code(), StatusCode::kInvalidArgument);
}

NYTTIG_INSTANTIATE_ENGINES(WorkerTest);

}  // namespace
}  // namespace nyttig::jobs
