// Shared fixture of the ideas service tests: the ideas service and what it
// stands on (accounts, audit, outbox, inbox, a file store in a temp folder)
// over a fresh database of each engine, with helpers for organisations,
// people in roles and a complete idea input.
#pragma once

#include <soci/soci.h>

#include <memory>
#include <string>

#include "accounts/account_service.h"
#include "accounts/organisation_service.h"
#include "accounts/secrets.h"
#include "audit/audit_log.h"
#include "ideas/idea_service.h"
#include "inbox/inbox.h"
#include "mail/outbox.h"
#include "storage/file_store.h"
#include "support/test_database.h"

namespace nyttig::ideas {

inline constexpr char kTestPassword[] = "Kanelbulle-med-kaffe";

class IdeasTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    ASSERT_TRUE(accounts::InitSodium().ok());
    accounts::AccountOptions options;
    options.password_hash = accounts::kFastPasswordHashForTests;
    accounts_ = std::make_unique<accounts::AccountService>(db(), clock_, audit_log_, outbox_,
                                                           options);
    organisations_ = std::make_unique<accounts::OrganisationService>(db(), clock_, audit_log_);
    inbox_ = std::make_unique<inbox::Inbox>(db(), clock_, outbox_, "https://nyttig.example.se");
    files_ = storage::OpenLocalFileStore(std::string(temp_.path()) + "/files");
    ideas_ = std::make_unique<IdeaService>(db(), clock_, audit_log_, *inbox_, *files_,
                                           IdeaOptions{.max_attachment_bytes = 1024});
    auto admin = accounts_->CreatePlatformAdmin(
        {"plattform@nyttig.example.se", "Plattform", kTestPassword, "sv"});
    ASSERT_TRUE(admin.ok()) << admin.status().ToString();
    platform_admin_ = Actor(admin->id);
  }

  accounts::Actor Actor(accounts::PersonId person) {
    auto actor = accounts_->ActorForPerson(person, accounts::AuthMethod::kSession);
    EXPECT_TRUE(actor.ok()) << actor.status().ToString();
    return actor.ok() ? *actor : accounts::Actor{};
  }

  OrganisationId Org(const std::string& name) {
    auto org = organisations_->CreateOrganisation(platform_admin_,
                                                  {.name = name, .kind = "municipality"});
    EXPECT_TRUE(org.ok()) << org.status().ToString();
    return org.ok() ? org->id : 0;
  }

  accounts::PersonId Person(const std::string& email, const std::string& name) {
    auto person = accounts_->Register({email, name, kTestPassword, "sv"}, accounts::Actor{});
    EXPECT_TRUE(person.ok()) << person.status().ToString();
    return person.ok() ? person->id : 0;
  }

  // A new person with `role` in `org`, as a session actor.
  accounts::Actor Member(OrganisationId org, accounts::Role role, const std::string& email,
                         const std::string& name = "Testperson") {
    accounts::PersonId id = Person(email, name);
    auto granted = organisations_->GrantRole(platform_admin_, org, email, role, {});
    EXPECT_TRUE(granted.ok()) << granted.status().ToString();
    return Actor(id);
  }

  accounts::Actor Citizen(const std::string& email) {
    return Actor(Person(email, "Medborgare " + email));
  }

  static IdeaInput Input(const std::string& title = "Digitala matsedlar i skolan") {
    IdeaInput in;
    in.title = title;
    in.need = "Vårdnadshavare ringer skolköket varje vecka för att fråga om allergener.";
    in.need_who = "Vårdnadshavare och kökspersonal";
    in.need_how_often = "Varje vecka";
    in.need_cost = "Ungefär två timmar i veckan per kök";
    in.solution = "Publicera matsedeln med allergener i en öppen tjänst.";
    in.description = "Vi börjar med **två skolor**.";
    in.beneficiaries = {"citizens", "employees"};
    in.value_types = {"social", "economic"};
    in.value_estimate = "100 timmar per år";
    in.novelty = "organisation";
    in.origin = "adapted";
    in.source_url = "https://example.org/matsedel";
    in.step = "incremental";
    in.idea_type = "service";
    in.triggers = {"citizens"};
    in.area = "school";
    in.sdgs = {3, 12};
    return in;
  }

  Stage StageOfKind(OrganisationId org, StageKind kind) {
    auto pipeline = ideas_->GetPipeline(org);
    EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
    for (const Stage& s : *pipeline) {
      if (s.kind == kind) return s;
    }
    ADD_FAILURE() << "no stage of kind " << StageKindName(kind);
    return {};
  }

  Status OpenBox(OrganisationId org, bool anonymous_allowed) {
    return ideas_
        ->UpdateSettings(platform_admin_, org,
                         {.anonymous_allowed = anonymous_allowed, .public_box_open = true})
        .status();
  }

  std::int64_t Count(const std::string& table, const std::string& where = "1 = 1") {
    long long count = -1;
    Status s = db().Read([&](db::Tx& tx) {
      tx.sql() << "SELECT COUNT(*) FROM " + table + " WHERE " + where, soci::into(count);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return count;
  }

  testing::TempDir temp_;
  audit::AuditLog audit_log_{clock_, {}};
  mail::Outbox outbox_{clock_, {}};
  std::unique_ptr<accounts::AccountService> accounts_;
  std::unique_ptr<accounts::OrganisationService> organisations_;
  std::unique_ptr<inbox::Inbox> inbox_;
  std::unique_ptr<storage::FileStore> files_;
  std::unique_ptr<IdeaService> ideas_;
  accounts::Actor platform_admin_;
};

}  // namespace nyttig::ideas
