#include "pilots/stats/measurements_csv.h"

#include <gtest/gtest.h>

#include <random>

namespace nyttig::pilots {
namespace {

std::vector<std::string> ErrorNames(const Status& status) {
  std::vector<std::string> names;
  for (const InvalidParameter& invalid : status.invalid_parameters()) names.push_back(invalid.name);
  return names;
}

TEST(PilotMeasurementsCsvTest, ReadsValidRows) {
  const auto rows = ParseMeasurementsCsv(
      "unit,group,phase,value\nA,pilot,before,1.5\n"
      "B,comparison,after,-2e1\n");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].unit, "A");
  EXPECT_EQ((*rows)[0].phase, Phase::kBefore);
  EXPECT_EQ((*rows)[0].line, 2);
  EXPECT_EQ((*rows)[1].group, Group::kComparison);
  EXPECT_DOUBLE_EQ((*rows)[1].value, -20);
}

TEST(PilotMeasurementsCsvTest, AcceptsQuotingBomCrlfAndColumnsInAnyOrder) {
  const auto rows = ParseMeasurementsCsv(
      "\xEF\xBB\xBFvalue,unit,phase,group\r\n"
      "\"3.5\",\"Skola \"\"Norr\"\", hus 2\",after,pilot\r\n"
      "4,\"two\nlines\",after,Comparison");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].unit, "Skola \"Norr\", hus 2");
  EXPECT_DOUBLE_EQ((*rows)[0].value, 3.5);
  EXPECT_EQ((*rows)[1].unit, "two\nlines");
  EXPECT_EQ((*rows)[1].group, Group::kComparison);
}

TEST(PilotMeasurementsCsvTest, CountsLinesInsideQuotedFields) {
  const auto rows = ParseMeasurementsCsv(
      "unit,group,phase,value\n\"a\nb\",pilot,after,1\n"
      "c,pilot,after,oops\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(ErrorNames(rows.status()), std::vector<std::string>{"line 4, column value"});
}

TEST(PilotMeasurementsCsvTest, ReportsEveryBadRowWithLineColumnAndReason) {
  const auto rows = ParseMeasurementsCsv(
      "unit,group,phase,value\n"
      ",pilot,after,1\n"
      "b,pilot,after,1,5\n"
      "c,pilot,after,\"1,5\"\n"
      "d,pilot,after,nan\n"
      "e,pilot,after,1e400\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(
      ErrorNames(rows.status()),
      (std::vector<std::string>{"line 2, column unit", "line 3, column *", "line 4, column value",
                                "line 5, column value", "line 6, column value"}));
  EXPECT_EQ(rows.status().invalid_parameters()[2].reason,
            "not a number (use '.' as decimal point)");
}

TEST(PilotMeasurementsCsvTest, RejectsAUnitInBothGroups) {
  const auto rows = ParseMeasurementsCsv(
      "unit,group,phase,value\nu,pilot,before,1\n"
      "u,comparison,after,2\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(ErrorNames(rows.status()), std::vector<std::string>{"line 3, column group"});
  EXPECT_NE(rows.status().invalid_parameters()[0].reason.find("line 2"), std::string::npos);
}

TEST(PilotMeasurementsCsvTest, RejectsAHeaderWithoutTheContractColumns) {
  const auto rows = ParseMeasurementsCsv("unit,group,period,value\nu,pilot,after,1\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(ErrorNames(rows.status()),
            (std::vector<std::string>{"line 1, column 3", "line 1, column phase"}));
}

TEST(PilotMeasurementsCsvTest, RejectsAnEmptyFile) {
  EXPECT_FALSE(ParseMeasurementsCsv("").ok());
  EXPECT_FALSE(ParseMeasurementsCsv("\n\n").ok());
}

TEST(PilotMeasurementsCsvTest, RejectsAnUnclosedQuote) {
  const auto rows = ParseMeasurementsCsv("unit,group,phase,value\n\"u,pilot,after,1\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(ErrorNames(rows.status()), std::vector<std::string>{"line 2, field 1"});
}

TEST(PilotMeasurementsCsvTest, ListsAtMostTheReportingLimit) {
  std::string text = "unit,group,phase,value\n";
  for (int row = 0; row < 250; ++row) text += "u,pilot,after,x\n";
  const auto rows = ParseMeasurementsCsv(text);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().invalid_parameters().size(), static_cast<size_t>(kMaxReportedRowErrors));
  EXPECT_NE(rows.status().message().find("250"), std::string::npos);
}

// Seeded, bounded garbage: the reader must never crash and must either accept
// the text or fail with kInvalidArgument and at least one located error.
TEST(PilotMeasurementsCsvTest, SurvivesRandomGarbage) {
  constexpr int kCases = 2000;
  constexpr int kMaxLength = 200;
  const std::string alphabet = "ab,\"\n\r 01.-e+xpilotcomparisonbeforeafter\xEF\xBB\xBF\t";
  std::mt19937 rng(20240611);
  for (int case_idx = 0; case_idx < kCases; ++case_idx) {
    std::string text = case_idx % 2 == 0 ? "unit,group,phase,value\n" : "";
    const int length = static_cast<int>(rng() % kMaxLength);
    for (int char_idx = 0; char_idx < length; ++char_idx) {
      text +=
          case_idx % 3 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    }
    const auto rows = ParseMeasurementsCsv(text);
    if (rows.ok()) continue;
    EXPECT_EQ(rows.status().code(), StatusCode::kInvalidArgument) << text;
    EXPECT_FALSE(rows.status().message().empty());
  }
}

TEST(PilotReadMeasurementsCsvFileTest, FailsWithNotFoundForAMissingFile) {
  EXPECT_EQ(ReadMeasurementsCsvFile("/nonexistent/m.csv").status().code(), StatusCode::kNotFound);
}

TEST(PilotAggregateByUnitTest, AveragesRowsOfOneUnitAndPhase) {
  const std::vector<Measurement> rows = {{"a", Group::kPilot, Phase::kAfter, 1.0, 2},
                                         {"a", Group::kPilot, Phase::kAfter, 2.0, 3},
                                         {"a", Group::kPilot, Phase::kBefore, 7.0, 4},
                                         {"b", Group::kComparison, Phase::kAfter, 4.0, 5}};
  const std::vector<UnitPhaseMean> means = AggregateByUnit(rows);
  ASSERT_EQ(means.size(), 3u);
  EXPECT_EQ(means[0].unit, "a");
  EXPECT_EQ(means[0].phase, Phase::kBefore);
  EXPECT_DOUBLE_EQ(means[1].mean, 1.5);
  EXPECT_EQ(means[1].rows, 2);
  EXPECT_EQ(CellMeans(means, Group::kPilot, Phase::kAfter), std::vector<double>{1.5});
  EXPECT_EQ(CountUnits(means, Group::kPilot), 1);
}

TEST(PilotAggregateByUnitTest, PairsOnlyUnitsWithBothPhases) {
  const std::vector<Measurement> rows = {{"a", Group::kPilot, Phase::kAfter, 3.0, 2},
                                         {"a", Group::kPilot, Phase::kBefore, 1.0, 3},
                                         {"b", Group::kPilot, Phase::kBefore, 9.0, 4}};
  const PairedMeans paired = PairByUnit(AggregateByUnit(rows), Group::kPilot);
  EXPECT_EQ(paired.after, std::vector<double>{3.0});
  EXPECT_EQ(paired.before, std::vector<double>{1.0});
  EXPECT_EQ(paired.units_missing_a_phase, 1);
}

}  // namespace
}  // namespace nyttig::pilots
