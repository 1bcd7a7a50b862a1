// AccountService sessions and password changes, on SQLite and PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "accounts/accounts_test_support.h"

namespace nyttig::accounts {
namespace {

using std::chrono::days;
using std::chrono::seconds;
using ::testing::ElementsAre;

constexpr char kNewPassword[] = "Semla-i-februari-2027";

class AccountSessionTest : public AccountsTest {
protected:
  void SetUp() override {
    AccountsTest::SetUp();
    person_ = Register("anna@exempel.se");
  }

  StatusCode ResolveCode(const std::string &token) {
    return accounts_->ResolveSession(token, Origin()).status().code();
  }

  Person person_;
};

TEST_P(AccountSessionTest, ASessionResolvesToItsPerson) {
  std::string token = Login("anna@exempel.se");
  StatusOr<Actor> actor =
      accounts_->ResolveSession(token, Origin("198.51.100.7"));
  ASSERT_TRUE(actor.ok()) << actor.status().ToString();
  EXPECT_EQ(actor->person_id, person_.id);
  EXPECT_EQ(actor->display_name, "Anna Andersson");
  EXPECT_EQ(actor->method, AuthMethod::kSession);
  EXPECT_EQ(actor->client_address, "198.51.100.7");
  EXPECT_EQ(actor->PrimaryRoleName(std::nullopt), "citizen");
}

TEST_P(AccountSessionTest, OnlyAHashOfTheSessionTokenIsStored) {
  std::string token = Login("anna@exempel.se");
  ASSERT_FALSE(token.empty());
  std::vector<std::string> stored =
      TextValues("accounts_sessions", "token_hash");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0], HashToken(token));
  EXPECT_EQ(stored[0].find(token), std::string::npos);
  for (const std::string &text : AuditText())
    EXPECT_EQ(text.find(token), std::string::npos);
}

TEST_P(AccountSessionTest, AnUnknownTokenIsUnauthenticated) {
  Login("anna@exempel.se");
  EXPECT_EQ(ResolveCode("not-a-session"), StatusCode::kUnauthenticated);
  EXPECT_EQ(ResolveCode(""), StatusCode::kUnauthenticated);
}

TEST_P(AccountSessionTest, LogoutEndsTheSessionAndIsIdempotent) {
  std::string token = Login("anna@exempel.se");
  std::string other = Login("anna@exempel.se");
  Actor actor = *accounts_->ResolveSession(token, Origin());
  EXPECT_TRUE(accounts_->Logout(token, actor).ok());
  EXPECT_EQ(ResolveCode(token), StatusCode::kUnauthenticated);
  EXPECT_EQ(ResolveCode(other), StatusCode::kOk);
  EXPECT_TRUE(accounts_->Logout(token, actor).ok());
  EXPECT_EQ(AuditActions().front(), "account.logout");
  ExpectAuditChainsVerify();
}

TEST_P(AccountSessionTest, AnIdleSessionExpires) {
  std::string token = Login("anna@exempel.se");
  clock_.Advance(days(accounts_->options().session_idle_days) - seconds(1));
  EXPECT_EQ(ResolveCode(token), StatusCode::kOk);
  std::string idle = Login("anna@exempel.se");
  clock_.Advance(days(accounts_->options().session_idle_days));
  EXPECT_EQ(ResolveCode(idle), StatusCode::kUnauthenticated);
}

TEST_P(AccountSessionTest, UsingASessionSlidesItsExpiry) {
  std::string token = Login("anna@exempel.se");
  for (int week = 0; week < 5; ++week) {
    clock_.Advance(days(10));
    EXPECT_EQ(ResolveCode(token), StatusCode::kOk)
        << "after " << (week + 1) * 10 << " days";
  }
}

TEST_P(AccountSessionTest, ASessionEndsAfterTheMaximumAgeEvenWhenUsed) {
  std::string token = Login("anna@exempel.se");
  const int max_days = accounts_->options().session_max_days;
  for (int day = 10; day < max_days; day += 10) {
    clock_.Advance(days(10));
    EXPECT_EQ(ResolveCode(token), StatusCode::kOk) << "day " << day;
  }
  clock_.Advance(days(10)); // day 60
  EXPECT_EQ(ResolveCode(token), StatusCode::kUnauthenticated);
}

TEST_P(AccountSessionTest, ADisabledPersonsSessionStopsWorking) {
  std::string token = Login("anna@exempel.se");
  Execute("UPDATE accounts_persons SET disabled_at = " +
          std::to_string(clock_.Now()) +
          " WHERE id = " + std::to_string(person_.id));
  EXPECT_EQ(ResolveCode(token), StatusCode::kUnauthenticated);
}

TEST_P(AccountSessionTest, ChangePasswordLetsTheNewPasswordLogIn) {
  std::string token = Login("anna@exempel.se");
  Actor actor = *accounts_->ResolveSession(token, Origin());
  ASSERT_TRUE(accounts_->ChangePassword(actor, kPassword, kNewPassword).ok());
  EXPECT_EQ(
      accounts_->Login("anna@exempel.se", kPassword, Origin()).status().code(),
      StatusCode::kUnauthenticated);
  EXPECT_TRUE(accounts_->Login("anna@exempel.se", kNewPassword, Origin()).ok());
  EXPECT_THAT(AuditActions(), ::testing::Contains("account.change_password"));
  for (const std::string &text : AuditText()) {
    EXPECT_EQ(text.find(kNewPassword), std::string::npos) << text;
  }
  ExpectAuditChainsVerify();
}

TEST_P(AccountSessionTest, ChangePasswordRejectsAWrongCurrentPassword) {
  std::string token = Login("anna@exempel.se");
  Actor actor = *accounts_->ResolveSession(token, Origin());
  Status s =
      accounts_->ChangePassword(actor, "inte-mitt-losenord", kNewPassword);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(InvalidFields(s),
              ElementsAre("current_password:accounts.password.current_wrong"));
  EXPECT_TRUE(accounts_->Login("anna@exempel.se", kPassword, Origin()).ok());
  EXPECT_EQ(ResolveCode(token), StatusCode::kOk);
}

TEST_P(AccountSessionTest, ChangePasswordRejectsAWeakNewPassword) {
  Actor actor = *accounts_->ResolveSession(Login("anna@exempel.se"), Origin());
  Status s = accounts_->ChangePassword(actor, kPassword, "kort");
  EXPECT_THAT(InvalidFields(s),
              ElementsAre("new_password:accounts.password.too_short"));
  EXPECT_TRUE(accounts_->Login("anna@exempel.se", kPassword, Origin()).ok());
}

TEST_P(AccountSessionTest, ChangePasswordEndsEveryOtherSession) {
  std::string here = Login("anna@exempel.se");
  std::string phone = Login("anna@exempel.se");
  std::string laptop = Login("anna@exempel.se");
  Actor actor = *accounts_->ResolveSession(here, Origin());
  ASSERT_TRUE(accounts_->ChangePassword(actor, kPassword, kNewPassword).ok());
  EXPECT_EQ(ResolveCode(phone), StatusCode::kUnauthenticated);
  EXPECT_EQ(ResolveCode(laptop), StatusCode::kUnauthenticated);
  EXPECT_EQ(ResolveCode(here), StatusCode::kOk);
}

TEST_P(AccountSessionTest, ChangePasswordNeedsASession) {
  Actor token_actor = SessionActor(person_.id);
  token_actor.method = AuthMethod::kToken;
  token_actor.scopes = {TokenScope::kAdmin};
  EXPECT_EQ(
      accounts_->ChangePassword(token_actor, kPassword, kNewPassword).code(),
      StatusCode::kUnauthenticated);
  EXPECT_EQ(
      accounts_->ChangePassword(Actor::Anonymous(), kPassword, kNewPassword)
          .code(),
      StatusCode::kUnauthenticated);
  EXPECT_TRUE(accounts_->Login("anna@exempel.se", kPassword, Origin()).ok());
}

NYTTIG_INSTANTIATE_ENGINES(AccountSessionTest);

} // namespace
} // namespace nyttig::accounts
