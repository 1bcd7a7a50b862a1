// Difference-in-differences by OLS against R 4.2.2's lm.
#include "pilots/stats/did.h"

#include <gtest/gtest.h>

#include "pilots/stats/estimate_matchers.h"

namespace nyttig::pilots {
namespace {

using testing::ExpectMatchesR;

// pb <- c(10,12,11,13); pa <- c(14,15,13,17); cb <- c(10,11,12); ca <- c(11,12,12)
// n <- c(length(pb), length(pa), length(cb), length(ca))
// d <- data.frame(value = c(pb, pa, cb, ca), pilot = rep(c(1,1,0,0), n),
//                 after = rep(c(0,1,0,1), n))
// m <- lm(value ~ pilot * after, data = d)
// c(coef(m)["pilot:after"], confint(m)["pilot:after", ],
//   summary(m)$coefficients["pilot:after", 4])
TEST(PilotDifferenceInDifferencesTest, MatchesRLm) {
  const EffectEstimate e =
      DifferenceInDifferences({{10, 12, 11, 13}, {14, 15, 13, 17}, {10, 11, 12}, {11, 12, 12}});
  ExpectMatchesR(e, 2.5833333333333304, -0.5002673721021185, 5.6669340387687797,
                 0.0915091839739951);
  EXPECT_EQ(e.method, "did_ols");
}

// As above with pb <- c(5,6); pa <- c(4,4.5,5); cb <- c(5,5.5,6,7); ca <- c(6,7,7.5,8)
TEST(PilotDifferenceInDifferencesTest, MatchesRLmForNegativeEffectInUnbalancedCells) {
  ExpectMatchesR(DifferenceInDifferences({{5, 6}, {4, 4.5, 5}, {5, 5.5, 6, 7}, {6, 7, 7.5, 8}}),
                 -2.2500000000000009, -4.2686457977031456, -0.2313542022968562, 0.0326923974585201);
}

TEST(PilotDifferenceInDifferencesTest, IsNotComputableWithAnEmptyCell) {
  const EffectEstimate e = DifferenceInDifferences({{1, 2}, {3, 4}, {1, 2}, {}});
  EXPECT_FALSE(e.computable());
  EXPECT_FALSE(e.notes.empty());
}

TEST(PilotDifferenceInDifferencesTest, GivesNoIntervalWithoutResidualDegreesOfFreedom) {
  const EffectEstimate e = DifferenceInDifferences({{1}, {3}, {1}, {2}});
  EXPECT_DOUBLE_EQ(e.effect.value_or(0), 1);
  EXPECT_FALSE(e.p_value.has_value());
  EXPECT_NE(e.notes.at(0).find("degrees of freedom"), std::string::npos);
}

TEST(PilotDifferenceInDifferencesTest, GivesNoIntervalWithZeroResidualVariance) {
  const EffectEstimate e = DifferenceInDifferences({{1, 1}, {3, 3}, {1, 1}, {2, 2}});
  EXPECT_DOUBLE_EQ(e.effect.value_or(0), 1);
  EXPECT_FALSE(e.ci_low.has_value());
  EXPECT_NE(e.notes.at(0).find("zero residual variance"), std::string::npos);
}

}  // namespace
}  // namespace nyttig::pilots
