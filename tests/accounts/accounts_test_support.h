// Shared fixture of the accounts service tests: the three services of the
// module over a fresh database of each engine, a FakeClock, and helpers to
// register people, log them in and look at what was stored.
#pragma once

#include <soci/soci.h>

#include <memory>
#include <string>
#include <vector>

#include "accounts/account_service.h"
#include "accounts/organisation_service.h"
#include "accounts/token_service.h"
#include "audit/audit_log.h"
#include "mail/outbox.h"
#include "support/test_database.h"

namespace nyttig::accounts {

inline constexpr char kPassword[] = "Kanelbulle-med-kaffe";
inline constexpr char kClientAddress[] = "192.0.2.10";

class AccountsTest : public testing::EngineTest {
protected:
  void SetUp() override {
    EngineTest::SetUp();
    ASSERT_TRUE(InitSodium().ok());
    AccountOptions options;
    options.password_hash = kFastPasswordHashForTests;
    options.public_base_url = "https://nyttig.example.se";
    accounts_ = std::make_unique<AccountService>(db(), clock_, audit_log_,
                                                 outbox_, options);
    organisations_ =
        std::make_unique<OrganisationService>(db(), clock_, audit_log_);
    tokens_ =
        std::make_unique<TokenService>(db(), clock_, audit_log_, *accounts_);
  }

  // Where requests come from in these tests.
  static Actor Origin(std::string address = kClientAddress) {
    Actor origin;
    origin.client_address = std::move(address);
    origin.user_agent = "Firefox/140";
    return origin;
  }

  Person Register(const std::string &email,
                  const std::string &name = "Anna Andersson",
                  const std::string &password = kPassword) {
    StatusOr<Person> person =
        accounts_->Register({email, name, password, "sv"}, Origin());
    EXPECT_TRUE(person.ok()) << person.status().ToString();
    return person.ok() ? *person : Person{};
  }

  // Logs in and returns the session token ("" on failure, with a test failure).
  std::string Login(const std::string &email,
                    const std::string &password = kPassword) {
    StatusOr<LoginResult> login = accounts_->Login(email, password, Origin());
    EXPECT_TRUE(login.ok()) << login.status().ToString();
    return login.ok() ? login->session_token : "";
  }

  Actor SessionActor(PersonId person) {
    StatusOr<Actor> actor =
        accounts_->ActorForPerson(person, AuthMethod::kSession);
    EXPECT_TRUE(actor.ok()) << actor.status().ToString();
    return actor.ok() ? *actor : Actor{};
  }

  Actor PlatformAdmin() {
    StatusOr<Person> admin = accounts_->CreatePlatformAdmin(
        {"admin@nyttig.example.se", "Plattformsadmin", kPassword, "sv"});
    EXPECT_TRUE(admin.ok()) << admin.status().ToString();
    return admin.ok() ? SessionActor(admin->id) : Actor{};
  }

  std::int64_t Count(const std::string &table,
                     const std::string &where = "1 = 1") {
    long long count = -1;
    Status s = db().Read([&](db::Tx &tx) {
      tx.sql() << "SELECT COUNT(*) FROM " + table + " WHERE " + where,
          soci::into(count);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return count;
  }

  // Every text value of `columns` in `table`, one string per row and column.
  std::vector<std::string> TextValues(const std::string &table,
                                      const std::string &columns) {
    std::vector<std::string> values;
    Status s = db().Read([&](db::Tx &tx) {
      soci::rowset<soci::row> rows = tx.sql().prepare
                                     << "SELECT " + columns + " FROM " + table;
      for (const soci::row &row : rows) {
        for (std::size_t col = 0; col < row.size(); ++col) {
          if (row.get_indicator(col) != soci::i_null)
            values.push_back(row.get<std::string>(col));
        }
      }
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return values;
  }

  // Everything the audit log stores in text, in and outside the chains.
  std::vector<std::string> AuditText() {
    std::vector<std::string> values = TextValues(
        "audit_entries",
        "actor, actor_role, action, entity_type, entity_id, details");
    for (std::string &value :
         TextValues("audit_personal", "client_address, user_agent")) {
      values.push_back(std::move(value));
    }
    return values;
  }

  std::vector<mail::OutgoingMail> Mails() {
    StatusOr<std::vector<mail::OutgoingMail>> mails =
        outbox_.Pending(db(), 100);
    EXPECT_TRUE(mails.ok()) << mails.status().ToString();
    return mails.ok() ? *mails : std::vector<mail::OutgoingMail>{};
  }

  std::vector<std::string>
  AuditActions(std::int64_t chain_id = audit::kPlatformChain) {
    std::vector<std::string> actions;
    StatusOr<audit::EntryPage> page =
        audit_log_.ListEntries(db(), chain_id, 1, audit::kMaxPageLimit);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (!page.ok())
      return actions;
    for (const audit::AuditEntry &entry : page->entries)
      actions.push_back(entry.action);
    return actions; // newest first
  }

  void ExpectAuditChainsVerify() {
    StatusOr<audit::VerifyReport> report = audit_log_.Verify(db());
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_TRUE(report->ok());
    EXPECT_GT(report->entries, 0);
  }

  void Execute(const std::string &sql) {
    Status s = db().Write([&](db::Tx &tx) {
      tx.sql() << sql;
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  audit::AuditLog audit_log_{clock_, audit::AuditOptions{}};
  mail::Outbox outbox_{clock_, mail::OutboxOptions{}};
  std::unique_ptr<AccountService> accounts_;
  std::unique_ptr<OrganisationService> organisations_;
  std::unique_ptr<TokenService> tokens_;
};

// The names of the invalid fields and their message keys, "field:key".
inline std::vector<std::string> InvalidFields(const Status &status) {
  std::vector<std::string> fields;
  for (const InvalidParameter &p : status.invalid_parameters()) {
    fields.push_back(p.name + ":" + p.reason);
  }
  return fields;
}

} // namespace nyttig::accounts
