#include "pilots/stats/did.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "pilots/stats/descriptive.h"

namespace nyttig::pilots {
namespace {

constexpr int kCoefficients = 4;  // intercept, pilot, after, pilot:after
constexpr double kConstantDataFactor = 10 * std::numeric_limits<double>::epsilon();

double SumOfSquaredDeviations(const std::vector<double>& values) {
  const double mean = Mean(values);
  double sum = 0;
  for (double value : values) sum += (value - mean) * (value - mean);
  return sum;
}

}  // namespace

EffectEstimate DifferenceInDifferences(const DidCells& cells) {
  EffectEstimate estimate = MakeEstimate("did_ols");
  const std::array<const std::vector<double>*, 4> all = {
      &cells.pilot_before, &cells.pilot_after, &cells.comparison_before, &cells.comparison_after};
  if (!CheckAllFinite(estimate, {all[0], all[1], all[2], all[3]})) return estimate;
  for (const auto* cell : all) {
    if (cell->empty()) {
      AddNote(estimate, "not computable: each group needs units in both phases");
      return estimate;
    }
  }
  const double interaction = (Mean(cells.pilot_after) - Mean(cells.pilot_before)) -
                             (Mean(cells.comparison_after) - Mean(cells.comparison_before));
  SetIfFinite(estimate, estimate.effect, interaction, "effect not computable: values too large");

  double residual_sum = 0;
  double inverse_sizes = 0;
  size_t observations = 0;
  for (const auto* cell : all) {
    residual_sum += SumOfSquaredDeviations(*cell);
    inverse_sizes += 1.0 / static_cast<double>(cell->size());
    observations += cell->size();
  }
  const double df = static_cast<double>(observations) - kCoefficients;
  if (df < 1) {
    AddNote(estimate, "interval and p-value not computable: no residual degrees of freedom");
    return estimate;
  }
  const double standard_error = std::sqrt(residual_sum / df * inverse_sizes);
  const double largest_mean =
      std::max({std::fabs(Mean(cells.pilot_before)), std::fabs(Mean(cells.pilot_after)),
                std::fabs(Mean(cells.comparison_before)), std::fabs(Mean(cells.comparison_after))});
  // As t.test does, a standard error at rounding-noise level means constant data.
  if (standard_error <= kConstantDataFactor * largest_mean || !(standard_error > 0)) {
    AddNote(estimate, "interval and p-value not computable: zero residual variance");
    return estimate;
  }
  FillTInterval(estimate, interaction, standard_error, df);
  return estimate;
}

}  // namespace nyttig::pilots
