// Measurements, evaluation and the decision through PilotService on SQLite
// and PostgreSQL: imports land whole or not at all, the evaluation sees what
// was stored, and the decision is recorded once, by a decision-maker, with
// what was learnt, and tells the idea link when a pilot is scaled up.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "pilots/commands.h"
#include "pilots/demo.h"
#include "pilots/testing/pilots_fixture.h"
#include "pilots/testing/test_pilots.h"

namespace nyttig::pilots {
namespace {

using ::testing::ElementsAre;
using testing::Problems;

class PilotDataTest : public testing::PilotsTest {
 protected:
  // Three weeks before and after for each unit; travel time falls in the pilot units.
  static std::string WeeklyCsv() {
    std::string csv = "unit,group,period,metric,value\n";
    const char* units[][2] = {{"Hemtjänst Norr", "pilot"}, {"Hemtjänst Öster", "pilot"},
                              {"Hemtjänst Söder", "comparison"}, {"Hemtjänst Väster", "comparison"}};
    const char* weeks[] = {"2026-08-10", "2026-08-17", "2026-09-14", "2026-09-21"};
    for (int unit_idx = 0; unit_idx < 4; ++unit_idx) {
      for (int week = 0; week < 4; ++week) {
        const bool pilot_after = unit_idx < 2 && week >= 2;
        const double value = 90 + unit_idx * 2 + week - (pilot_after ? 20 : 0);
        csv += std::string(units[unit_idx][0]) + "," + units[unit_idx][1] + "," + weeks[week] +
               ",Restid," + std::to_string(value) + "\n";
      }
    }
    return csv;
  }
};

TEST_P(PilotDataTest, ImportsAllRowsAndEvaluatesPerUnit) {
  Pilot pilot = CreatePlanned();
  StatusOr<int> imported = service_->ImportMeasurements(coordinator_, pilot.id, WeeklyCsv());
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_EQ(*imported, 16);
  StatusOr<PilotEvaluation> evaluation = service_->Evaluate(employee_, pilot.id);
  ASSERT_TRUE(evaluation.ok()) << evaluation.status().ToString();
  const MetricEvaluation& restid = evaluation->metrics[0];
  EXPECT_EQ(restid.result.estimate.method, "did_ols");
  EXPECT_EQ(restid.result.estimate.n_pilot, 2);
  EXPECT_EQ(restid.result.estimate.n_comparison, 2);
  ASSERT_TRUE(restid.result.estimate.effect.has_value());
  EXPECT_NEAR(*restid.result.estimate.effect, -20, 1e-9);
  EXPECT_EQ(restid.periods.size(), 4u);
  EXPECT_FALSE(evaluation->metrics[1].result.estimate.computable());  // no rows yet
  EXPECT_THAT(AuditActions(org_a_), ElementsAre("pilot.import_measurements", "pilot.create"));
}

TEST_P(PilotDataTest, ABadRowImportsNothing) {
  Pilot pilot = CreatePlanned();
  std::string csv = WeeklyCsv() + "Hemtjänst Norr,pilot,2026-09-28,Restid,många\n";
  StatusOr<int> imported = service_->ImportMeasurements(coordinator_, pilot.id, csv);
  ASSERT_FALSE(imported.ok());
  EXPECT_THAT(Problems(imported.status()),
              ElementsAre("line 18, column value:pilots.measurement.value_invalid"));
  EXPECT_EQ(Count("pilots_measurements"), 0);
  EXPECT_THAT(AuditActions(org_a_), ElementsAre("pilot.create"));
}

TEST_P(PilotDataTest, ImportingTheSameFileTwiceIsRefusedAsAWhole) {
  Pilot pilot = CreatePlanned();
  ASSERT_TRUE(service_->ImportMeasurements(coordinator_, pilot.id, WeeklyCsv()).ok());
  StatusOr<int> again = service_->ImportMeasurements(coordinator_, pilot.id, WeeklyCsv());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().invalid_parameters().size(), 16u);
  EXPECT_EQ(Count("pilots_measurements"), 16);
}

TEST_P(PilotDataTest, OneMeasurementFromTheForm) {
  Pilot pilot = CreatePlanned();
  ASSERT_TRUE(service_->RecordMeasurement(coordinator_, pilot.id,
                                          {"Hemtjänst Norr", "pilot", "2026-09-14", "Restid", "71,5"})
                  .ok());
  Status twice = service_->RecordMeasurement(coordinator_, pilot.id,
                                             {"Hemtjänst Norr", "pilot", "2026-09-14", "Restid", "70"});
  EXPECT_THAT(Problems(twice), ElementsAre("period:pilots.measurement.already_stored"));
  StatusOr<std::vector<StoredMeasurement>> rows = service_->ListMeasurements(employee_, pilot.id);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_DOUBLE_EQ((*rows)[0].value, 71.5);
  EXPECT_EQ((*rows)[0].phase, Phase::kAfter);
}

TEST_P(PilotDataTest, OnlyCoordinatorsEnterDataAndOtherOrganisationsSeeNothing) {
  Pilot pilot = CreatePlanned();
  EXPECT_EQ(service_->ImportMeasurements(employee_, pilot.id, WeeklyCsv()).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->ImportMeasurements(other_coordinator_, pilot.id, WeeklyCsv()).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(service_->Evaluate(other_coordinator_, pilot.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Count("pilots_measurements"), 0);
}

// Knows one idea, 42, of organisation `org`; records scale-ups and answers
// them with `answer`.
class RecordingIdeaLink : public IdeaLink {
 public:
  explicit RecordingIdeaLink(std::int64_t org = 0) : org_(org) {}
  StatusOr<std::string> LinkableIdeaTitle(db::Tx&, const accounts::Actor&, std::int64_t idea_id,
                                          std::int64_t organisation_id) const override {
    if (idea_id != 42 || (org_ && organisation_id != org_)) return NotFoundError("ideas.not_found");
    return std::string("Kameratillsyn");
  }
  Status PilotScaledUp(db::Tx&, const accounts::Actor&, std::int64_t idea_id, PilotId pilot) override {
    calls.emplace_back(idea_id, pilot);
    return answer;
  }
  std::vector<std::pair<std::int64_t, PilotId>> calls;
  Status answer = Status::Ok();

 private:
  std::int64_t org_;
};

TEST_P(PilotDataTest, ADecisionMakerDecidesOnceAndTheLessonsAreKept) {
  PilotInput plan = Plan();
  plan.idea_id = 42;
  StatusOr<Pilot> pilot = service_->CreatePilot(coordinator_, org_a_, plan);
  ASSERT_TRUE(pilot.ok());
  RecordingIdeaLink link;
  service_->SetIdeaLink(&link);
  DecisionInput decision{"scale_up", "Restiden minskade tydligt.", "Börja med frivilliga."};
  EXPECT_EQ(service_->Decide(coordinator_, pilot->id, decision).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_THAT(Problems(service_->Decide(decider_, pilot->id, {"maybe", " ", ""}).status()),
              ElementsAre("outcome:pilots.decision.outcome_invalid",
                          "reasoning:pilots.decision.reasoning_required",
                          "lessons:pilots.decision.lessons_required"));
  StatusOr<Pilot> decided = service_->Decide(decider_, pilot->id, decision);
  ASSERT_TRUE(decided.ok()) << decided.status().ToString();
  EXPECT_EQ(decided->state, PilotState::kDecided);
  ASSERT_TRUE(decided->decision.has_value());
  EXPECT_EQ(decided->decision->outcome, Outcome::kScaleUp);
  EXPECT_EQ(decided->decision->lessons, "Börja med frivilliga.");
  EXPECT_EQ(decided->decision->decided_by_name, "Lena Holm");
  EXPECT_THAT(link.calls, ElementsAre(std::make_pair(std::int64_t{42}, pilot->id)));
  EXPECT_EQ(service_->Decide(decider_, pilot->id, decision).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(service_->UpdatePlan(coordinator_, pilot->id, Plan()).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(service_->ImportMeasurements(coordinator_, pilot->id, WeeklyCsv()).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_THAT(AuditActions(org_a_), ElementsAre("pilot.decide", "pilot.create"));
}

TEST_P(PilotDataTest, ARefusedIdeaMoveLeavesTheDecisionUnrecorded) {
  RecordingIdeaLink link;
  service_->SetIdeaLink(&link);
  PilotInput plan = Plan();
  plan.idea_id = 42;
  StatusOr<Pilot> pilot = service_->CreatePilot(coordinator_, org_a_, plan);
  ASSERT_TRUE(pilot.ok()) << pilot.status().ToString();
  link.answer = FailedPreconditionError("pilots.decision.idea_not_in_test");
  StatusOr<Pilot> refused =
      service_->Decide(decider_, pilot->id, {"scale_up", "Restiden minskade.", "Börja smått."});
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().message(), "pilots.decision.idea_not_in_test");
  EXPECT_EQ(link.calls.size(), 1u);
  EXPECT_EQ(Count("pilots_decisions"), 0);
  EXPECT_EQ(service_->GetPilot(decider_, pilot->id)->state, PilotState::kPlanned);
  EXPECT_THAT(AuditActions(org_a_), ElementsAre("pilot.create"));
}

TEST_P(PilotDataTest, TheLinkedIdeaMustBeOneThePlannerSeesInTheOrganisation) {
  RecordingIdeaLink link(org_a_);
  service_->SetIdeaLink(&link);
  PilotInput plan = Plan();
  plan.idea_id = 7;
  EXPECT_THAT(Problems(service_->CreatePilot(coordinator_, org_a_, plan).status()),
              ElementsAre("idea_id:pilots.plan.idea_not_found"));
  plan.idea_id = 42;
  StatusOr<Pilot> pilot = service_->CreatePilot(coordinator_, org_a_, plan);
  ASSERT_TRUE(pilot.ok()) << pilot.status().ToString();
  EXPECT_EQ(service_->GetPilotWithIdea(employee_, pilot->id)->idea_title, "Kameratillsyn");
  plan.idea_id = 7;
  EXPECT_THAT(Problems(service_->UpdatePlan(coordinator_, pilot->id, plan).status()),
              ElementsAre("idea_id:pilots.plan.idea_not_found"));
  EXPECT_EQ(Count("pilots_pilots"), 1);
}

TEST_P(PilotDataTest, StoppingDoesNotTouchTheIdea) {
  PilotInput plan = Plan();
  plan.idea_id = 42;
  StatusOr<Pilot> pilot = service_->CreatePilot(coordinator_, org_a_, plan);
  ASSERT_TRUE(pilot.ok());
  RecordingIdeaLink link;
  service_->SetIdeaLink(&link);
  ASSERT_TRUE(service_->Decide(decider_, pilot->id, {"stop", "Ingen effekt.", "Mät tidigare."}).ok());
  EXPECT_TRUE(link.calls.empty());
}

TEST_P(PilotDataTest, AMetricWithDataCannotBeRemovedFromThePlan) {
  Pilot pilot = CreatePlanned();
  ASSERT_TRUE(service_->ImportMeasurements(coordinator_, pilot.id, WeeklyCsv()).ok());
  PilotInput plan = Plan();
  plan.metrics.erase(plan.metrics.begin());
  plan.metrics[0].id = pilot.metrics[1].id;
  EXPECT_EQ(service_->UpdatePlan(coordinator_, pilot.id, plan).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_P(PilotDataTest, CommandsImportAndEvaluateAsTheOrganisation) {
  Pilot pilot = CreatePlanned();
  nyttig::testing::TempDir dir;
  const std::string path = dir.path() + "/m.csv";
  {
    std::ofstream out(path);
    out << WeeklyCsv();
  }
  std::ostringstream out, err;
  EXPECT_EQ(RunImportMeasurementsCommand(db(), *service_, path, pilot.id, out, err), 0) << err.str();
  EXPECT_EQ(nlohmann::json::parse(out.str())["imported"], 16);
  std::ostringstream json, err2;
  EXPECT_EQ(RunEvaluateCommand(db(), *service_, pilot.id, "json", json, err2), 0) << err2.str();
  EXPECT_EQ(nlohmann::json::parse(json.str())["metrics"][0]["method"], "did_ols");
  std::ostringstream bad_out, bad_err;
  EXPECT_EQ(RunEvaluateCommand(db(), *service_, pilot.id, "csv", bad_out, bad_err), 2);
  EXPECT_EQ(RunEvaluateCommand(db(), *service_, 999, "json", bad_out, bad_err), 1);
  std::ostringstream again_out, again_err;
  EXPECT_EQ(RunImportMeasurementsCommand(db(), *service_, path, pilot.id, again_out, again_err), 1);
  EXPECT_NE(again_err.str().find("line 2, column period"), std::string::npos);
  EXPECT_NE(again_err.str().find("nothing was imported"), std::string::npos);
}

TEST_P(PilotDataTest, DemoLoadsTwoPilotsOnceAndTheRunningOneShowsAnEffect) {
  StatusOr<int> created = LoadDemo(*service_, coordinator_, decider_, org_a_);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(*created, 2);
  StatusOr<int> again = LoadDemo(*service_, coordinator_, decider_, org_a_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, 0);
  StatusOr<PilotPage> pilots = service_->ListPilots(employee_, {.organisation_id = org_a_});
  ASSERT_TRUE(pilots.ok());
  ASSERT_EQ(pilots->total, 2);
  const Pilot& decided = pilots->items[0];  // newest first
  EXPECT_EQ(decided.state, PilotState::kDecided);
  const Pilot& running = pilots->items[1];
  EXPECT_EQ(running.state, PilotState::kRunning);
  EXPECT_TRUE(running.published);
  StatusOr<PilotEvaluation> evaluation = service_->Evaluate(employee_, running.id);
  ASSERT_TRUE(evaluation.ok());
  EXPECT_EQ(evaluation->metrics[0].result.estimate.method, "did_ols");
  EXPECT_EQ(evaluation->metrics[0].reading, Reading::kBetter);  // travel time fell
  EXPECT_EQ(Count("pilots_measurements"), 8 * 16 * 2 + 6);
}

NYTTIG_INSTANTIATE_ENGINES(PilotDataTest);

}  // namespace
}  // namespace nyttig::pilots
