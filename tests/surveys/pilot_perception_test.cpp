// PerceptionSummary: one perception survey's line in a pilot's evaluation,
// from hand-made results (no database).
#include <gtest/gtest.h>

#include "surveys/pilot_perception.h"

namespace nyttig::surveys {
namespace {

QuestionResult Likert(const std::string& text, std::vector<std::int64_t> per_value) {
  QuestionResult q{.question = {.id = 1, .kind = QuestionKind::kLikert, .text = {text, ""}}};
  for (size_t idx = 0; idx < per_value.size(); ++idx) {
    const std::string label = std::to_string(idx + 1);
    q.counts.push_back({std::nullopt, {label, label}, per_value[idx]});
    q.answered += per_value[idx];
  }
  return q;
}

SurveyResults Results(std::int64_t responses, std::vector<QuestionResult> questions) {
  Survey survey{.id = 9, .title = {"Trygghet", ""}, .audience = Audience::kStaff};
  return {survey, responses, std::move(questions)};
}

TEST(PilotPerceptionTest, AnEmptySurveySaysThereAreNoResponsesYet) {
  pilots::PerceptionResult r = PerceptionSummary(Results(0, {Likert("Bra?", {0, 0, 0, 0, 0})}));
  EXPECT_EQ(r.summary.sv, "Inga svar ännu.");
  EXPECT_EQ(r.summary.en, "No responses yet.");
  EXPECT_EQ(r.title.en, "Trygghet");  // English falls back to Swedish
  EXPECT_EQ(r.audience, "staff");
  EXPECT_EQ(r.url, "/surveys/9/results");
}

TEST(PilotPerceptionTest, WithoutALikertQuestionOnlyRespondentsAreCounted) {
  QuestionResult text{.question = {.kind = QuestionKind::kFreeText}, .answered = 1};
  pilots::PerceptionResult r = PerceptionSummary(Results(1, {text}));
  EXPECT_EQ(r.summary.sv, "1 svar.");
  EXPECT_EQ(r.summary.en, "1 response.");
}

TEST(PilotPerceptionTest, NobodyAgreeingGivesZeroWithAFiniteInterval) {
  // R: prop.test(0, 5, correct = FALSE)$conf.int = 0.0000 0.4345
  pilots::PerceptionResult r = PerceptionSummary(Results(6, {Likert("Bra?", {3, 2, 0, 0, 0})}));
  EXPECT_EQ(r.summary.sv, "0 % instämmer (4 eller 5) i ”Bra?” (95 % KI 0–43 %). 6 svar.");
  EXPECT_EQ(r.respondents, 6);
}

TEST(PilotPerceptionTest, TheFirstAnsweredLikertQuestionCounts) {
  // R: prop.test(2, 2, correct = FALSE)$conf.int = 0.3424 1.0000
  pilots::PerceptionResult r = PerceptionSummary(
      Results(2, {Likert("Tom", {0, 0, 0, 0, 0}), Likert("Nöjd?", {0, 0, 0, 1, 1})}));
  EXPECT_EQ(r.summary.en, "100 % agree (4 or 5) with “Nöjd?” (95 % CI 34–100 %). 2 responses.");
}

}  // namespace
}  // namespace nyttig::surveys
