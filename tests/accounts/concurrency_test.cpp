// AccountService under concurrent use, on SQLite and PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "accounts/accounts_test_support.h"

namespace nyttig::accounts {
namespace {

class AccountConcurrencyTest : public AccountsTest {};

TEST_P(AccountConcurrencyTest,
       TwoRegistrationsOfOneEmailAtOnceLetExactlyOneSucceed) {
  constexpr int kRounds = 5;
  for (int round = 0; round < kRounds; ++round) {
    const std::string email = "samma" + std::to_string(round) + "@exempel.se";
    std::atomic<bool> go{false};
    std::vector<StatusOr<Person>> results(
        2, StatusOr<Person>(InternalError("not run")));
    std::vector<std::thread> threads;
    for (int thread_idx = 0; thread_idx < 2; ++thread_idx) {
      threads.emplace_back([&, thread_idx] {
        while (!go.load())
          std::this_thread::yield();
        results[thread_idx] = accounts_->Register(
            {email, "Tråd " + std::to_string(thread_idx), kPassword, "sv"},
            Origin());
      });
    }
    go = true;
    for (std::thread &thread : threads)
      thread.join();

    int succeeded = 0;
    for (const StatusOr<Person> &result : results) {
      if (result.ok()) {
        ++succeeded;
        continue;
      }
      EXPECT_EQ(result.status().code(), StatusCode::kAlreadyExists)
          << result.status().ToString();
      EXPECT_THAT(InvalidFields(result.status()),
                  ::testing::ElementsAre("email:accounts.email.taken"));
    }
    EXPECT_EQ(succeeded, 1) << "round " << round;
    EXPECT_EQ(Count("accounts_persons", "email = '" + email + "'"), 1);
  }
  EXPECT_EQ(Count("accounts_identities"), kRounds);
  ExpectAuditChainsVerify();
}

NYTTIG_INSTANTIATE_ENGINES(AccountConcurrencyTest);

} // namespace
} // namespace nyttig::accounts
