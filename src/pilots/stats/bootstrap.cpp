#include "pilots/stats/bootstrap.h"

#include <cstdint>

#include "pilots/stats/descriptive.h"

namespace nyttig::pilots {
namespace {

// Uniform index in [0, size) by rejection sampling, so the result does not
// depend on the standard library's distribution implementation.
size_t UniformIndex(size_t size, std::mt19937_64& rng) {
  const uint64_t range = size;
  const uint64_t limit = UINT64_MAX - UINT64_MAX % range;
  uint64_t draw = rng();
  while (draw >= limit) draw = rng();
  return static_cast<size_t>(draw % range);
}

double ResampledMedian(const std::vector<double>& values, std::vector<double>& scratch,
                       std::mt19937_64& rng) {
  scratch.resize(values.size());
  for (double& slot : scratch) slot = values[UniformIndex(values.size(), rng)];
  return Median(scratch);
}

}  // namespace

EffectEstimate BootstrapMedianDifference(const std::vector<double>& pilot,
                                         const std::vector<double>& comparison, int resamples,
                                         std::mt19937_64& rng) {
  EffectEstimate estimate =
      MakeEstimate("bootstrap_median_difference", static_cast<int>(pilot.size()),
                   static_cast<int>(comparison.size()));
  if (!CheckAllFinite(estimate, {&pilot, &comparison})) return estimate;
  if (pilot.empty() || comparison.empty()) {
    AddNote(estimate, "not computable: a group has no units");
    return estimate;
  }
  SetIfFinite(estimate, estimate.effect, Median(pilot) - Median(comparison),
              "effect not computable: values too large");
  AddNote(estimate, "the bootstrap gives an interval, not a p-value");
  if (pilot.size() < 2 || comparison.size() < 2 || resamples < kMinBootstrapResamples) {
    AddNote(estimate,
            "interval not computable: fewer than 2 units in a group or too few "
            "resamples");
    return estimate;
  }
  std::vector<double> differences(static_cast<size_t>(resamples));
  std::vector<double> scratch;
  for (double& difference : differences) {
    const double pilot_median = ResampledMedian(pilot, scratch, rng);
    difference = pilot_median - ResampledMedian(comparison, scratch, rng);
  }
  const std::string note = "interval not computable: values too large";
  SetIfFinite(estimate, estimate.ci_low, QuantileType7(differences, 0.025), note);
  SetIfFinite(estimate, estimate.ci_high, QuantileType7(std::move(differences), 0.975), note);
  return estimate;
}

}  // namespace nyttig::pilots
