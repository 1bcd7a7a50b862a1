// Welch's t, paired t and Newcombe's difference of proportions against R 4.2.2
// (Debian r-base-core). Each case lists the R commands that produced it.
#include "pilots/stats/two_groups.h"

#include <gtest/gtest.h>

#include <limits>

#include "pilots/stats/estimate_matchers.h"

namespace nyttig::pilots {
namespace {

using testing::ExpectMatchesR;

// x <- c(5.1,4.8,6.2,5.9,5.5); y <- c(4.2,4.9,3.8,4.4); t <- t.test(x, y)
// c(mean(x)-mean(y), t$conf.int, t$p.value)
TEST(PilotWelchTTest, MatchesRForUnequalSizes) {
  const EffectEstimate e = WelchT({5.1, 4.8, 6.2, 5.9, 5.5}, {4.2, 4.9, 3.8, 4.4});
  ExpectMatchesR(e, 1.1749999999999998, 0.3649669186427959, 1.9850330813572035, 0.0109928829580743);
  EXPECT_EQ(e.method, "welch_t");
  EXPECT_EQ(e.n_pilot, 5);
  EXPECT_EQ(e.n_comparison, 4);
}

// t.test(c(2,3,3,4), c(5,6,7,8,9,10))
TEST(PilotWelchTTest, MatchesRForNegativeEffectWithTies) {
  ExpectMatchesR(WelchT({2, 3, 3, 4}, {5, 6, 7, 8, 9, 10}), -4.5, -6.5322121065977203,
                 -2.4677878934022797, 0.0011151880909596);
}

// t.test(c(1,3), c(2,2.5,4))
TEST(PilotWelchTTest, MatchesRForTwoUnitsInAGroup) {
  ExpectMatchesR(WelchT({1, 3}, {2, 2.5, 4}), -0.833333333333333, -6.648057294681086,
                 4.981390628014419, 0.558623321461434);
}

// t.test(c(5,5,5), c(1,2,3,4))
TEST(PilotWelchTTest, MatchesRWhenOneGroupHasZeroVariance) {
  ExpectMatchesR(WelchT({5, 5, 5}, {1, 2, 3, 4}), 2.5, 0.445739743239479, 4.554260256760521,
                 0.030466291662171);
}

TEST(PilotWelchTTest, GivesEffectButNoIntervalWithOneUnitInAGroup) {
  const EffectEstimate e = WelchT({4}, {1, 2, 3});
  ASSERT_TRUE(e.effect.has_value());
  EXPECT_DOUBLE_EQ(*e.effect, 2);
  EXPECT_FALSE(e.ci_low.has_value());
  EXPECT_FALSE(e.p_value.has_value());
  ASSERT_EQ(e.notes.size(), 1u);
  EXPECT_NE(e.notes[0].find("fewer than 2 units"), std::string::npos);
}

TEST(PilotWelchTTest, GivesNoIntervalWhenBothGroupsAreConstant) {
  const EffectEstimate e = WelchT({3, 3}, {1, 1, 1});
  EXPECT_DOUBLE_EQ(e.effect.value_or(0), 2);
  EXPECT_FALSE(e.p_value.has_value());
  EXPECT_NE(e.notes.at(0).find("zero variance"), std::string::npos);
}

TEST(PilotWelchTTest, IsNotComputableWithANonFiniteValue) {
  const EffectEstimate e = WelchT({1, std::numeric_limits<double>::quiet_NaN()}, {1, 2});
  EXPECT_FALSE(e.computable());
  EXPECT_NE(e.notes.at(0).find("not a finite number"), std::string::npos);
}

TEST(PilotWelchTTest, IsNotComputableWithAnEmptyGroup) {
  const EffectEstimate e = WelchT({}, {1, 2});
  EXPECT_FALSE(e.computable());
  EXPECT_FALSE(e.notes.empty());
}

// t <- t.test(c(12,15,11,14,13), c(10,14,11,12,10), paired = TRUE)
// c(t$estimate, t$conf.int, t$p.value)
TEST(PilotPairedTTest, MatchesR) {
  const EffectEstimate e = PairedT({12, 15, 11, 14, 13}, {10, 14, 11, 12, 10});
  ExpectMatchesR(e, 1.6, 0.1842852230177278, 3.0157147769822719, 0.0349197066745391);
  EXPECT_EQ(e.method, "paired_t");
  EXPECT_EQ(e.n_pilot, 5);
  EXPECT_EQ(e.n_comparison, 0);
}

// t.test(c(3.1,2.8,4.0,3.3), c(3.5,3.0,4.4,3.2), paired = TRUE)
TEST(PilotPairedTTest, MatchesRForNegativeEffect) {
  ExpectMatchesR(PairedT({3.1, 2.8, 4.0, 3.3}, {3.5, 3.0, 4.4, 3.2}), -0.225, -0.600991361980491,
                 0.150991361980490, 0.152961972536918);
}

// t.test(c(1,4), c(0,1), paired = TRUE)
TEST(PilotPairedTTest, MatchesRForTwoPairs) {
  ExpectMatchesR(PairedT({1, 4}, {0, 1}), 2, -10.706204736174694, 14.706204736174694,
                 0.295167235300866);
}

TEST(PilotPairedTTest, GivesNoIntervalWhenAllDifferencesAreEqual) {
  const EffectEstimate e = PairedT({2, 3, 4}, {1, 2, 3});
  EXPECT_DOUBLE_EQ(e.effect.value_or(0), 1);
  EXPECT_FALSE(e.ci_high.has_value());
  EXPECT_NE(e.notes.at(0).find("zero variance"), std::string::npos);
}

TEST(PilotPairedTTest, RefusesUnpairedInput) {
  EXPECT_FALSE(PairedT({1, 2, 3}, {1, 2}).computable());
}

// p <- x/n; d <- p[1]-p[2]
// w1 <- prop.test(x[1], n[1], correct=FALSE)$conf.int   (Wilson)
// w2 <- prop.test(x[2], n[2], correct=FALSE)$conf.int
// c(d, d - sqrt((p[1]-w1[1])^2 + (w2[2]-p[2])^2), d + sqrt((w1[2]-p[1])^2 + (p[2]-w2[1])^2),
//   prop.test(x, n, correct=FALSE)$p.value)
// with x <- c(15,8); n <- c(40,35)
TEST(PilotNewcombeDifferenceTest, MatchesR) {
  const EffectEstimate e = NewcombeDifference(15, 40, 8, 35);
  ExpectMatchesR(e, 0.1464285714285714, -0.0627198225481161, 0.3350278282329947,
                 0.1700626768977566);
  EXPECT_EQ(e.method, "newcombe_difference");
}

// As above with x <- c(3,9); n <- c(20,18)
TEST(PilotNewcombeDifferenceTest, MatchesRForNegativeDifference) {
  ExpectMatchesR(NewcombeDifference(3, 20, 9, 18), -0.35, -0.5813042751216282, -0.0529378776241351,
                 0.0204724306072833);
}

// As above with x <- c(0,5); n <- c(10,12)
TEST(PilotNewcombeDifferenceTest, MatchesRWithZeroSuccesses) {
  ExpectMatchesR(NewcombeDifference(0, 10, 5, 12), -0.4166666666666667, -0.6804886874504502,
                 -0.0603874874209109, 0.0202274537085770);
}

// As above with x <- c(10,10); n <- c(10,12)
TEST(PilotNewcombeDifferenceTest, MatchesRWithAllSuccessesInOneGroup) {
  ExpectMatchesR(NewcombeDifference(10, 10, 10, 12), 0.166666666666667, -0.135579772457509,
                 0.448030862252973, 0.175734335644225);
}

TEST(PilotNewcombeDifferenceTest, NotesSmallExpectedCounts) {
  const EffectEstimate e = NewcombeDifference(10, 10, 10, 12);
  EXPECT_NE(e.notes.at(0).find("below 5"), std::string::npos);
}

TEST(PilotNewcombeDifferenceTest, GivesIntervalButNoPWhenAllOutcomesAreEqual) {
  const EffectEstimate e = NewcombeDifference(0, 8, 0, 9);
  EXPECT_DOUBLE_EQ(e.effect.value_or(1), 0);
  EXPECT_TRUE(e.ci_low.has_value());
  EXPECT_FALSE(e.p_value.has_value());
}

TEST(PilotNewcombeDifferenceTest, IsNotComputableWithoutUnits) {
  EXPECT_FALSE(NewcombeDifference(0, 0, 1, 3).computable());
  EXPECT_FALSE(NewcombeDifference(5, 4, 1, 3).computable());
}

}  // namespace
}  // namespace nyttig::pilots
