// Power hints against R 4.2.2's power.t.test.
#include "pilots/stats/power.h"

#include <gtest/gtest.h>

#include <cmath>

namespace nyttig::pilots {
namespace {

// ceiling(power.t.test(delta = 1, sd = 2, power = 0.8)$n)  → 64
TEST(PilotPowerTest, MatchesRForTwoSamples) {
  EXPECT_EQ(UnitsFor80PercentPower(1, 2, PowerDesign::kTwoSample), 64);
}

// ceiling(power.t.test(delta = 0.5, sd = 1, power = 0.8, type = "paired")$n)  → 34
TEST(PilotPowerTest, MatchesRForPairs) {
  EXPECT_EQ(UnitsFor80PercentPower(0.5, 1, PowerDesign::kPaired), 34);
}

// ceiling(power.t.test(delta = -0.3, sd = 1.7, power = 0.8)$n)  → 506
TEST(PilotPowerTest, MatchesRForANegativeSmallEffect) {
  EXPECT_EQ(UnitsFor80PercentPower(-0.3, 1.7, PowerDesign::kTwoSample), 506);
}

TEST(PilotPowerTest, HasNoHintForAZeroEffectOrSpread) {
  EXPECT_FALSE(UnitsFor80PercentPower(0, 1, PowerDesign::kTwoSample).has_value());
  EXPECT_FALSE(UnitsFor80PercentPower(1, 0, PowerDesign::kTwoSample).has_value());
}

TEST(PilotPowerTest, HasNoHintBeyondTheLimit) {
  EXPECT_FALSE(UnitsFor80PercentPower(1e-4, 1, PowerDesign::kTwoSample).has_value());
}

// Two values at m ± sqrt(2) have sd 2: like power.t.test(delta = 1, sd = 2) → 64.
TEST(PilotPowerTest, HintForTwoGroupsUsesTheObservedSpread) {
  const double half = std::sqrt(2.0);
  EXPECT_EQ(PowerHintTwoGroups({1 - half, 1 + half}, {-half, half}), 64);
}

TEST(PilotPowerTest, HintNeedsTwoUnitsPerGroup) {
  EXPECT_FALSE(PowerHintTwoGroups({1}, {2, 3}).has_value());
  EXPECT_FALSE(PowerHintPaired({1}, {2}).has_value());
  EXPECT_FALSE(PowerHintDid({{1}, {2, 3}, {1, 2}, {2, 3}}).has_value());
}

}  // namespace
}  // namespace nyttig::pilots
