// Survey results checked by hand on a small case, and the CSV export.
#include "surveys/survey_results.h"

#include <gtest/gtest.h>

#include <sstream>

#include "pilots/stats/csv_records.h"
#include "surveys/survey_csv.h"
#include "surveys/survey_validation.h"
#include "test_actors.h"

namespace nyttig::surveys {
namespace {


// Four responses. Options: q2 11..13, q3 14..16.
std::vector<StoredResponse> FourResponses() {
  UnixSeconds t = 1'795'000'000;  // 2026-11-18
  return {
      {1, t, {{{1, 2, {}, {}}, {2, {}, {11}, {}}, {3, {}, {14, 16}, {}}, {4, 10, {}, {}}}}},
      {2, t, {{{1, 4, {}, {}}, {2, {}, {11}, {}}, {3, {}, {16}, {}}, {4, 20, {}, {}},
              {5, {}, {}, "=HYPERLINK(\"http://x\")"}}}},
      {3, t, {{{1, 4, {}, {}}, {2, {}, {13}, {}}, {4, 30, {}, {}}, {5, {}, {}, "Bra, \"tack\"\nHej"}}}},
      {4, t, {{{1, 5, {}, {}}, {2, {}, {11}, {}}, {3, {}, {14}, {}}}}},
  };
}

TEST(SurveyResultsTest, LikertCountsSharesAndMeanWithInterval) {
  SurveyResults r = ComputeResults(ExampleSurvey(), FourResponses());
  EXPECT_EQ(r.responses, 4);
  const QuestionResult& likert = r.questions[0];
  EXPECT_EQ(likert.answered, 4);
  ASSERT_EQ(likert.counts.size(), 5u);
  EXPECT_EQ(likert.counts[1].count, 1);  // value 2
  EXPECT_EQ(likert.counts[3].count, 2);  // value 4
  EXPECT_DOUBLE_EQ(*likert.counts[3].share, 0.5);
  EXPECT_EQ(likert.counts[0].count, 0);
  // R: t.test(c(2, 4, 4, 5)) → mean 3.75, 95 % CI 1.747755 5.752245
  ASSERT_TRUE(likert.mean && likert.mean->ci_low);
  EXPECT_DOUBLE_EQ(*likert.mean->mean, 3.75);
  EXPECT_NEAR(*likert.mean->standard_deviation, 1.2583057392, 1e-9);
  EXPECT_NEAR(*likert.mean->ci_low, 1.747755, 1e-6);
  EXPECT_NEAR(*likert.mean->ci_high, 5.752245, 1e-6);
}

TEST(SurveyResultsTest, ChoiceSharesAreOfThoseWhoAnsweredTheQuestion) {
  SurveyResults r = ComputeResults(ExampleSurvey(), FourResponses());
  const QuestionResult& single = r.questions[1];
  EXPECT_EQ(single.counts[0].count, 3);
  EXPECT_DOUBLE_EQ(*single.counts[0].share, 0.75);
  EXPECT_EQ(single.counts[1].count, 0);
  const QuestionResult& multiple = r.questions[2];
  EXPECT_EQ(multiple.answered, 3);
  EXPECT_EQ(multiple.counts[0].count, 2);           // Pris
  EXPECT_DOUBLE_EQ(*multiple.counts[2].share, 2.0 / 3.0);  // Trygghet
}

TEST(SurveyResultsTest, NumberMeanAndFreeTexts) {
  SurveyResults r = ComputeResults(ExampleSurvey(), FourResponses());
  // R: t.test(c(10, 20, 30)) → mean 20, 95 % CI -4.841377 44.841377
  const MeanEstimate& m = *r.questions[3].mean;
  EXPECT_EQ(m.n, 3);
  EXPECT_NEAR(*m.ci_low, -4.841377, 1e-6);
  EXPECT_NEAR(*m.ci_high, 44.841377, 1e-6);
  EXPECT_EQ(r.questions[4].texts.size(), 2u);
  EXPECT_TRUE(r.questions[4].counts.empty());
}

TEST(SurveyResultsTest, IntervalNotComputableIsSaidNotGuessed) {
  EXPECT_EQ(EstimateMean({}).note, "no_answers");
  MeanEstimate one = EstimateMean({3});
  EXPECT_EQ(one.note, "too_few");
  EXPECT_EQ(one.mean, 3);
  EXPECT_FALSE(one.ci_low);
  MeanEstimate same = EstimateMean({4, 4, 4});
  EXPECT_EQ(same.note, "zero_variance");
  EXPECT_FALSE(same.ci_high);
}

TEST(SurveyResultsTest, NoResponsesGivesNoSharesRatherThanZeroDivisions) {
  SurveyResults r = ComputeResults(ExampleSurvey(), {});
  EXPECT_EQ(r.responses, 0);
  EXPECT_FALSE(r.questions[1].counts[0].share);
}

std::vector<pilots::CsvRecord> ExportRecords(std::string_view language) {
  std::ostringstream out;
  WriteResponsesCsv(ExampleSurvey(), FourResponses(), language, out);
  std::string text = out.str();
  EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
  StatusOr<std::vector<pilots::CsvRecord>> records = pilots::SplitCsvRecords(text);
  EXPECT_TRUE(records.ok()) << records.status().ToString();
  return records.ok() ? *records : std::vector<pilots::CsvRecord>{};
}

TEST(SurveyCsvTest, OneRowPerResponseAndOneColumnPerOptionOfMultipleChoice) {
  std::vector<pilots::CsvRecord> rows = ExportRecords("sv");
  ASSERT_EQ(rows.size(), 5u);
  // reference, time, q1, q2, q3 × 3 options, q4, q5
  ASSERT_EQ(rows[0].fields.size(), 9u);
  EXPECT_EQ(rows[0].fields[4], "Vad är viktigast?: Pris");
  EXPECT_EQ(rows[1].fields[0], "2026-00001");
  EXPECT_EQ(rows[1].fields[1], "2026-11-18T11:06:40Z");
  EXPECT_EQ((std::vector<std::string>(rows[1].fields.begin() + 2, rows[1].fields.end())),
            (std::vector<std::string>{"2", "Varje dag", "1", "0", "1", "10", ""}));
  // Response 3 skipped the multiple-choice question: empty cells, not zeros.
  EXPECT_EQ(rows[3].fields[4], "");
}

TEST(SurveyCsvTest, TextIsQuotedAndFormulasAreDefused) {
  std::vector<pilots::CsvRecord> rows = ExportRecords("sv");
  EXPECT_EQ(rows[2].fields[8], "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(rows[3].fields[8], "Bra, \"tack\"\nHej");
}

TEST(SurveyCsvTest, EnglishExportUsesEnglishTexts) {
  std::vector<pilots::CsvRecord> rows = ExportRecords("en");
  EXPECT_EQ(rows[0].fields[2], "The bus is on time.");
  EXPECT_EQ(rows[1].fields[3], "Every day");
}

TEST(SurveyCsvTest, CellsStartingWithFormulaCharactersGetAnApostrophe) {
  EXPECT_EQ(CsvTextCell("+46 70"), "'+46 70");
  EXPECT_EQ(CsvTextCell("-1"), "'-1");
  EXPECT_EQ(CsvTextCell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvTextCell("\tx"), "'\tx");
  EXPECT_EQ(CsvTextCell("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvTextCell("vanlig text"), "vanlig text");
}

}  // namespace
}  // namespace nyttig::surveys
