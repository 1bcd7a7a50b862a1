#include "pilots/stats/two_groups.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "pilots/stats/descriptive.h"
#include "pilots/stats/distributions.h"

namespace nyttig::pilots {
namespace {

constexpr double kConfidence = 0.95;
constexpr double kUpperQuantile = 1 - (1 - kConfidence) / 2;
// R's t.test treats a standard error below this multiple of machine epsilon
// times the means' magnitude as "data are essentially constant".
constexpr double kConstantDataFactor = 10 * std::numeric_limits<double>::epsilon();

// Wilson score interval for x successes of n (Wilson 1927), no continuity
// correction, at the level whose upper normal quantile is z.
using Interval = ProportionInterval;
Interval WilsonInterval(int successes, int n, double z) {
  const double n_d = n;
  const double p = successes / n_d;
  const double center = p + z * z / (2 * n_d);
  const double half_width = z * std::sqrt(p * (1 - p) / n_d + z * z / (4 * n_d * n_d));
  const double denominator = 1 + z * z / n_d;
  return {std::max(0.0, (center - half_width) / denominator),
          std::min(1.0, (center + half_width) / denominator)};
}

}  // namespace

std::optional<ProportionInterval> WilsonScoreInterval95(int successes, int n) {
  if (n < 1 || successes < 0 || successes > n) return std::nullopt;
  return WilsonInterval(successes, n, *NormalQuantile(kUpperQuantile));
}

EffectEstimate WelchT(const std::vector<double>& pilot, const std::vector<double>& comparison) {
  EffectEstimate estimate =
      MakeEstimate("welch_t", static_cast<int>(pilot.size()), static_cast<int>(comparison.size()));
  if (!CheckAllFinite(estimate, {&pilot, &comparison})) return estimate;
  if (pilot.empty() || comparison.empty()) {
    AddNote(estimate, "not computable: a group has no units");
    return estimate;
  }
  const double mean_pilot = Mean(pilot);
  const double mean_comparison = Mean(comparison);
  const double difference = mean_pilot - mean_comparison;
  SetIfFinite(estimate, estimate.effect, difference, "effect not computable: values too large");
  if (pilot.size() < 2 || comparison.size() < 2) {
    AddNote(estimate, "interval and p-value not computable: fewer than 2 units in a group");
    return estimate;
  }
  const double se2_pilot = SampleVariance(pilot) / static_cast<double>(pilot.size());
  const double se2_comparison = SampleVariance(comparison) / static_cast<double>(comparison.size());
  const double standard_error = std::sqrt(se2_pilot + se2_comparison);
  if (standard_error <=
      kConstantDataFactor * std::max(std::fabs(mean_pilot), std::fabs(mean_comparison))) {
    AddNote(estimate, "interval and p-value not computable: zero variance in both groups");
    return estimate;
  }
  // Welch–Satterthwaite degrees of freedom.
  const double df = std::pow(standard_error, 4) /
                    (se2_pilot * se2_pilot / static_cast<double>(pilot.size() - 1) +
                     se2_comparison * se2_comparison / static_cast<double>(comparison.size() - 1));
  FillTInterval(estimate, difference, standard_error, df);
  return estimate;
}

EffectEstimate PairedT(const std::vector<double>& after, const std::vector<double>& before) {
  EffectEstimate estimate = MakeEstimate("paired_t", static_cast<int>(after.size()));
  if (after.size() != before.size()) {
    estimate.n_pilot = 0;
    AddNote(estimate, "not computable: before and after values are not paired");
    return estimate;
  }
  if (!CheckAllFinite(estimate, {&after, &before})) return estimate;
  if (after.empty()) {
    AddNote(estimate, "not computable: no unit has both a before and an after value");
    return estimate;
  }
  std::vector<double> differences(after.size());
  for (size_t unit_idx = 0; unit_idx < after.size(); ++unit_idx) {
    differences[unit_idx] = after[unit_idx] - before[unit_idx];
  }
  const double mean_difference = Mean(differences);
  SetIfFinite(estimate, estimate.effect, mean_difference,
              "effect not computable: values too large");
  if (differences.size() < 2) {
    AddNote(estimate, "interval and p-value not computable: fewer than 2 paired units");
    return estimate;
  }
  const double n = static_cast<double>(differences.size());
  const double standard_error = std::sqrt(SampleVariance(differences) / n);
  if (standard_error <= kConstantDataFactor * std::fabs(mean_difference)) {
    AddNote(estimate, "interval and p-value not computable: zero variance of the differences");
    return estimate;
  }
  FillTInterval(estimate, mean_difference, standard_error, n - 1);
  return estimate;
}

EffectEstimate NewcombeDifference(int successes_pilot, int n_pilot, int successes_comparison,
                                  int n_comparison) {
  EffectEstimate estimate = MakeEstimate("newcombe_difference", n_pilot, n_comparison);
  if (n_pilot <= 0 || n_comparison <= 0) {
    AddNote(estimate, "not computable: a group has no units");
    return estimate;
  }
  if (successes_pilot < 0 || successes_pilot > n_pilot || successes_comparison < 0 ||
      successes_comparison > n_comparison) {
    AddNote(estimate, "not computable: successes outside 0..n");
    return estimate;
  }
  const double p1 = static_cast<double>(successes_pilot) / n_pilot;
  const double p2 = static_cast<double>(successes_comparison) / n_comparison;
  const double difference = p1 - p2;
  estimate.effect = difference;
  const double z = *NormalQuantile(kUpperQuantile);
  const Interval wilson1 = WilsonInterval(successes_pilot, n_pilot, z);
  const Interval wilson2 = WilsonInterval(successes_comparison, n_comparison, z);
  // Newcombe's method 10: combine each group's distance to its Wilson limits.
  estimate.ci_low = difference - std::hypot(p1 - wilson1.low, wilson2.high - p2);
  estimate.ci_high = difference + std::hypot(wilson1.high - p1, p2 - wilson2.low);

  const double pooled =
      static_cast<double>(successes_pilot + successes_comparison) / (n_pilot + n_comparison);
  if (pooled <= 0 || pooled >= 1) {
    AddNote(estimate, "p-value not computable: all outcomes are equal");
    return estimate;
  }
  // Pearson's chi-square on the 2×2 table, without Yates' correction.
  const double chi_square =
      difference * difference / (pooled * (1 - pooled) * (1.0 / n_pilot + 1.0 / n_comparison));
  const std::optional<double> p = ChiSquareUpperP(chi_square, 1);
  if (p)
    estimate.p_value = *p;
  else
    AddNote(estimate, "p-value not computable: chi-square distribution undefined");
  const double smallest_expected = std::min({pooled, 1 - pooled}) * std::min(n_pilot, n_comparison);
  if (smallest_expected < 5) {
    AddNote(estimate, "an expected count is below 5: the chi-square p-value is approximate");
  }
  return estimate;
}

}  // namespace nyttig::pilots
