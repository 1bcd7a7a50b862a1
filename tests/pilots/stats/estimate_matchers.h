// Test helpers comparing an EffectEstimate with reference values from R.
#pragma once

#include <gtest/gtest.h>

#include <optional>

#include "pilots/stats/effect_estimate.h"

namespace nyttig::pilots::testing {

// The contract's agreement with R (CONTRACTS.md, "pilots analyze").
inline constexpr double kRTolerance = 1e-6;

inline void ExpectNearR(const std::optional<double>& actual, double expected, const char* what) {
  ASSERT_TRUE(actual.has_value()) << what << " is absent";
  EXPECT_NEAR(*actual, expected, kRTolerance) << what;
}

// Effect, 95 % CI and p as R printed them.
inline void ExpectMatchesR(const EffectEstimate& estimate, double effect, double ci_low,
                           double ci_high, double p_value) {
  ExpectNearR(estimate.effect, effect, "effect");
  ExpectNearR(estimate.ci_low, ci_low, "ci_low");
  ExpectNearR(estimate.ci_high, ci_high, "ci_high");
  ExpectNearR(estimate.p_value, p_value, "p_value");
}

}  // namespace nyttig::pilots::testing
