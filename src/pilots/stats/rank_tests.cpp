#include "pilots/stats/rank_tests.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "pilots/stats/descriptive.h"
#include "pilots/stats/distributions.h"

namespace nyttig::pilots {
namespace {

// Σ (t³ − t) over groups of tied values, for the variance correction.
double TieCorrectionSum(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  double sum = 0;
  for (size_t start = 0; start < values.size();) {
    size_t end = start;
    while (end < values.size() && values[end] == values[start]) ++end;
    const double tied = static_cast<double>(end - start);
    sum += tied * tied * tied - tied;
    start = end;
  }
  return sum;
}

}  // namespace

std::vector<double> MidRanks(const std::vector<double>& values) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t lhs, size_t rhs) { return values[lhs] < values[rhs]; });
  std::vector<double> ranks(values.size());
  for (size_t start = 0; start < order.size();) {
    size_t end = start;
    while (end < order.size() && values[order[end]] == values[order[start]]) ++end;
    // Positions start..end-1 hold ranks start+1..end; ties share their mean.
    const double mid_rank = (static_cast<double>(start + 1) + static_cast<double>(end)) / 2;
    for (size_t pos = start; pos < end; ++pos) ranks[order[pos]] = mid_rank;
    start = end;
  }
  return ranks;
}

std::optional<double> HodgesLehmannShift(const std::vector<double>& pilot,
                                         const std::vector<double>& comparison) {
  if (pilot.empty() || comparison.empty()) return std::nullopt;
  if (pilot.size() > kMaxPairwiseDifferences / comparison.size()) return std::nullopt;
  std::vector<double> differences;
  differences.reserve(pilot.size() * comparison.size());
  for (double pilot_value : pilot) {
    for (double comparison_value : comparison) {
      differences.push_back(pilot_value - comparison_value);
    }
  }
  const double median = Median(std::move(differences));
  if (!std::isfinite(median)) return std::nullopt;
  return median;
}

EffectEstimate MannWhitney(const std::vector<double>& pilot,
                           const std::vector<double>& comparison) {
  EffectEstimate estimate = MakeEstimate("mann_whitney", static_cast<int>(pilot.size()),
                                         static_cast<int>(comparison.size()));
  if (!CheckAllFinite(estimate, {&pilot, &comparison})) return estimate;
  if (pilot.empty() || comparison.empty()) {
    AddNote(estimate, "not computable: a group has no units");
    return estimate;
  }
  estimate.effect = HodgesLehmannShift(pilot, comparison);
  if (!estimate.effect) {
    AddNote(estimate, "effect not computable: too many pairwise differences");
  }
  AddNote(estimate,
          "interval not computed: R finds it by root-finding with tolerance 1e-4, which "
          "cannot be matched to 1e-6");

  std::vector<double> pooled = pilot;
  pooled.insert(pooled.end(), comparison.begin(), comparison.end());
  const std::vector<double> ranks = MidRanks(pooled);
  const double n_x = static_cast<double>(pilot.size());
  const double n_y = static_cast<double>(comparison.size());
  const double rank_sum = std::accumulate(ranks.begin(), ranks.begin() + pilot.size(), 0.0);
  const double statistic_w = rank_sum - n_x * (n_x + 1) / 2;
  const double n = n_x + n_y;
  const double sigma =
      std::sqrt(n_x * n_y / 12 * ((n + 1) - TieCorrectionSum(pooled) / (n * (n - 1))));
  if (!(sigma > 0)) {
    AddNote(estimate, "p-value not computable: all values are tied");
    return estimate;
  }
  const double centered = statistic_w - n_x * n_y / 2;
  const double continuity = centered > 0 ? 0.5 : (centered < 0 ? -0.5 : 0.0);
  const double z = (centered - continuity) / sigma;
  const std::optional<double> lower_tail = NormalCdf(z);
  const std::optional<double> upper_tail = NormalCdf(-z);
  if (!lower_tail || !upper_tail) {
    AddNote(estimate, "p-value not computable: normal distribution undefined");
    return estimate;
  }
  estimate.p_value = std::min(1.0, 2 * std::min(*lower_tail, *upper_tail));
  return estimate;
}

}  // namespace nyttig::pilots
