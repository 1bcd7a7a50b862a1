// Planning pilots through PilotService on SQLite and PostgreSQL: what is
// stored and read back, validation, permissions, isolation between
// organisations, state changes and audit records.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pilots/pilot_search.h"
#include "pilots/testing/pilots_fixture.h"
#include "pilots/testing/test_pilots.h"

namespace nyttig::pilots {
namespace {

using ::testing::ElementsAre;
using ::testing::IsSupersetOf;
using testing::Problems;

class PilotServiceTest : public testing::PilotsTest {};

TEST_P(PilotServiceTest, StoresThePlanAndReadsItBack) {
  Pilot pilot = CreatePlanned();
  StatusOr<Pilot> read = service_->GetPilot(employee_, pilot.id);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->title, "Digital tillsyn nattetid");
  EXPECT_EQ(read->state, PilotState::kPlanned);
  EXPECT_EQ(read->design, Design::kDid);
  EXPECT_EQ(read->owner_name, "Anna Berg");
  EXPECT_TRUE(read->needs_exemption);
  EXPECT_EQ(read->budget_sek, 450000);
  ASSERT_EQ(read->units.size(), 4u);
  EXPECT_TRUE(read->units[0].organisation_unit_id.has_value());  // the organisation's own unit
  EXPECT_FALSE(read->units[1].organisation_unit_id.has_value());  // free text
  EXPECT_EQ(read->units[2].group, Group::kComparison);
  ASSERT_EQ(read->metrics.size(), 2u);
  EXPECT_EQ(read->metrics[0].direction, Direction::kLowerIsBetter);
  EXPECT_EQ(read->metrics[0].baseline, 95);
  EXPECT_EQ(read->participants[1].role, ParticipantRole::kSupplier);
  EXPECT_THAT(AuditActions(org_a_), ElementsAre("pilot.create"));
}

TEST_P(PilotServiceTest, ListsEveryProblemOfAPlanAtOnce) {
  PilotInput plan = Plan();
  plan.title = " ";
  plan.starts_on = "2026-13-01";
  plan.ends_on = "2026-01-01";
  plan.design = "lottery";
  plan.metrics[1].measure = "median";
  plan.metrics.push_back({.name = "restid", .direction = "up", .measure = "mean"});
  plan.units.push_back({"Hemtjänst Norr", "pilot"});
  StatusOr<Pilot> pilot = service_->CreatePilot(coordinator_, org_a_, plan);
  ASSERT_FALSE(pilot.ok());
  EXPECT_THAT(Problems(pilot.status()),
              IsSupersetOf({"title:validation.required", "starts_on:pilots.plan.date_invalid",
                            "design:pilots.plan.design_invalid",
                            "metrics[1].measure:pilots.plan.measure_invalid",
                            "metrics[2].name:pilots.plan.metric_twice",
                            "metrics[2].direction:pilots.plan.direction_invalid",
                            "units[4].name:pilots.plan.unit_twice"}));
  EXPECT_EQ(Count("pilots_pilots"), 0);
}

TEST_P(PilotServiceTest, ProportionAndRankNeedTheTwoGroupsDesign) {
  PilotInput plan = Plan();
  plan.metrics[0].measure = "rank";
  StatusOr<Pilot> pilot = service_->CreatePilot(coordinator_, org_a_, plan);
  ASSERT_FALSE(pilot.ok());
  EXPECT_THAT(Problems(pilot.status()),
              ElementsAre("metrics[0].measure:pilots.plan.measure_needs_two_groups"));
  plan.design = "two-groups";
  EXPECT_TRUE(service_->CreatePilot(coordinator_, org_a_, plan).ok());
}

TEST_P(PilotServiceTest, OnlyCoordinatorsOfTheOrganisationPlan) {
  EXPECT_EQ(service_->CreatePilot(employee_, org_a_, Plan()).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->CreatePilot(decider_, org_a_, Plan()).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->CreatePilot(other_coordinator_, org_a_, Plan()).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->CreatePilot(accounts::Actor::Anonymous(), org_a_, Plan()).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(Count("pilots_pilots"), 0);
}

TEST_P(PilotServiceTest, TheOwnerMustBelongToTheOrganisation) {
  PilotInput plan = Plan();
  plan.owner_id = *other_coordinator_.person_id;
  StatusOr<Pilot> pilot = service_->CreatePilot(coordinator_, org_a_, plan);
  EXPECT_THAT(Problems(pilot.status()), ElementsAre("owner_id:pilots.plan.owner_not_staff"));
}

TEST_P(PilotServiceTest, AnotherOrganisationsDraftIsNotFoundUntilPublished) {
  Pilot pilot = CreatePlanned();
  EXPECT_EQ(service_->GetPilot(other_coordinator_, pilot.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->GetPilot(accounts::Actor::Anonymous(), pilot.id).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(service_->SetPublished(other_coordinator_, pilot.id, true).status().code(),
            StatusCode::kNotFound);
  ASSERT_TRUE(service_->SetPublished(coordinator_, pilot.id, true).ok());
  EXPECT_TRUE(service_->GetPilot(accounts::Actor::Anonymous(), pilot.id).ok());
  // Seeing is not changing.
  EXPECT_EQ(service_->UpdatePlan(other_coordinator_, pilot.id, Plan()).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_P(PilotServiceTest, ListShowsOwnAndPublishedPilotsWithFilters) {
  Pilot own = CreatePlanned();
  PilotInput other_plan = Plan();
  other_plan.title = "Grannbys försök med lånecyklar";
  other_plan.units = {{"Centrum", "pilot"}};
  StatusOr<Pilot> other = service_->CreatePilot(other_coordinator_, org_b_, other_plan);
  ASSERT_TRUE(other.ok()) << other.status().ToString();

  auto titles = [&](const accounts::Actor& actor, PilotListQuery query) {
    std::vector<std::string> out;
    auto page = service_->ListPilots(actor, query);
    EXPECT_TRUE(page.ok());
    if (page.ok()) {
      for (const Pilot& p : page->items) out.push_back(p.title);
    }
    return out;
  };
  EXPECT_THAT(titles(employee_, {}), ElementsAre(own.title));
  EXPECT_TRUE(titles(accounts::Actor::Anonymous(), {}).empty());
  ASSERT_TRUE(service_->SetPublished(other_coordinator_, other->id, true).ok());
  EXPECT_THAT(titles(employee_, {}), ElementsAre(other_plan.title, own.title));
  EXPECT_THAT(titles(employee_, {.text = "LÅNECYKLAR"}), ElementsAre(other_plan.title));
  EXPECT_THAT(titles(employee_, {.organisation_id = org_a_}), ElementsAre(own.title));
  EXPECT_THAT(titles(employee_, {.state = PilotState::kRunning}), ElementsAre());
  EXPECT_THAT(titles(accounts::Actor::Anonymous(), {.organisation_id = org_a_}), ElementsAre());
}

TEST_P(PilotServiceTest, StateMovesForwardOnly) {
  Pilot pilot = CreatePlanned();
  EXPECT_EQ(service_->ChangeState(coordinator_, pilot.id, PilotState::kPlanned).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(service_->ChangeState(coordinator_, pilot.id, PilotState::kDecided).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(service_->ChangeState(employee_, pilot.id, PilotState::kRunning).status().code(),
            StatusCode::kPermissionDenied);
  StatusOr<Pilot> running = service_->ChangeState(coordinator_, pilot.id, PilotState::kRunning);
  ASSERT_TRUE(running.ok());
  EXPECT_EQ(running->state, PilotState::kRunning);
  EXPECT_THAT(AuditActions(org_a_), ElementsAre("pilot.change_state", "pilot.create"));
}

TEST_P(PilotServiceTest, UpdatingThePlanKeepsMetricIdsAndRenames) {
  Pilot pilot = CreatePlanned();
  PilotInput plan = Plan();
  plan.metrics[0].id = pilot.metrics[0].id;
  plan.metrics[0].name = "Restid per natt";
  plan.metrics[1].id = pilot.metrics[1].id;
  plan.metrics.push_back({.name = "Larm utan svar", .direction = "lower", .measure = "mean"});
  StatusOr<Pilot> updated = service_->UpdatePlan(coordinator_, pilot.id, plan);
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  ASSERT_EQ(updated->metrics.size(), 3u);
  EXPECT_EQ(updated->metrics[0].id, pilot.metrics[0].id);
  EXPECT_EQ(updated->metrics[0].name, "Restid per natt");
  EXPECT_EQ(updated->owner_id, *coordinator_.person_id);
}

TEST_P(PilotServiceTest, SearchDocumentFollowsPublication) {
  Pilot pilot = CreatePlanned();
  search::SearchDocument doc = ToSearchDocument(pilot);
  EXPECT_EQ(doc.kind, "pilot");
  EXPECT_EQ(doc.url, "/pilots/" + std::to_string(pilot.id));
  EXPECT_EQ(doc.audience, search::Audience::kOrganisation);
  EXPECT_NE(doc.body.find("Restid"), std::string::npos);
  EXPECT_THAT(doc.facets["state"], ElementsAre("planned"));
  StatusOr<Pilot> published = service_->SetPublished(coordinator_, pilot.id, true);
  ASSERT_TRUE(published.ok());
  EXPECT_EQ(ToSearchDocument(*published).audience, search::Audience::kPublic);
}

NYTTIG_INSTANTIATE_ENGINES(PilotServiceTest);

}  // namespace
}  // namespace nyttig::pilots
