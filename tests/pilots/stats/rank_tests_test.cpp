// Mann–Whitney with the Hodges–Lehmann shift against R 4.2.2.
#include "pilots/stats/rank_tests.h"

#include <gtest/gtest.h>

#include "pilots/stats/estimate_matchers.h"

namespace nyttig::pilots {
namespace {

using testing::ExpectNearR;

// x <- c(1.1,2.3,3.5,8.9,12.0); y <- c(0.5,0.9,1.7,2.2)
// c(median(outer(x, y, "-")), wilcox.test(x, y, exact = FALSE, correct = TRUE)$p.value)
TEST(PilotMannWhitneyTest, MatchesRWithoutTies) {
  const EffectEstimate e = MannWhitney({1.1, 2.3, 3.5, 8.9, 12.0}, {0.5, 0.9, 1.7, 2.2});
  ExpectNearR(e.effect, 2.2, "effect");
  ExpectNearR(e.p_value, 0.0661925797221935, "p_value");
  EXPECT_EQ(e.method, "mann_whitney");
  EXPECT_EQ(e.n_pilot, 5);
  EXPECT_EQ(e.n_comparison, 4);
}

// x <- c(1,2,2,3,3,3,5); y <- c(2,3,4,4,6,6); same two R calls.
TEST(PilotMannWhitneyTest, MatchesRWithTiesAcrossGroups) {
  const EffectEstimate e = MannWhitney({1, 2, 2, 3, 3, 3, 5}, {2, 3, 4, 4, 6, 6});
  ExpectNearR(e.effect, -1, "effect");
  ExpectNearR(e.p_value, 0.108022033434047, "p_value");
}

// x <- c(1,1,2); y <- c(3,4,5,5,7); same two R calls.
TEST(PilotMannWhitneyTest, MatchesRForNegativeShiftWithUnequalSizes) {
  const EffectEstimate e = MannWhitney({1, 1, 2}, {3, 4, 5, 5, 7});
  ExpectNearR(e.effect, -3, "effect");
  ExpectNearR(e.p_value, 0.0346611858875073, "p_value");
}

// wilcox.test(c(1,2), c(1,2), exact = FALSE, correct = TRUE)$p.value  → 1
TEST(PilotMannWhitneyTest, MatchesRWhenTheGroupsAreIdentical) {
  const EffectEstimate e = MannWhitney({1, 2}, {1, 2});
  ExpectNearR(e.effect, 0, "effect");
  ExpectNearR(e.p_value, 1, "p_value");
}

TEST(PilotMannWhitneyTest, GivesNoPValueWhenAllValuesAreTied) {
  const EffectEstimate e = MannWhitney({4, 4, 4}, {4, 4});
  ExpectNearR(e.effect, 0, "effect");
  EXPECT_FALSE(e.p_value.has_value());
  EXPECT_NE(e.notes.back().find("all values are tied"), std::string::npos);
}

TEST(PilotMannWhitneyTest, LeavesTheIntervalAbsentWithANote) {
  const EffectEstimate e = MannWhitney({1, 2, 3}, {4, 5, 6});
  EXPECT_FALSE(e.ci_low.has_value());
  EXPECT_FALSE(e.ci_high.has_value());
  EXPECT_NE(e.notes.at(0).find("interval not computed"), std::string::npos);
}

TEST(PilotMannWhitneyTest, IsNotComputableWithAnEmptyGroup) {
  EXPECT_FALSE(MannWhitney({1, 2}, {}).computable());
}

// median(outer(c(3,1,4,1,5,9,2,6), c(2,7,1,8,2,8), "-"))  → -1 (48 differences)
TEST(PilotHodgesLehmannShiftTest, IsTheMedianOfAllPairwiseDifferences) {
  ExpectNearR(HodgesLehmannShift({3, 1, 4, 1, 5, 9, 2, 6}, {2, 7, 1, 8, 2, 8}), -1, "shift");
}

TEST(PilotHodgesLehmannShiftTest, IsAbsentForAnEmptyGroup) {
  EXPECT_FALSE(HodgesLehmannShift({}, {1}).has_value());
}

// rank(c(3, 1, 3, 2, 3))  → 4 1 4 2 4
TEST(PilotMidRanksTest, GivesTiesTheirAverageRank) {
  EXPECT_EQ(MidRanks({3, 1, 3, 2, 3}), (std::vector<double>{4, 1, 4, 2, 4}));
}

}  // namespace
}  // namespace nyttig::pilots
