// The evaluation of a stored pilot runs the same methods as `nyttig pilots
// analyze` on the same data, per metric, with the unit as the unit of
// analysis; it reads effects against the metric's direction and never shows
// NaN or infinity.
#include "pilots/pilot_evaluation.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "pilots/stats/analyze_command.h"
#include "pilots/testing/test_pilots.h"

namespace nyttig::pilots {
namespace {

using testing::NightPilot;

StoredMeasurement Row(MetricId metric, const std::string& unit, Group group,
                      const std::string& period, Phase phase, double value) {
  return {.metric_id = metric, .unit = unit, .group = group, .period = period, .phase = phase,
          .value = value};
}

// Weekly rows: each unit measured three times before and three times after.
std::vector<StoredMeasurement> WeeklyRows() {
  struct UnitLevel {
    std::string unit;
    Group group;
    double before;
    double after;
  };
  const std::vector<UnitLevel> units = {{"Norr", Group::kPilot, 95, 70},
                                        {"Öster", Group::kPilot, 90, 71},
                                        {"Kyrkbacken", Group::kPilot, 99, 77},
                                        {"Söder", Group::kComparison, 93, 92},
                                        {"Väster", Group::kComparison, 88, 90},
                                        {"Åby", Group::kComparison, 97, 94}};
  const std::vector<std::string> before = {"2026-08-10", "2026-08-17", "2026-08-24"};
  const std::vector<std::string> after = {"2026-09-14", "2026-09-21", "2026-09-28"};
  std::vector<StoredMeasurement> rows;
  for (const UnitLevel& u : units) {
    for (size_t week = 0; week < 3; ++week) {
      const double wobble = double(week) - 1.0;  // mean zero within the unit
      rows.push_back(Row(11, u.unit, u.group, before[week], Phase::kBefore, u.before + wobble));
      rows.push_back(Row(11, u.unit, u.group, after[week], Phase::kAfter, u.after + 2 * wobble));
    }
  }
  return rows;
}

// The same rows as `pilots analyze` reads them: unit,group,phase,value.
nlohmann::json Analyze(const std::vector<StoredMeasurement>& rows, const std::string& design) {
  const std::string path = ::testing::TempDir() + "/pilots_eval_" + design + ".csv";
  {
    std::ofstream out(path);
    out << "unit,group,phase,value\n";
    for (const StoredMeasurement& row : rows) {
      out << row.unit << "," << GroupName(row.group) << "," << PhaseName(row.phase) << ","
          << nlohmann::json(row.value).dump() << "\n";
    }
  }
  std::ostringstream out, err;
  EXPECT_EQ(RunAnalyzeCommand({path, design, "mean"}, out, err), kExitOk) << err.str();
  std::remove(path.c_str());
  return nlohmann::json::parse(out.str());
}

void ExpectSameEstimate(const nlohmann::ordered_json& ours, const nlohmann::json& analyze) {
  for (const char* field : {"method", "n_pilot", "n_comparison"}) {
    EXPECT_EQ(nlohmann::json(ours[field]), analyze[field]) << field;
  }
  for (const char* field : {"effect", "ci_low", "ci_high", "p_value"}) {
    ASSERT_TRUE(analyze[field].is_number()) << field;
    EXPECT_NEAR(ours[field].get<double>(), analyze[field].get<double>(), 1e-12) << field;
  }
}

TEST(PilotEvaluationTest, DifferenceInDifferencesEqualsPilotsAnalyze) {
  const std::vector<StoredMeasurement> rows = WeeklyRows();
  PilotEvaluation evaluation = EvaluatePilot(NightPilot(Design::kDid), rows);
  const nlohmann::ordered_json json = EvaluationJson(evaluation);
  const auto& restid = json["metrics"][0];
  ExpectSameEstimate(restid, Analyze(rows, "did"));
  EXPECT_EQ(restid["method"], "did_ols");
  EXPECT_EQ(restid["n_pilot"], 3);  // units, not the 18 pilot rows
  EXPECT_EQ(restid["rows"], 36);
  EXPECT_EQ(restid["reading"], "better");  // travel time fell, and lower is better
  EXPECT_LT(restid["effect"].get<double>(), -15);
}

TEST(PilotEvaluationTest, BeforeAfterAndTwoGroupsEqualPilotsAnalyze) {
  const std::vector<StoredMeasurement> rows = WeeklyRows();
  ExpectSameEstimate(EvaluationJson(EvaluatePilot(NightPilot(Design::kBeforeAfter), rows))["metrics"][0],
                     Analyze(rows, "before-after"));
  ExpectSameEstimate(EvaluationJson(EvaluatePilot(NightPilot(Design::kTwoGroups), rows))["metrics"][0],
                     Analyze(rows, "two-groups"));
}

TEST(PilotEvaluationTest, AMetricWithoutDataSaysSoAndHasNoNumbers) {
  const nlohmann::ordered_json json = EvaluationJson(EvaluatePilot(NightPilot(), WeeklyRows()));
  const auto& nojdhet = json["metrics"][1];
  EXPECT_FALSE(nojdhet["computable"].get<bool>());
  EXPECT_TRUE(nojdhet["effect"].is_null());
  EXPECT_EQ(nojdhet["notes"][0], "no measurements yet");
  EXPECT_EQ(nojdhet["reading"], "unclear");
  EXPECT_FALSE(nojdhet["verdict"]["sv"].get<std::string>().empty());
}

TEST(PilotEvaluationTest, AllEqualValuesGiveNullsWithNotesNeverNaN) {
  std::vector<StoredMeasurement> rows;
  for (const char* unit : {"Norr", "Öster"}) rows.push_back(Row(11, unit, Group::kPilot, "after", Phase::kAfter, 5));
  for (const char* unit : {"Söder", "Väster"}) {
    rows.push_back(Row(11, unit, Group::kComparison, "after", Phase::kAfter, 5));
  }
  const nlohmann::ordered_json json = EvaluationJson(EvaluatePilot(NightPilot(Design::kTwoGroups), rows));
  const std::string text = json.dump();
  EXPECT_EQ(text.find("NaN"), std::string::npos);
  EXPECT_EQ(text.find("inf"), std::string::npos);
  EXPECT_TRUE(json["metrics"][0]["p_value"].is_null());
  EXPECT_FALSE(json["metrics"][0]["notes"].empty());
}

TEST(PilotEvaluationTest, ReadsAnIncreaseAsWorseWhenLowerIsBetter) {
  std::vector<StoredMeasurement> rows;
  const double pilot[] = {30, 31, 32, 33}, comparison[] = {10, 11, 12, 13};
  for (int idx = 0; idx < 4; ++idx) {
    rows.push_back(Row(11, "P" + std::to_string(idx), Group::kPilot, "after", Phase::kAfter, pilot[idx]));
    rows.push_back(Row(11, "C" + std::to_string(idx), Group::kComparison, "after", Phase::kAfter,
                       comparison[idx]));
  }
  PilotEvaluation evaluation = EvaluatePilot(NightPilot(Design::kTwoGroups), rows);
  EXPECT_EQ(evaluation.metrics[0].reading, Reading::kWorse);
}

TEST(PilotEvaluationTest, PeriodsRunBeforeThenDatesThenAfterWithGroupMeans) {
  std::vector<StoredMeasurement> rows = {
      Row(11, "Norr", Group::kPilot, "after", Phase::kAfter, 10),
      Row(11, "Norr", Group::kPilot, "2026-09-14", Phase::kAfter, 20),
      Row(11, "Öster", Group::kPilot, "2026-09-14", Phase::kAfter, 30),
      Row(11, "Söder", Group::kComparison, "before", Phase::kBefore, 40)};
  const MetricEvaluation m = EvaluatePilot(NightPilot(), rows).metrics[0];
  ASSERT_EQ(m.periods.size(), 3u);
  EXPECT_EQ(m.periods[0].period, "before");
  EXPECT_EQ(m.periods[1].period, "2026-09-14");
  EXPECT_DOUBLE_EQ(*m.periods[1].pilot_mean, 25);
  EXPECT_EQ(m.periods[1].pilot_units, 2);
  EXPECT_FALSE(m.periods[1].comparison_mean.has_value());
  EXPECT_EQ(m.periods[2].period, "after");
}

}  // namespace
}  // namespace nyttig::pilots
