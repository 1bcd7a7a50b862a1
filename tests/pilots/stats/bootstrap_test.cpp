#include "pilots/stats/bootstrap.h"

#include <gtest/gtest.h>

namespace nyttig::pilots {
namespace {

const std::vector<double> kPilot = {3.1, 4.5, 2.2, 8.0, 5.5, 4.4, 3.9, 12.0};
const std::vector<double> kComparison = {2.0, 2.5, 3.3, 1.9, 4.1, 2.8, 3.0};

TEST(PilotBootstrapTest, EffectIsTheDifferenceOfMedians) {
  std::mt19937_64 rng(7);
  // median(kPilot) = 4.45, median(kComparison) = 2.8
  const EffectEstimate e = BootstrapMedianDifference(kPilot, kComparison, 1000, rng);
  EXPECT_NEAR(e.effect.value_or(0), 1.65, 1e-12);
  EXPECT_FALSE(e.p_value.has_value());
}

TEST(PilotBootstrapTest, SameSeedGivesTheSameInterval) {
  std::mt19937_64 first_rng(42);
  std::mt19937_64 second_rng(42);
  const EffectEstimate first = BootstrapMedianDifference(kPilot, kComparison, 2000, first_rng);
  const EffectEstimate second = BootstrapMedianDifference(kPilot, kComparison, 2000, second_rng);
  ASSERT_TRUE(first.ci_low.has_value());
  EXPECT_EQ(first.ci_low, second.ci_low);
  EXPECT_EQ(first.ci_high, second.ci_high);
}

TEST(PilotBootstrapTest, IntervalBracketsTheEstimateWithinTheDataRange) {
  std::mt19937_64 rng(1);
  const EffectEstimate e = BootstrapMedianDifference(kPilot, kComparison, 5000, rng);
  ASSERT_TRUE(e.ci_low && e.ci_high);
  EXPECT_LE(*e.ci_low, *e.effect);
  EXPECT_GE(*e.ci_high, *e.effect);
  EXPECT_GE(*e.ci_low, 2.2 - 4.1);
  EXPECT_LE(*e.ci_high, 12.0 - 1.9);
}

TEST(PilotBootstrapTest, GivesNoIntervalForASingleUnit) {
  std::mt19937_64 rng(1);
  const EffectEstimate e = BootstrapMedianDifference({1}, kComparison, 1000, rng);
  EXPECT_TRUE(e.effect.has_value());
  EXPECT_FALSE(e.ci_low.has_value());
}

TEST(PilotBootstrapTest, IsNotComputableWithAnEmptyGroup) {
  std::mt19937_64 rng(1);
  EXPECT_FALSE(BootstrapMedianDifference({}, kComparison, 1000, rng).computable());
}

}  // namespace
}  // namespace nyttig::pilots
