// AccountService: registering, logging in and log-in throttling, on SQLite
// and PostgreSQL.
#include "accounts/account_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "accounts/accounts_test_support.h"

namespace nyttig::accounts {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class AccountServiceTest : public AccountsTest {
protected:
  // Registers with one field changed and returns the failure.
  Status RegisterFails(RegisterInput input) {
    StatusOr<Person> person = accounts_->Register(input, Origin());
    EXPECT_FALSE(person.ok());
    return person.status();
  }

  static RegisterInput Valid() {
    return {"anna@exempel.se", "Anna Andersson", kPassword, "sv"};
  }

  void ExpectNothingWritten() {
    EXPECT_EQ(Count("accounts_persons"), 0);
    EXPECT_EQ(Count("accounts_identities"), 0);
    EXPECT_EQ(Count("accounts_local_credentials"), 0);
    EXPECT_EQ(Count("audit_entries"), 0);
  }

  StatusCode LoginCode(const std::string &email, const std::string &password,
                       const std::string &address = kClientAddress) {
    return accounts_->Login(email, password, Origin(address)).status().code();
  }
};

TEST_P(AccountServiceTest, RegisterCreatesAPersonWithALocalIdentity) {
  Person person = Register("anna@exempel.se", "  Anna Andersson ");
  EXPECT_GT(person.id, 0);
  EXPECT_EQ(person.display_name, "Anna Andersson");
  EXPECT_FALSE(person.platform_admin);
  EXPECT_EQ(person.created_at, clock_.Now());
  EXPECT_EQ(Count("accounts_identities",
                  "issuer = 'local' AND subject = 'anna@exempel.se'"),
            1);
  EXPECT_EQ(Count("accounts_local_credentials"), 1);
}

TEST_P(AccountServiceTest, RegisterLowerCasesAndTrimsTheEmail) {
  Person person = Register("  Anna.Andersson@Exempel.SE ");
  EXPECT_EQ(person.email, "anna.andersson@exempel.se");
  EXPECT_TRUE(
      accounts_->Login("anna.andersson@exempel.se", kPassword, Origin()).ok());
  EXPECT_TRUE(
      accounts_->Login("ANNA.ANDERSSON@EXEMPEL.SE", kPassword, Origin()).ok());
}

TEST_P(AccountServiceTest, RegisterStoresOnlyAnArgon2idHashOfThePassword) {
  Register("anna@exempel.se");
  std::vector<std::string> hashes =
      TextValues("accounts_local_credentials", "password_hash");
  ASSERT_EQ(hashes.size(), 1u);
  EXPECT_TRUE(hashes[0].starts_with("$argon2id$")) << hashes[0];
  EXPECT_EQ(hashes[0].find(kPassword), std::string::npos);
}

TEST_P(AccountServiceTest, RegisterRequiresEveryField) {
  Status s = RegisterFails({"  ", " ", "", "sv"});
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(
      InvalidFields(s),
      UnorderedElementsAre("email:accounts.email.required",
                           "display_name:accounts.display_name.required",
                           "password:accounts.password.too_short"));
  ExpectNothingWritten();
}

TEST_P(AccountServiceTest, RegisterListsProblemsInTheOrderOfTheForm) {
  // The error summary on the page reads top-down: name, e-mail, password.
  Status s = RegisterFails({"  ", " ", "", "sv"});
  EXPECT_THAT(InvalidFields(s), ElementsAre("display_name:accounts.display_name.required",
                                            "email:accounts.email.required",
                                            "password:accounts.password.too_short"));
}

TEST_P(AccountServiceTest, RegisterRejectsAMalformedEmail) {
  for (const char *email : {"anna", "anna@", "@exempel.se", "anna@exempel",
                            "an na@exempel.se", "anna@@exempel.se"}) {
    RegisterInput input = Valid();
    input.email = email;
    EXPECT_THAT(InvalidFields(RegisterFails(input)),
                ElementsAre("email:accounts.email.invalid"))
        << email;
  }
  ExpectNothingWritten();
}

TEST_P(AccountServiceTest, RegisterRejectsAnOverlongEmail) {
  RegisterInput input = Valid();
  input.email = std::string(250, 'a') + "@exempel.se";
  EXPECT_THAT(InvalidFields(RegisterFails(input)),
              ElementsAre("email:accounts.email.invalid"));
  ExpectNothingWritten();
}

TEST_P(AccountServiceTest, RegisterRejectsAnOverlongDisplayName) {
  RegisterInput input = Valid();
  input.display_name = std::string(kMaxDisplayNameChars, 'x');
  EXPECT_TRUE(accounts_->Register(input, Origin()).ok());
  input.email = "bertil@exempel.se";
  input.display_name += "ö";
  Status s = RegisterFails(input);
  EXPECT_THAT(InvalidFields(s),
              ElementsAre("display_name:accounts.display_name.too_long"));
  EXPECT_EQ(Count("accounts_persons"), 1);
}

TEST_P(AccountServiceTest, RegisterRejectsEachKindOfWeakPassword) {
  struct Case {
    std::string password;
    std::string key;
  };
  const std::vector<Case> cases = {
      {"kort-ord", "accounts.password.too_short"},
      {std::string(kMaxPasswordChars + 1, 'k') + "ab",
       "accounts.password.too_long"},
      {"Sommar2026", "accounts.password.common"},
      {"ANNA@exempel.se", "accounts.password.is_email"},
      {"abababababab", "accounts.password.too_simple"},
  };
  for (const Case &c : cases) {
    RegisterInput input = Valid();
    input.password = c.password;
    EXPECT_THAT(InvalidFields(RegisterFails(input)),
                ElementsAre("password:" + c.key))
        << c.key;
  }
  ExpectNothingWritten();
}

TEST_P(AccountServiceTest, PasswordLengthCountsCharactersNotBytes) {
  RegisterInput input = Valid();
  input.password = "åäöåäöåäö"; // 9 characters, 18 bytes
  EXPECT_THAT(InvalidFields(RegisterFails(input)),
              ElementsAre("password:accounts.password.too_short"));
  input.password = "åäöåäöåäöx";
  EXPECT_TRUE(accounts_->Register(input, Origin()).ok());
}

TEST_P(AccountServiceTest, RegisterRejectsAnUnknownLocale) {
  RegisterInput input = Valid();
  input.locale = "de";
  EXPECT_THAT(InvalidFields(RegisterFails(input)),
              ElementsAre("locale:accounts.locale.invalid"));
  ExpectNothingWritten();
}

TEST_P(AccountServiceTest, RegisterWithATakenEmailFailsOnTheEmailField) {
  Register("anna@exempel.se");
  RegisterInput input = Valid();
  input.email = "Anna@Exempel.se";
  input.display_name = "Någon annan";
  Status s = RegisterFails(input);
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists);
  EXPECT_THAT(InvalidFields(s), ElementsAre("email:accounts.email.taken"));
  EXPECT_EQ(Count("accounts_persons"), 1);
  EXPECT_EQ(Count("audit_entries"), 1);
}

TEST_P(AccountServiceTest, RegisterIsAudited) {
  Person person = Register("anna@exempel.se");
  StatusOr<audit::EntryPage> page =
      audit_log_.ListEntries(db(), audit::kPlatformChain, 1, 10);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->entries.size(), 1u);
  const audit::AuditEntry &entry = page->entries[0];
  EXPECT_EQ(entry.action, "account.register");
  EXPECT_EQ(entry.entity_id, std::to_string(person.id));
  EXPECT_EQ(entry.person_id, person.id);
  EXPECT_EQ(entry.client_address, kClientAddress);
  ExpectAuditChainsVerify();
}

TEST_P(AccountServiceTest, LoginWithTheRightPasswordOpensASession) {
  Person person = Register("anna@exempel.se");
  StatusOr<LoginResult> login =
      accounts_->Login("anna@exempel.se", kPassword, Origin());
  ASSERT_TRUE(login.ok()) << login.status().ToString();
  EXPECT_EQ(login->person.id, person.id);
  EXPECT_EQ(login->session_token.size(), 43u);
  EXPECT_EQ(Count("accounts_sessions"), 1);
  EXPECT_THAT(AuditActions(), ElementsAre("account.login", "account.register"));
  ExpectAuditChainsVerify();
}

TEST_P(AccountServiceTest, WrongPasswordAndUnknownEmailLookTheSame) {
  Register("anna@exempel.se");
  StatusOr<LoginResult> wrong_password =
      accounts_->Login("anna@exempel.se", "fel-lösenord", Origin());
  StatusOr<LoginResult> unknown_email =
      accounts_->Login("okand@exempel.se", kPassword, Origin());
  StatusOr<LoginResult> malformed =
      accounts_->Login("inte en adress", kPassword, Origin());
  for (const StatusOr<LoginResult> *result :
       {&wrong_password, &unknown_email, &malformed}) {
    EXPECT_EQ(result->status().code(), StatusCode::kUnauthenticated);
    EXPECT_EQ(result->status().message(), "accounts.login.wrong");
    EXPECT_THAT(result->status().invalid_parameters(), IsEmpty());
  }
  EXPECT_EQ(Count("accounts_sessions"), 0);
}

TEST_P(AccountServiceTest, FailedLoginsAreAuditedWithoutThePassword) {
  Register("anna@exempel.se");
  EXPECT_EQ(LoginCode("anna@exempel.se", "Mitt-hemliga-felord"),
            StatusCode::kUnauthenticated);
  EXPECT_THAT(AuditActions(),
              ElementsAre("account.login_failed", "account.register"));
  for (const std::string &text : AuditText()) {
    EXPECT_EQ(text.find("Mitt-hemliga-felord"), std::string::npos) << text;
  }
  ExpectAuditChainsVerify();
}

TEST_P(AccountServiceTest, AccountIsThrottledAfterFiveFailures) {
  Register("anna@exempel.se");
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_EQ(LoginCode("anna@exempel.se", "fel-lösenord",
                        "192.0.2." + std::to_string(attempt)),
              StatusCode::kUnauthenticated);
    clock_.Advance(std::chrono::seconds(10));
  }
  // Even the right password from a new address waits now.
  StatusOr<LoginResult> throttled =
      accounts_->Login("anna@exempel.se", kPassword, Origin("198.51.100.7"));
  EXPECT_EQ(throttled.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(throttled.status().message(), "accounts.login.throttled");
  // The first failure was 50 s ago; the window is 900 s.
  EXPECT_EQ(throttled.status().retry_after_seconds(), 850);
  EXPECT_EQ(Count("accounts_sessions"), 0);
}

TEST_P(AccountServiceTest, ThrottlingOneAccountDoesNotAffectAnother) {
  Register("anna@exempel.se");
  Register("bertil@exempel.se", "Bertil Berg");
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_EQ(LoginCode("anna@exempel.se", "fel-lösenord"),
              StatusCode::kUnauthenticated);
  }
  EXPECT_EQ(LoginCode("anna@exempel.se", kPassword),
            StatusCode::kResourceExhausted);
  EXPECT_EQ(LoginCode("bertil@exempel.se", kPassword), StatusCode::kOk);
}

TEST_P(AccountServiceTest, AccountThrottleLiftsWhenTheWindowHasPassed) {
  Register("anna@exempel.se");
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_EQ(LoginCode("anna@exempel.se", "fel-lösenord"),
              StatusCode::kUnauthenticated);
  }
  StatusOr<LoginResult> throttled =
      accounts_->Login("anna@exempel.se", kPassword, Origin());
  ASSERT_EQ(throttled.status().code(), StatusCode::kResourceExhausted);
  ASSERT_TRUE(throttled.status().retry_after_seconds().has_value());
  clock_.Advance(
      std::chrono::seconds(*throttled.status().retry_after_seconds() - 1));
  EXPECT_EQ(LoginCode("anna@exempel.se", kPassword),
            StatusCode::kResourceExhausted);
  clock_.Advance(std::chrono::seconds(1));
  EXPECT_EQ(LoginCode("anna@exempel.se", kPassword), StatusCode::kOk);
}

TEST_P(AccountServiceTest, ASuccessfulLoginResetsTheAccountsFailureCount) {
  Register("anna@exempel.se");
  for (int attempt = 0; attempt < 4; ++attempt) {
    EXPECT_EQ(LoginCode("anna@exempel.se", "fel-lösenord"),
              StatusCode::kUnauthenticated);
  }
  EXPECT_EQ(LoginCode("anna@exempel.se", kPassword), StatusCode::kOk);
  for (int attempt = 0; attempt < 4; ++attempt) {
    EXPECT_EQ(LoginCode("anna@exempel.se", "fel-lösenord"),
              StatusCode::kUnauthenticated);
  }
  EXPECT_EQ(LoginCode("anna@exempel.se", kPassword), StatusCode::kOk);
}

TEST_P(AccountServiceTest,
       ClientAddressIsThrottledAfterThirtyFailuresAcrossAccounts) {
  Register("anna@exempel.se");
  const int max = accounts_->options().max_failures_per_address;
  for (int attempt = 0; attempt < max; ++attempt) {
    // A different unknown address each time: no account reaches its own limit.
    EXPECT_EQ(LoginCode("person" + std::to_string(attempt) + "@exempel.se",
                        "fel-lösenord"),
              StatusCode::kUnauthenticated);
  }
  StatusOr<LoginResult> throttled =
      accounts_->Login("anna@exempel.se", kPassword, Origin());
  EXPECT_EQ(throttled.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(throttled.status().retry_after_seconds(),
            accounts_->options().throttle_window_seconds);
  // Another client address is not affected.
  EXPECT_EQ(LoginCode("anna@exempel.se", kPassword, "198.51.100.7"),
            StatusCode::kOk);
  clock_.Advance(
      std::chrono::seconds(accounts_->options().throttle_window_seconds + 1));
  EXPECT_EQ(LoginCode("anna@exempel.se", kPassword), StatusCode::kOk);
}

TEST_P(AccountServiceTest, ADisabledPersonCannotLogIn) {
  Person person = Register("anna@exempel.se");
  Execute("UPDATE accounts_persons SET disabled_at = 1 WHERE id = " +
          std::to_string(person.id));
  EXPECT_EQ(LoginCode("anna@exempel.se", kPassword),
            StatusCode::kUnauthenticated);
}

TEST_P(AccountServiceTest, CreatePlatformAdminMakesAnAdminWhoCanLogIn) {
  Actor admin = PlatformAdmin();
  EXPECT_TRUE(admin.platform_admin);
  EXPECT_EQ(LoginCode("admin@nyttig.example.se", kPassword), StatusCode::kOk);
  EXPECT_THAT(AuditActions(),
              ElementsAre("account.login", "account.create_platform_admin"));
}

TEST_P(AccountServiceTest, UpdateProfileChangesNameAndLocale) {
  Person person = Register("anna@exempel.se");
  StatusOr<Person> updated =
      accounts_->UpdateProfile(SessionActor(person.id), " Anna A. ", "en");
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(updated->display_name, "Anna A.");
  EXPECT_EQ(updated->locale, "en");
  EXPECT_EQ(accounts_->GetPerson(person.id)->locale, "en");
  EXPECT_EQ(AuditActions().front(), "account.update_profile");
}

TEST_P(AccountServiceTest, UpdateProfileRejectsBadFieldsAndAnonymous) {
  Person person = Register("anna@exempel.se");
  Status bad =
      accounts_->UpdateProfile(SessionActor(person.id), "", "fi").status();
  EXPECT_THAT(
      InvalidFields(bad),
      UnorderedElementsAre("display_name:accounts.display_name.required",
                           "locale:accounts.locale.invalid"));
  EXPECT_EQ(
      accounts_->UpdateProfile(Actor::Anonymous(), "X", "sv").status().code(),
      StatusCode::kUnauthenticated);
  EXPECT_EQ(accounts_->GetPerson(person.id)->display_name, "Anna Andersson");
}

NYTTIG_INSTANTIATE_ENGINES(AccountServiceTest);

} // namespace
} // namespace nyttig::accounts
