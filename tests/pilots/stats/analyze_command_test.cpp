// End-to-end tests of `nyttig pilots analyze` through RunAnalyzeCommand, on
// CSV files written to a temporary folder.
#include "pilots/stats/analyze_command.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pilots/stats/estimate_matchers.h"

namespace nyttig::pilots {
namespace {

using testing::kRTolerance;

// The command's effect, interval and p as R printed them.
void ExpectJsonMatchesR(const nlohmann::json& json, double effect, double ci_low, double ci_high,
                        double p_value) {
  EXPECT_NEAR(json["effect"].get<double>(), effect, kRTolerance);
  EXPECT_NEAR(json["ci_low"].get<double>(), ci_low, kRTolerance);
  EXPECT_NEAR(json["ci_high"].get<double>(), ci_high, kRTolerance);
  EXPECT_NEAR(json["p_value"].get<double>(), p_value, kRTolerance);
}

class PilotAnalyzeCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           (std::string("nyttig_analyze_") + info->name() + "_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string WriteCsv(const std::string& text) {
    const std::filesystem::path path = dir_ / "measurements.csv";
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  // Runs the command; stores stdout, stderr and the exit code.
  int Run(const std::string& path, const std::string& design, const std::string& measure) {
    std::ostringstream out;
    std::ostringstream err;
    exit_code_ = RunAnalyzeCommand({path, design, measure}, out, err);
    out_ = out.str();
    err_ = err.str();
    return exit_code_;
  }

  nlohmann::json Output() const { return nlohmann::json::parse(out_); }

  std::filesystem::path dir_;
  int exit_code_ = -1;
  std::string out_;
  std::string err_;
};

// Unit means after averaging: pilot a=5.1 (5.0, 5.2), b=4.8, c=6.2, d=5.9, e=5.5;
// comparison f=4.2, g=4.9 (4.4, 5.4), h=3.8, i=4.4. Before rows are ignored.
// R: t.test(c(5.1,4.8,6.2,5.9,5.5), c(4.2,4.9,3.8,4.4))
constexpr const char* kTwoGroupsCsv =
    "unit,group,phase,value\n"
    "a,pilot,after,5.0\n"
    "a,pilot,after,5.2\n"
    "b,pilot,after,4.8\n"
    "c,pilot,after,6.2\n"
    "d,pilot,after,5.9\n"
    "\"e\",pilot,after,\"5.5\"\n"
    "f,comparison,after,4.2\n"
    "g,comparison,after,4.4\n"
    "g,comparison,after,5.4\n"
    "h,comparison,after,3.8\n"
    "i,comparison,after,4.4\n"
    "i,comparison,before,1000\n";

TEST_F(PilotAnalyzeCommandTest, AveragesRowsPerUnitBeforeWelchT) {
  ASSERT_EQ(Run(WriteCsv(kTwoGroupsCsv), "two-groups", "mean"), kExitOk) << err_;
  const nlohmann::json json = Output();
  EXPECT_EQ(json["method"], "welch_t");
  ExpectJsonMatchesR(json, 1.1749999999999998, 0.3649669186427959, 1.9850330813572035,
                     0.0109928829580743);
  EXPECT_EQ(json["n_pilot"], 5);
  EXPECT_EQ(json["n_comparison"], 4);
  EXPECT_EQ(json["notes"].size(), 1u);  // the ignored before row
}

TEST_F(PilotAnalyzeCommandTest, PrintsExactlyTheContractFields) {
  ASSERT_EQ(Run(WriteCsv(kTwoGroupsCsv), "two-groups", "mean"), kExitOk);
  std::vector<std::string> keys;
  const nlohmann::ordered_json json = nlohmann::ordered_json::parse(out_);
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"method", "effect", "ci_low", "ci_high", "p_value",
                                            "n_pilot", "n_comparison", "notes"}));
}

TEST_F(PilotAnalyzeCommandTest, WritesTheVerdictToStderrInSwedishFirst) {
  ASSERT_EQ(Run(WriteCsv(kTwoGroupsCsv), "two-groups", "mean"), kExitOk);
  EXPECT_EQ(err_.find("En tydlig skillnad kunde visas"), 0u) << err_;
  EXPECT_NE(err_.find("A clear difference could be shown"), std::string::npos);
}

// R: t.test(c(12,15,11,14,13), c(10,14,11,12,10), paired = TRUE); unit f has no
// after value and comparison rows are not used.
TEST_F(PilotAnalyzeCommandTest, RunsPairedTOnUnitsWithBothPhases) {
  const std::string csv =
      "unit,group,phase,value\n"
      "a,pilot,before,10\na,pilot,after,12\nb,pilot,before,14\nb,pilot,after,15\n"
      "c,pilot,before,11\nc,pilot,after,11\nd,pilot,before,12\nd,pilot,after,14\n"
      "e,pilot,before,9\ne,pilot,before,11\ne,pilot,after,13\nf,pilot,before,3\n"
      "x,comparison,after,1\n";
  ASSERT_EQ(Run(WriteCsv(csv), "before-after", "mean"), kExitOk) << err_;
  const nlohmann::json json = Output();
  EXPECT_EQ(json["method"], "paired_t");
  EXPECT_NEAR(json["effect"].get<double>(), 1.6, kRTolerance);
  EXPECT_NEAR(json["p_value"].get<double>(), 0.0349197066745391, kRTolerance);
  EXPECT_EQ(json["n_pilot"], 5);
  EXPECT_EQ(json["notes"].size(), 2u);
}

TEST_F(PilotAnalyzeCommandTest, PrintsComputableFalseWhenAGroupIsEmpty) {
  ASSERT_EQ(Run(WriteCsv("unit,group,phase,value\na,pilot,after,1\n"), "two-groups", "mean"),
            kExitOk);
  const nlohmann::json json = Output();
  EXPECT_EQ(json, (nlohmann::json{{"computable", false}, {"reason", json["reason"]}}));
  EXPECT_NE(json["reason"].get<std::string>().find("no units"), std::string::npos);
  EXPECT_NE(err_.find("För få enheter"), std::string::npos);
}

TEST_F(PilotAnalyzeCommandTest, PrintsNullWithANoteForAnUncomputableInterval) {
  ASSERT_EQ(Run(WriteCsv("unit,group,phase,value\na,pilot,after,3\nb,pilot,after,3\n"
                         "c,comparison,after,1\nd,comparison,after,1\n"),
                "two-groups", "mean"),
            kExitOk);
  const nlohmann::json json = Output();
  EXPECT_EQ(json["effect"], 2.0);
  EXPECT_TRUE(json["ci_low"].is_null());
  EXPECT_TRUE(json["p_value"].is_null());
  EXPECT_EQ(json["notes"].size(), 1u);
  EXPECT_EQ(out_.find("nan"), std::string::npos);
}

TEST_F(PilotAnalyzeCommandTest, ListsEveryMalformedRowAndPrintsNothing) {
  const std::string csv =
      "unit,group,phase,value\n"
      "a,pilot,after,1\n"
      "b,pilot,during,2\n"
      "c,control,after,x\n"
      "d,pilot,after\n";
  EXPECT_EQ(Run(WriteCsv(csv), "two-groups", "mean"), kExitFailure);
  EXPECT_TRUE(out_.empty());
  EXPECT_NE(err_.find("line 3, column phase"), std::string::npos) << err_;
  EXPECT_NE(err_.find("line 4, column group"), std::string::npos);
  EXPECT_NE(err_.find("line 4, column value"), std::string::npos);
  EXPECT_NE(err_.find("line 5"), std::string::npos);
}

TEST_F(PilotAnalyzeCommandTest, FailsOnAMissingFile) {
  EXPECT_EQ(Run((dir_ / "absent.csv").string(), "two-groups", "mean"), kExitFailure);
  EXPECT_TRUE(out_.empty());
  EXPECT_FALSE(err_.empty());
}

TEST_F(PilotAnalyzeCommandTest, RejectsAnUnknownDesignAsUsageError) {
  EXPECT_EQ(Run(WriteCsv(kTwoGroupsCsv), "crossover", "mean"), kExitUsage);
  EXPECT_TRUE(out_.empty());
  EXPECT_NE(err_.find("crossover"), std::string::npos);
}

TEST_F(PilotAnalyzeCommandTest, RejectsAnUnknownMeasureAsUsageError) {
  EXPECT_EQ(Run(WriteCsv(kTwoGroupsCsv), "two-groups", "median"), kExitUsage);
}

TEST_F(PilotAnalyzeCommandTest, RejectsAnUndefinedCombinationAsUsageError) {
  EXPECT_EQ(Run(WriteCsv(kTwoGroupsCsv), "did", "rank"), kExitUsage);
  EXPECT_EQ(Run(WriteCsv(kTwoGroupsCsv), "before-after", "proportion"), kExitUsage);
  EXPECT_TRUE(out_.empty());
}

// 15 of 40 pilot units and 8 of 35 comparison units succeed.
// R: as NewcombeDifferenceTest.MatchesR (prop.test(c(15,8), c(40,35), correct = FALSE) and
// the Wilson intervals prop.test(15, 40, correct = FALSE), prop.test(8, 35, correct = FALSE)).
TEST_F(PilotAnalyzeCommandTest, RunsNewcombeDifferenceOnZeroOneValues) {
  std::string csv = "unit,group,phase,value\n";
  for (int unit = 0; unit < 40; ++unit) {
    csv += "p" + std::to_string(unit) + ",pilot,after," + (unit < 15 ? "1" : "0") + "\n";
  }
  for (int unit = 0; unit < 35; ++unit) {
    csv += "c" + std::to_string(unit) + ",comparison,after," + (unit < 8 ? "1" : "0") + "\n";
  }
  ASSERT_EQ(Run(WriteCsv(csv), "two-groups", "proportion"), kExitOk) << err_;
  const nlohmann::json json = Output();
  EXPECT_EQ(json["method"], "newcombe_difference");
  ExpectJsonMatchesR(json, 0.1464285714285714, -0.0627198225481161, 0.3350278282329947,
                     0.1700626768977566);
  EXPECT_EQ(json["n_pilot"], 40);
  EXPECT_EQ(json["n_comparison"], 35);
}

TEST_F(PilotAnalyzeCommandTest, FailsOnAProportionValueOtherThanZeroOrOne) {
  EXPECT_EQ(Run(WriteCsv("unit,group,phase,value\na,pilot,after,1\nb,comparison,after,0.5\n"),
                "two-groups", "proportion"),
            kExitFailure);
  EXPECT_TRUE(out_.empty());
  EXPECT_NE(err_.find("line 3"), std::string::npos) << err_;
}

TEST_F(PilotAnalyzeCommandTest, FailsOnTwoProportionRowsForOneUnit) {
  EXPECT_EQ(Run(WriteCsv("unit,group,phase,value\na,pilot,after,1\na,pilot,after,1\n"),
                "two-groups", "proportion"),
            kExitFailure);
  EXPECT_NE(err_.find("one per unit"), std::string::npos) << err_;
}

// R: x <- c(1,1,2); y <- c(3,4,5,5,7); median(outer(x, y, "-"));
// wilcox.test(x, y, exact = FALSE, correct = TRUE)$p.value
TEST_F(PilotAnalyzeCommandTest, RunsMannWhitneyWithANullInterval) {
  const std::string csv =
      "unit,group,phase,value\na,pilot,after,1\nb,pilot,after,1\nc,pilot,after,2\n"
      "d,comparison,after,3\ne,comparison,after,4\nf,comparison,after,5\n"
      "g,comparison,after,5\nh,comparison,after,7\n";
  ASSERT_EQ(Run(WriteCsv(csv), "two-groups", "rank"), kExitOk) << err_;
  const nlohmann::json json = Output();
  EXPECT_EQ(json["method"], "mann_whitney");
  EXPECT_NEAR(json["effect"].get<double>(), -3, kRTolerance);
  EXPECT_NEAR(json["p_value"].get<double>(), 0.0346611858875073, kRTolerance);
  EXPECT_TRUE(json["ci_low"].is_null());
  EXPECT_TRUE(json["ci_high"].is_null());
  EXPECT_EQ(json["notes"].size(), 1u);
}

// Unit-phase means as in DifferenceInDifferencesTest.MatchesRLm:
// pb <- c(10,12,11,13); pa <- c(14,15,13,17); cb <- c(10,11,12); ca <- c(11,12,12);
// lm(value ~ pilot * after) → pilot:after, confint, p. Unit p1's before value is the mean of
// two rows (9, 11).
TEST_F(PilotAnalyzeCommandTest, RunsDidOnUnitPhaseMeans) {
  const std::string csv =
      "unit,group,phase,value\n"
      "p1,pilot,before,9\np1,pilot,before,11\np2,pilot,before,12\np3,pilot,before,11\n"
      "p4,pilot,before,13\np1,pilot,after,14\np2,pilot,after,15\np3,pilot,after,13\n"
      "p4,pilot,after,17\nc1,comparison,before,10\nc2,comparison,before,11\n"
      "c3,comparison,before,12\nc1,comparison,after,11\nc2,comparison,after,12\n"
      "c3,comparison,after,12\n";
  ASSERT_EQ(Run(WriteCsv(csv), "did", "mean"), kExitOk) << err_;
  const nlohmann::json json = Output();
  EXPECT_EQ(json["method"], "did_ols");
  ExpectJsonMatchesR(json, 2.5833333333333304, -0.5002673721021185, 5.6669340387687797,
                     0.0915091839739951);
  EXPECT_EQ(json["n_pilot"], 4);
  EXPECT_EQ(json["n_comparison"], 3);
  EXPECT_NE(err_.find("Ingen tydlig skillnad kunde visas"), std::string::npos) << err_;
  EXPECT_NE(err_.find("enheter per grupp"), std::string::npos) << err_;
}

TEST_F(PilotAnalyzeCommandTest, PrintsComputableFalseForAnEmptyMeasurementsFile) {
  ASSERT_EQ(Run(WriteCsv("unit,group,phase,value\n"), "did", "mean"), kExitOk);
  EXPECT_EQ(Output()["computable"], false);
}

}  // namespace
}  // namespace nyttig::pilots
