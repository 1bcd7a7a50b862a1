#include "audit/head_publisher.h"

#include <chrono>
#include <thread>

#include "audit/audit_test_support.h"

namespace nyttig::audit {
namespace {

class HeadPublisherTest : public AuditTest {
 protected:
  long long PublishedRows() {
    long long count = -1;
    EXPECT_TRUE(db().Read([&](db::Tx& tx) {
                      tx.sql() << "SELECT COUNT(*) FROM audit_published_heads", soci::into(count);
                      return Status::Ok();
                    })
                    .ok());
    return count;
  }
};

TEST_P(HeadPublisherTest, PublishesChangedHeadsAtEachInterval) {
  AppendMany(1, 2);
  HeadPublisher publisher(audit_log_, db(), std::chrono::milliseconds(20));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (PublishedRows() < 1 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(PublishedRows(), 1);
}

TEST_P(HeadPublisherTest, PublishesTheFinalHeadsWhenStopped) {
  {
    HeadPublisher publisher(audit_log_, db(), std::chrono::hours(1));
    AppendMany(1, 1);
    AppendMany(2, 1);
  }
  EXPECT_EQ(PublishedRows(), 2);
}

NYTTIG_INSTANTIATE_ENGINES(HeadPublisherTest);

}  // namespace
}  // namespace nyttig::audit
