// Rank-based comparison of two groups for skewed measures: the Mann–Whitney
// (Wilcoxon rank-sum) test with the Hodges–Lehmann shift estimate.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "pilots/stats/effect_estimate.h"

namespace nyttig::pilots {

// Most pairwise differences HodgesLehmannShift materialises (8 bytes each).
inline constexpr size_t kMaxPairwiseDifferences = 20'000'000;

// Hodges–Lehmann two-sample shift (Hodges & Lehmann 1963), computed exactly:
// the median of all n_pilot · n_comparison differences pilot − comparison.
// R: median(outer(pilot, comparison, "-")). Returns nullopt when a group is
// empty or there are more than kMaxPairwiseDifferences pairs.
std::optional<double> HodgesLehmannShift(const std::vector<double>& pilot,
                                         const std::vector<double>& comparison);

// Mann–Whitney U / Wilcoxon rank-sum test (Mann & Whitney 1947) with the
// normal approximation, tie correction of the variance and continuity
// correction: p agrees with
// R: wilcox.test(pilot, comparison, exact = FALSE, correct = TRUE)$p.value.
// Effect = HodgesLehmannShift(pilot, comparison).
// The CI is always absent (note): R's conf.int = TRUE finds it by uniroot
// with tolerance 1e-4, which cannot be matched to 1e-6.
// Absent values: everything when a group is empty; p when all values are
// tied (zero variance of the rank sum).
EffectEstimate MannWhitney(const std::vector<double>& pilot, const std::vector<double>& comparison);

// Mid-ranks (ties get the average of their ranks) of `values`, 1-based.
// R: rank(values).
std::vector<double> MidRanks(const std::vector<double>& values);

}  // namespace nyttig::pilots
