// AccountService password resets by e-mailed, single-use, expiring links,
// on SQLite and PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <string>

#include "accounts/accounts_test_support.h"

namespace nyttig::accounts {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kNewPassword[] = "Semla-i-februari-2027";
constexpr char kLinkStart[] = "https://nyttig.example.se/password/reset?token=";

class AccountPasswordResetTest : public AccountsTest {
protected:
  void SetUp() override {
    AccountsTest::SetUp();
    person_ = Register("anna@exempel.se");
  }

  // Requests a reset and returns the token from the mailed link.
  std::string RequestResetToken() {
    EXPECT_TRUE(
        accounts_->RequestPasswordReset("anna@exempel.se", Origin()).ok());
    std::vector<mail::OutgoingMail> mails = Mails();
    if (mails.empty()) {
      ADD_FAILURE() << "no mail queued";
      return "";
    }
    const std::string &body = mails.back().body;
    size_t start = body.find(kLinkStart);
    if (start == std::string::npos) {
      ADD_FAILURE() << "no reset link in: " << body;
      return "";
    }
    start += std::string(kLinkStart).size();
    size_t end = start;
    while (end < body.size() &&
           (std::isalnum(static_cast<unsigned char>(body[end])) ||
            body[end] == '-' || body[end] == '_')) {
      ++end;
    }
    return body.substr(start, end - start);
  }

  StatusCode LoginCode(const std::string &password) {
    return accounts_->Login("anna@exempel.se", password, Origin())
        .status()
        .code();
  }

  Person person_;
};

TEST_P(AccountPasswordResetTest, AKnownAddressGetsOneMailWithALink) {
  ASSERT_TRUE(
      accounts_->RequestPasswordReset("  ANNA@exempel.se", Origin()).ok());
  std::vector<mail::OutgoingMail> mails = Mails();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].to, "anna@exempel.se");
  EXPECT_FALSE(mails[0].subject.empty());
  EXPECT_THAT(mails[0].body, HasSubstr(kLinkStart));
  EXPECT_EQ(Count("accounts_password_resets"), 1);
  EXPECT_EQ(AuditActions().front(), "account.password_reset_requested");
}

TEST_P(AccountPasswordResetTest, TheResetMailIsWrittenInThePersonsLanguage) {
  ASSERT_TRUE(
      accounts_->RequestPasswordReset("anna@exempel.se", Origin()).ok());
  std::vector<mail::OutgoingMail> mails = Mails();
  ASSERT_EQ(mails.size(), 1u);
  // A raw message key means the catalogue (i18n/sv/) lacks the text.
  EXPECT_NE(mails[0].subject, "mail.password_reset.subject");
  EXPECT_FALSE(mails[0].body.starts_with("mail.password_reset.body"))
      << mails[0].body;
  EXPECT_THAT(mails[0].body, HasSubstr("Anna Andersson"));
}

TEST_P(AccountPasswordResetTest, AnUnknownAddressSucceedsButQueuesNoMail) {
  EXPECT_TRUE(
      accounts_->RequestPasswordReset("okand@exempel.se", Origin()).ok());
  EXPECT_TRUE(Mails().empty());
  EXPECT_EQ(Count("accounts_password_resets"), 0);
}

TEST_P(AccountPasswordResetTest, AMalformedAddressIsRejected) {
  Status s = accounts_->RequestPasswordReset("inte-en-adress", Origin());
  EXPECT_THAT(InvalidFields(s), ElementsAre("email:accounts.email.invalid"));
  EXPECT_TRUE(Mails().empty());
}

TEST_P(AccountPasswordResetTest, OnlyAHashOfTheResetTokenIsStored) {
  std::string token = RequestResetToken();
  ASSERT_EQ(token.size(), 43u);
  std::vector<std::string> stored =
      TextValues("accounts_password_resets", "token_hash");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0], HashToken(token));
}

TEST_P(AccountPasswordResetTest, TheTokenSetsANewPassword) {
  std::string token = RequestResetToken();
  ASSERT_TRUE(accounts_->ResetPassword(token, kNewPassword, Origin()).ok());
  EXPECT_EQ(LoginCode(kPassword), StatusCode::kUnauthenticated);
  EXPECT_EQ(LoginCode(kNewPassword), StatusCode::kOk);
  EXPECT_THAT(AuditActions(), ::testing::Contains("account.password_reset"));
  ExpectAuditChainsVerify();
}

TEST_P(AccountPasswordResetTest, TheTokenWorksOnlyOnce) {
  std::string token = RequestResetToken();
  ASSERT_TRUE(accounts_->ResetPassword(token, kNewPassword, Origin()).ok());
  Status again =
      accounts_->ResetPassword(token, "Ett-helt-annat-losenord", Origin());
  EXPECT_THAT(InvalidFields(again),
              ElementsAre("token:accounts.reset.invalid_token"));
  EXPECT_EQ(LoginCode(kNewPassword), StatusCode::kOk);
}

TEST_P(AccountPasswordResetTest, AnExpiredTokenIsRejected) {
  std::string token = RequestResetToken();
  clock_.Advance(
      std::chrono::minutes(accounts_->options().reset_token_minutes));
  Status s = accounts_->ResetPassword(token, kNewPassword, Origin());
  EXPECT_THAT(InvalidFields(s),
              ElementsAre("token:accounts.reset.invalid_token"));
  EXPECT_EQ(LoginCode(kPassword), StatusCode::kOk);
}

TEST_P(AccountPasswordResetTest, AnUnknownTokenIsRejected) {
  RequestResetToken();
  Status s = accounts_->ResetPassword("gissat-token", kNewPassword, Origin());
  EXPECT_THAT(InvalidFields(s),
              ElementsAre("token:accounts.reset.invalid_token"));
}

TEST_P(AccountPasswordResetTest, AWeakPasswordKeepsTheTokenUsable) {
  std::string token = RequestResetToken();
  Status weak = accounts_->ResetPassword(token, "kort", Origin());
  EXPECT_THAT(InvalidFields(weak),
              ElementsAre("password:accounts.password.too_short"));
  EXPECT_TRUE(accounts_->ResetPassword(token, kNewPassword, Origin()).ok());
}

TEST_P(AccountPasswordResetTest, ResettingEndsEverySession) {
  std::string first = Login("anna@exempel.se");
  std::string second = Login("anna@exempel.se");
  ASSERT_TRUE(
      accounts_->ResetPassword(RequestResetToken(), kNewPassword, Origin())
          .ok());
  EXPECT_EQ(accounts_->ResolveSession(first, Origin()).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(accounts_->ResolveSession(second, Origin()).status().code(),
            StatusCode::kUnauthenticated);
}

TEST_P(AccountPasswordResetTest,
       NoTokenOrPasswordReachesTheAuditLogOrTheOutbox) {
  std::string session = Login("anna@exempel.se");
  std::string token = RequestResetToken();
  ASSERT_TRUE(accounts_->ResetPassword(token, kNewPassword, Origin()).ok());
  std::string second_token = RequestResetToken();
  for (const std::string &text : AuditText()) {
    for (const std::string &secret :
         {std::string(kPassword), std::string(kNewPassword), session, token,
          second_token, HashToken(token), HashToken(session)}) {
      EXPECT_EQ(text.find(secret), std::string::npos)
          << "audit holds a secret: " << text;
    }
  }
  std::vector<std::string> outbox =
      TextValues("mail_outbox", "to_address, subject, body");
  for (const std::string &text : outbox) {
    for (const std::string &secret :
         {std::string(kPassword), std::string(kNewPassword), session,
          HashToken(token)}) {
      EXPECT_EQ(text.find(secret), std::string::npos)
          << "outbox holds a secret: " << text;
    }
  }
  // Each reset token appears exactly once: in its own link.
  int links = 0;
  for (const std::string &text : outbox) {
    for (const std::string &reset : {token, second_token}) {
      if (text.find(kLinkStart + reset) != std::string::npos)
        ++links;
      EXPECT_EQ(text.find(reset), text.rfind(reset));
    }
  }
  EXPECT_EQ(links, 2);
  ExpectAuditChainsVerify();
}

NYTTIG_INSTANTIATE_ENGINES(AccountPasswordResetTest);

} // namespace
} // namespace nyttig::accounts
