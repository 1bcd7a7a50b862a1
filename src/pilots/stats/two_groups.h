// Mean and proportion comparisons for pilot evaluation: Welch's t test, the
// paired t test and the difference of two proportions with Newcombe's hybrid
// score interval. Each agrees with the R call named in its comment to 1e-6
// (reference cases in tests/pilots/stats/two_groups_test.cpp).
//
// Inputs are unit-level values (one number per unit: aggregate rows first
// with AggregateByUnit). Degenerate inputs never fail: the affected values are
// absent and a note says why. Confidence level: 95 %.
//
//   EffectEstimate e = WelchT(pilot_means, comparison_means);
//   if (e.p_value) …
//
// Thread-safety: pure functions.
#pragma once

#include <vector>

#include "pilots/stats/effect_estimate.h"

namespace nyttig::pilots {

// Welch's unequal-variances t test (Welch 1947, Satterthwaite df).
// Effect = mean(pilot) − mean(comparison) with its 95 % CI and two-sided p.
// Agrees with R: t.test(pilot, comparison) (estimate difference, conf.int,
// p.value). Absent values: effect when a group is empty; CI and p when a
// group has fewer than 2 units or both groups have zero variance (R: "data
// are essentially constant").
EffectEstimate WelchT(const std::vector<double>& pilot, const std::vector<double>& comparison);

// Paired t test on per-unit differences after − before (Student 1908).
// `after[i]` and `before[i]` belong to the same unit; sizes must match
// (otherwise nothing is computed and a note says so).
// Agrees with R: t.test(after, before, paired = TRUE). n_pilot = pairs.
// Absent values: effect with no pairs; CI and p with fewer than 2 pairs or
// zero variance of the differences.
EffectEstimate PairedT(const std::vector<double>& after, const std::vector<double>& before);

// Difference of two proportions p1 − p2 (pilot − comparison) from counts of
// successes. p-value: Pearson's chi-square test without continuity
// correction, R: prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$p.value.
// CI: Newcombe's hybrid score interval (Newcombe 1998, method 10) built from
// the two Wilson score intervals, which R gives as
// prop.test(x, n, correct = FALSE)$conf.int.
// Absent values: everything when a group has no units or counts are out of
// range; p when all outcomes are equal (the chi-square statistic is 0/0).
EffectEstimate NewcombeDifference(int successes_pilot, int n_pilot, int successes_comparison,
                                  int n_comparison);

// The 95 % Wilson score interval (Wilson 1927) of a proportion, `successes`
// of `n`, without continuity correction; R: prop.test(x, n, correct =
// FALSE)$conf.int. Also what Newcombe's interval above is built from.
// nullopt unless 1 ≤ n and 0 ≤ successes ≤ n.
struct ProportionInterval {
  double low;
  double high;
};
std::optional<ProportionInterval> WilsonScoreInterval95(int successes, int n);

}  // namespace nyttig::pilots
