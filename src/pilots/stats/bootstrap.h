// Seeded percentile bootstrap for the difference of medians — an extra to
// the contract's methods, for skewed measures where a median is the natural
// summary. Not an R-matched method: its interval depends on the resamples.
//
//   std::mt19937_64 rng(seed);
//   EffectEstimate e = BootstrapMedianDifference(pilot, comparison, 10'000, rng);
//
// Thread-safety: pure given the RNG; the RNG is the caller's and is advanced.
#pragma once

#include <random>
#include <vector>

#include "pilots/stats/effect_estimate.h"

namespace nyttig::pilots {

inline constexpr int kDefaultBootstrapResamples = 10'000;
inline constexpr int kMinBootstrapResamples = 100;

// Effect = median(pilot) − median(comparison); 95 % CI = the 2.5 % and
// 97.5 % quantiles (R's type 7) of that difference over `resamples`
// resamples drawn with replacement within each group (Efron & Tibshirani
// 1993, percentile method). p_value is always absent (note). Absent values:
// everything when a group is empty; the CI when a group has fewer than 2
// units or resamples < kMinBootstrapResamples. Same seed, same result.
EffectEstimate BootstrapMedianDifference(const std::vector<double>& pilot,
                                         const std::vector<double>& comparison, int resamples,
                                         std::mt19937_64& rng);

}  // namespace nyttig::pilots
