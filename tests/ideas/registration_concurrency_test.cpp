// Registration numbers of public records under concurrent submissions:
// unique, per organisation and year, and without gaps (a submission that
// fails gives its number back).
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "ideas/ideas_test_support.h"

namespace nyttig::ideas {
namespace {

class RegistrationNumberTest : public IdeasTest {};

TEST_P(RegistrationNumberTest, ConcurrentSubmissionsGetConsecutiveNumbers) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 5;
  OrganisationId org = Org("Exempelby kommun");
  OrganisationId other = Org("Knivsta kommun");
  ASSERT_TRUE(OpenBox(org, true).ok());
  ASSERT_TRUE(OpenBox(other, true).ok());
  std::vector<std::vector<std::string>> numbers(kThreads);
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      for (int submission_idx = 0; submission_idx < kPerThread; ++submission_idx) {
        auto idea = ideas_->SubmitIdea(accounts::Actor::Anonymous(), org, Input());
        if (idea.ok()) numbers[thread_idx].push_back(idea->registration_number);
        else ADD_FAILURE() << idea.status().ToString();
      }
    });
  }
  for (auto& t : threads) t.join();
  std::vector<std::string> all;
  for (auto& n : numbers) all.insert(all.end(), n.begin(), n.end());
  std::sort(all.begin(), all.end());
  ASSERT_EQ(all.size(), size_t(kThreads * kPerThread));
  for (int idx = 0; idx < kThreads * kPerThread; ++idx) {
    char expected[16];
    std::snprintf(expected, sizeof expected, "2026-%04d", idx + 1);
    EXPECT_EQ(all[idx], expected);
  }
  // Another organisation counts on its own.
  EXPECT_EQ(ideas_->SubmitIdea(accounts::Actor::Anonymous(), other, Input())->registration_number,
            "2026-0001");
}

TEST_P(RegistrationNumberTest, ARefusedSubmissionLeavesNoGap) {
  OrganisationId org = Org("Exempelby kommun");
  ASSERT_TRUE(OpenBox(org, false).ok());
  auto citizen = Citizen("a@example.org");
  ASSERT_EQ(ideas_->SubmitIdea(citizen, org, Input())->registration_number, "2026-0001");
  IdeaInput bad = Input();
  bad.anonymous = true;  // not allowed here: refused inside the transaction
  EXPECT_FALSE(ideas_->SubmitIdea(citizen, org, bad).ok());
  EXPECT_EQ(ideas_->SubmitIdea(citizen, org, Input())->registration_number, "2026-0002");
}

TEST_P(RegistrationNumberTest, NumbersStartAgainInANewYear) {
  OrganisationId org = Org("Exempelby kommun");
  ASSERT_TRUE(OpenBox(org, true).ok());
  ASSERT_EQ(ideas_->SubmitIdea(accounts::Actor::Anonymous(), org, Input())->registration_number,
            "2026-0001");
  clock_.Advance(std::chrono::hours(24 * 60));
  EXPECT_EQ(ideas_->SubmitIdea(accounts::Actor::Anonymous(), org, Input())->registration_number,
            "2027-0001");
}

NYTTIG_INSTANTIATE_ENGINES(RegistrationNumberTest);

}  // namespace
}  // namespace nyttig::ideas
