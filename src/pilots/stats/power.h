// Power hints for the mean designs: roughly how many units a pilot would need
// to detect the effect it observed. A hint, not a design calculation: it
// treats the observed effect and spread as if they were the true ones.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <vector>

#include "pilots/stats/did.h"

namespace nyttig::pilots {

inline constexpr int kMaxUnitsInPowerHint = 1'000'000;

enum class PowerDesign {
  kTwoSample,  // units per group of two independent groups
  kPaired,     // units (pairs) with before and after
};

// Smallest number of units per group (pairs for kPaired) with which a
// two-sided t test at the 5 % level has 80 % power to detect a true
// difference `effect` when the standard deviation is `sd` (of the values,
// or of the differences for kPaired). Uses the non-central t, so it agrees
// with R: ceiling(power.t.test(delta = effect, sd = sd, power = 0.8,
// type = "two.sample" | "paired")$n). nullopt when effect is 0, sd is not
// positive, or more than kMaxUnitsInPowerHint units would be needed.
std::optional<int> UnitsFor80PercentPower(double effect, double sd, PowerDesign design);

// The hint for Welch's design: observed mean difference and the root mean of
// the two sample variances. nullopt when a group has fewer than 2 units.
std::optional<int> PowerHintTwoGroups(const std::vector<double>& pilot,
                                      const std::vector<double>& comparison);

// The hint for the paired design, from the per-unit differences.
std::optional<int> PowerHintPaired(const std::vector<double>& after,
                                   const std::vector<double>& before);

// The hint for difference-in-differences, as units per group observed in
// both phases: the interaction's variance 4·s²/n equals a two-sample
// comparison with sd = s·√2, s the pooled within-cell SD.
std::optional<int> PowerHintDid(const DidCells& cells);

}  // namespace nyttig::pilots
