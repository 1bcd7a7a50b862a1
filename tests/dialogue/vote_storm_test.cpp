// The vote storm: 200 voters at once on one dialogue, for a while, on
// SQLite and PostgreSQL. Every vote the service acknowledged is stored as
// an event, and the current vote per participant and statement is unique
// and is the participant's last one. Labelled slow.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

#include "dialogue/dialogue_test_support.h"

namespace nyttig::dialogue::testing {
namespace {

constexpr int kVoters = 200;
constexpr auto kDuration = std::chrono::seconds(20);

class VoteStormTest : public DialogueTest {};

TEST_P(VoteStormTest, TwoHundredConcurrentVotersLoseNoVote) {
  const Dialogue d = Open({.allow_anonymous = true});
  const std::vector<Statement> statements = Accepted(d.id);
  std::atomic<std::int64_t> acknowledged{0};
  std::atomic<std::int64_t> refused{0};
  std::mutex mu;
  std::map<std::pair<int, StatementId>, int> last_vote;  // by voter and statement
  const auto until = std::chrono::steady_clock::now() + kDuration;
  std::vector<std::thread> voters;
  for (int voter = 0; voter < kVoters; ++voter) {
    voters.emplace_back([&, voter] {
      for (int round = 0; std::chrono::steady_clock::now() < until; ++round) {
        const Statement& s = statements[(voter + round) % statements.size()];
        const int value = (voter + round) % 3 - 1;
        auto receipt = service_->CastVote(accounts::Actor::Anonymous(), Browser(voter), d.id,
                                          s.id, static_cast<VoteValue>(value));
        if (!receipt.ok()) {
          ++refused;
          continue;
        }
        ++acknowledged;
        std::lock_guard lock(mu);
        last_vote[{voter, s.id}] = value;
      }
    });
  }
  for (std::thread& t : voters) t.join();
  EXPECT_EQ(refused.load(), 0);
  EXPECT_GT(acknowledged.load(), kVoters);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dialogue_vote_events"), acknowledged.load());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dialogue_participants"), kVoters);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dialogue_votes"), std::int64_t(last_vote.size()));
  // Each participant's current vote is their last acknowledged one (a voter
  // votes one at a time, so their events are ordered).
  std::int64_t agree = 0;
  for (const auto& [key, value] : last_vote) agree += value == 1;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dialogue_votes WHERE vote = 1"), agree);
  std::printf("vote storm: %lld votes acknowledged in %lld s\n",
              static_cast<long long>(acknowledged.load()),
              static_cast<long long>(kDuration.count()));
}

NYTTIG_INSTANTIATE_ENGINES(VoteStormTest);

}  // namespace
}  // namespace nyttig::dialogue::testing
