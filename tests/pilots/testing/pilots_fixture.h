// PilotsTest: PilotService over a fresh database of each engine, with two
// organisations and people in each role written straight through the
// accounts stores (no passwords to hash), and a valid plan to start from.
#pragma once

#include <soci/soci.h>

#include <memory>
#include <string>

#include "accounts/organisation_store.h"
#include "accounts/person_store.h"
#include "audit/audit_log.h"
#include "pilots/pilot_service.h"
#include "support/test_database.h"

namespace nyttig::pilots::testing {

class PilotsTest : public nyttig::testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    service_ = std::make_unique<PilotService>(db(), clock_, audit_);
    org_a_ = AddOrganisation("Exempelby kommun", "exempelby-kommun");
    org_b_ = AddOrganisation("Grannby kommun", "grannby-kommun");
    coordinator_ = AddPerson("anna.berg@exempelby.se", "Anna Berg", org_a_, accounts::Role::kCoordinator);
    decider_ = AddPerson("lena.holm@exempelby.se", "Lena Holm", org_a_, accounts::Role::kDecisionMaker);
    employee_ = AddPerson("omar.said@exempelby.se", "Omar Said", org_a_, accounts::Role::kEmployee);
    other_coordinator_ =
        AddPerson("bo@grannby.se", "Bo Ek", org_b_, accounts::Role::kCoordinator);
    Status unit = db().Write([&](db::Tx& tx) -> Status {
      return accounts::OrganisationStore::InsertUnit(tx, {.organisation_id = org_a_,
                                                          .name = "Hemtjänst Norr"}, clock_.Now())
          .status();
    });
    ASSERT_TRUE(unit.ok()) << unit.ToString();
  }

  std::int64_t AddOrganisation(const std::string& name, const std::string& slug) {
    auto id = db().WriteValue<std::int64_t>([&](db::Tx& tx) -> StatusOr<std::int64_t> {
      return accounts::OrganisationStore::Insert(
          tx, {.name = name, .slug = slug, .kind = accounts::OrganisationKind::kMunicipality,
               .created_at = clock_.Now()});
    });
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  accounts::Actor AddPerson(const std::string& email, const std::string& name, std::int64_t org,
                            accounts::Role role) {
    accounts::Actor actor;
    auto id = db().WriteValue<std::int64_t>([&](db::Tx& tx) -> StatusOr<std::int64_t> {
      ASSIGN_OR_RETURN(std::int64_t person, accounts::PersonStore::Insert(
                                                tx, {.display_name = name, .email = email,
                                                     .created_at = clock_.Now()}));
      RETURN_IF_ERROR(accounts::OrganisationStore::InsertMembership(
                          tx, {.person_id = person, .organisation_id = org, .role = role,
                               .created_at = clock_.Now()})
                          .status());
      return person;
    });
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    actor.person_id = id.ok() ? *id : 0;
    actor.display_name = name;
    actor.method = accounts::AuthMethod::kSession;
    actor.memberships.push_back({.person_id = *actor.person_id, .organisation_id = org, .role = role});
    return actor;
  }

  // Before/after with comparison units, two metrics.
  static PilotInput Plan() {
    return PilotInput{
        .title = "Digital tillsyn nattetid",
        .hypothesis = "Restiden minskar när en del besök görs med kamera.",
        .units = {{"Hemtjänst Norr", "pilot"}, {"Hemtjänst Öster", "pilot"},
                  {"Hemtjänst Söder", "comparison"}, {"Hemtjänst Väster", "comparison"}},
        .geography = "Exempelby",
        .target_group = "Personer med nattillsyn",
        .baseline_from = "2026-08-03",
        .starts_on = "2026-09-07",
        .ends_on = "2027-02-28",
        .participants = {{"Exempelby högskola", ParticipantRole::kResearchPartner},
                         {"Trygghetsteknik AB", ParticipantRole::kSupplier}},
        .budget_sek = 450000,
        .risks = "Tekniken kan krångla.",
        .legal_basis = "Socialtjänstlagen",
        .needs_exemption = true,
        .design = "did",
        .metrics = {{.name = "Restid", .unit_of_measure = "minuter", .direction = "lower",
                     .measure = "mean", .baseline = 95, .target = 70},
                    {.name = "Genomförda besök", .unit_of_measure = "%", .direction = "higher",
                     .measure = "mean", .baseline = 91, .target = 97}}};
  }

  Pilot CreatePlanned() {
    StatusOr<Pilot> pilot = service_->CreatePilot(coordinator_, org_a_, Plan());
    EXPECT_TRUE(pilot.ok()) << pilot.status().ToString();
    return pilot.ok() ? *pilot : Pilot{};
  }

  std::int64_t Count(const std::string& table) {
    auto count = db().ReadValue<std::int64_t>([&](db::Tx& tx) -> StatusOr<std::int64_t> {
      long long n = 0;
      tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
      return std::int64_t(n);
    });
    return count.ok() ? *count : -1;
  }

  std::vector<std::string> AuditActions(std::int64_t chain) {
    std::vector<std::string> actions;
    auto page = audit_.ListEntries(db(), chain, 1, audit::kMaxPageLimit);
    EXPECT_TRUE(page.ok());
    if (page.ok()) {
      for (const audit::AuditEntry& entry : page->entries) actions.push_back(entry.action);
    }
    return actions;  // newest first
  }

  audit::AuditLog audit_{clock_, audit::AuditOptions{}};
  std::unique_ptr<PilotService> service_;
  std::int64_t org_a_ = 0, org_b_ = 0;
  accounts::Actor coordinator_, decider_, employee_, other_coordinator_;
};

}  // namespace nyttig::pilots::testing
