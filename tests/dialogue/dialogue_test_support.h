// Shared fixture of the dialogue service tests: DialogueService over a fresh
// database of each engine with a FakeClock, two organisations, and actors
// built by hand (roles are what the predicates read).
#pragma once

#include <soci/soci.h>

#include <memory>
#include <string>
#include <vector>

#include "accounts/organisation_store.h"
#include "accounts/secrets.h"
#include "audit/audit_log.h"
#include "dialogue/dialogue_service.h"
#include "jobs/job_queue.h"
#include "support/test_database.h"

namespace nyttig::dialogue::testing {

inline accounts::Actor PersonActor(std::int64_t person_id, std::vector<std::pair<std::int64_t, accounts::Role>> roles = {}) {
  accounts::Actor actor;
  actor.person_id = person_id;
  actor.display_name = "Person " + std::to_string(person_id);
  actor.method = accounts::AuthMethod::kSession;
  for (const auto& [org, role] : roles) {
    actor.memberships.push_back({.person_id = person_id, .organisation_id = org, .role = role});
  }
  return actor;
}

inline ParticipantIdentity Browser(int n) {
  // A browser token as the cookie carries it (at least 32 characters).
  return {.person_id = std::nullopt,
          .browser_token = "browser-token-" + std::to_string(n) + std::string(32, 'x')};
}

class DialogueTest : public nyttig::testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    ASSERT_TRUE(accounts::InitSodium().ok());
    jobs_ = std::make_unique<jobs::JobQueue>(db(), clock_);
    service_ = std::make_unique<DialogueService>(db(), clock_, audit_, *jobs_);
    org_ = InsertOrganisation("Exempelby kommun", "exempelby-kommun");
    other_org_ = InsertOrganisation("Annanby kommun", "annanby-kommun");
    coordinator_ = PersonActor(1, {{org_, accounts::Role::kCoordinator}});
    citizen_ = PersonActor(2);
    other_coordinator_ = PersonActor(3, {{other_org_, accounts::Role::kCoordinator}});
  }

  std::int64_t InsertOrganisation(const std::string& name, const std::string& slug) {
    auto id = db().WriteValue<std::int64_t>([&](db::Tx& tx) {
      return accounts::OrganisationStore::Insert(
          tx, {.name = name, .slug = slug, .created_at = clock_.Now()});
    });
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  // An open dialogue of org_ with three seed statements.
  Dialogue Open(DialogueInput input = {}, std::vector<std::string> seeds = {
                    "Biblioteket borde ha öppet på söndagar.",
                    "Jag vill kunna låna verktyg på biblioteket.",
                    "Biblioteket ska vara en tyst plats."}) {
    if (input.question.empty()) input.question = "Hur vill du att biblioteket ska utvecklas?";
    auto d = service_->CreateDialogue(coordinator_, org_, input, seeds);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? *d : Dialogue{};
  }

  std::vector<Statement> Accepted(DialogueId id) {
    auto list = service_->ListStatements(citizen_, id, std::nullopt, {1, 100});
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    return list.ok() ? list->items : std::vector<Statement>{};
  }

  std::int64_t Count(const std::string& sql) {
    auto n = db().ReadValue<std::int64_t>([&](db::Tx& tx) -> StatusOr<std::int64_t> {
      long long value = 0;
      tx.sql() << sql, soci::into(value);
      return std::int64_t(value);
    });
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    return n.ok() ? *n : -1;
  }

  audit::AuditLog audit_{clock_, {}};
  std::unique_ptr<jobs::JobQueue> jobs_;
  std::unique_ptr<DialogueService> service_;
  std::int64_t org_ = 0;
  std::int64_t other_org_ = 0;
  accounts::Actor coordinator_;
  accounts::Actor citizen_;
  accounts::Actor other_coordinator_;
  ParticipantIdentity none_{};
};

}  // namespace nyttig::dialogue::testing
