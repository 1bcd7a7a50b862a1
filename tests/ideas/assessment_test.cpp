// The assessment's pure parts: the weighted aggregate and its spread against
// hand-computed numbers, validation of criteria, reviews and checklist answers.
#include "ideas/assessment.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ideas/assessment_service.h"

namespace nyttig::ideas {
namespace {

using ::testing::ElementsAre;

std::vector<Criterion> TwoCriteria() {
  return {{.id = 1, .name = "Nytt", .scale_min = 1, .scale_max = 5, .weight = 1},
          {.id = 2, .name = "Nyttigt", .scale_min = 1, .scale_max = 5, .weight = 3}};
}

TEST(AssessmentSummaryTest, WeightsEachCriterionOnItsOwnScale) {
  // (1·(5−1)/4 + 3·(2−1)/4) / 4 = (1 + 0.75) / 4 = 0.4375
  Review review{.scores = {{1, 5}, {2, 2}}};
  EXPECT_DOUBLE_EQ(*WeightedPercent(TwoCriteria(), review), 43.75);
}

TEST(AssessmentSummaryTest, MeanMinMaxAndSampleStandardDeviationOfReviews) {
  // Review percents: 43.75, 100 (5,5) and 0 (1,1). Mean 47.916…; sample
  // variance ((−4.1667)² + 52.0833² + (−47.9167)²) / 2 = 2513.0208 → sd 50.1300
  // (Python: statistics.stdev([43.75, 100, 0]) = 50.130039231316516).
  std::vector<Review> reviews = {{.scores = {{1, 5}, {2, 2}}},
                                 {.scores = {{1, 5}, {2, 5}}},
                                 {.scores = {{1, 1}, {2, 1}}}};
  AssessmentSummary s = Summarize(TwoCriteria(), reviews);
  EXPECT_EQ(s.reviews, 3);
  EXPECT_NEAR(*s.weighted_percent, 47.9166667, 1e-6);
  EXPECT_DOUBLE_EQ(*s.min_percent, 0);
  EXPECT_DOUBLE_EQ(*s.max_percent, 100);
  EXPECT_NEAR(*s.stddev_percent, 50.130039231316516, 1e-9);
  ASSERT_EQ(s.criteria.size(), 2u);
  EXPECT_NEAR(*s.criteria[0].mean, 11.0 / 3, 1e-9);
  EXPECT_NEAR(*s.criteria[1].mean, 8.0 / 3, 1e-9);
}

TEST(AssessmentSummaryTest, OneReviewHasNoSpreadAndNoReviewsNoAggregate) {
  AssessmentSummary one = Summarize(TwoCriteria(), {{.scores = {{1, 3}, {2, 3}}}});
  EXPECT_DOUBLE_EQ(*one.weighted_percent, 50);
  EXPECT_FALSE(one.stddev_percent.has_value());
  AssessmentSummary none = Summarize(TwoCriteria(), {});
  EXPECT_EQ(none.reviews, 0);
  EXPECT_FALSE(none.weighted_percent.has_value());
  EXPECT_FALSE(none.criteria[0].mean.has_value());
}

TEST(AssessmentSummaryTest, DefaultsAreTheFiveCriteriaOfTheIdeaSluice) {
  std::vector<std::string> names;
  for (const Criterion& c : DefaultCriteria()) names.push_back(c.name);
  EXPECT_THAT(names, ElementsAre("Nytt", "Nyttigt", "Genomförbart", "Juridiskt möjligt",
                                 "Kostnad och nytta"));
}

TEST(AssessmentValidationTest, ReviewNeedsEveryActiveCriterionWithinItsScale) {
  std::vector<Criterion> criteria = TwoCriteria();
  criteria.push_back({.id = 3, .name = "Gammalt", .archived = true});
  Status missing = ValidateReview(criteria, {.scores = {{1, 3}}});
  ASSERT_EQ(missing.invalid_parameters().size(), 1u);
  EXPECT_EQ(missing.invalid_parameters()[0].name, "score_2");
  Status range = ValidateReview(criteria, {.scores = {{1, 0}, {2, 6}}});
  EXPECT_EQ(range.invalid_parameters().size(), 2u);
  Status archived = ValidateReview(criteria, {.scores = {{1, 3}, {2, 3}, {3, 3}}});
  EXPECT_EQ(archived.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(ValidateReview(criteria, {.scores = {{1, 3}, {2, 3}}}).ok());
}

TEST(AssessmentValidationTest, CriterionNeedsANameAScaleAndAWeight) {
  EXPECT_TRUE(ValidateCriterion({.name = "Hållbart", .scale_min = 1, .scale_max = 5}).ok());
  Status bad = ValidateCriterion({.name = "", .scale_min = 5, .scale_max = 5, .weight = 0});
  EXPECT_EQ(bad.invalid_parameters().size(), 3u);
}

TEST(AssessmentValidationTest, LegalAnswersNameAKnownQuestionAndAnswer) {
  auto ok = ValidateLegalAnswers({{"personal_data", "yes", "Vi behandlar namn."}});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ((*ok)[0].answer, LegalAnswer::kYes);
  EXPECT_EQ(ValidateLegalAnswers({{"weather", "yes", ""}}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateLegalAnswers({{"secrecy", "kanske", ""}}).status().invalid_parameters()[0].name,
            "answer_secrecy");
}

TEST(AssessmentValidationTest, UnansweredQuestionsInTheOrderOfTheChecklist) {
  std::vector<LegalItem> items = {{.question = "secrecy"}, {.question = "personal_data"}};
  EXPECT_THAT(UnansweredLegalQuestions(items), ElementsAre("procurement", "delegation"));
}

}  // namespace
}  // namespace nyttig::ideas
