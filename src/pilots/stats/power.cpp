#include "pilots/stats/power.h"

#include <cmath>

#include "pilots/stats/descriptive.h"
#include "pilots/stats/distributions.h"

namespace nyttig::pilots {
namespace {

constexpr double kAlpha = 0.05;
constexpr double kTargetPower = 0.8;
constexpr double kSmallestN = 2;
constexpr int kBisectionSteps = 100;

// Power of the two-sided t test with n units per group (R: power.t.test,
// strict = FALSE: only the tail in the effect's direction counts).
std::optional<double> Power(double n, double standardized_effect, PowerDesign design) {
  const double groups = design == PowerDesign::kTwoSample ? 2 : 1;
  const double df = (n - 1) * groups;
  const std::optional<double> critical = StudentTQuantile(1 - kAlpha / 2, df);
  if (!critical) return std::nullopt;
  return NonCentralTUpper(*critical, df, std::sqrt(n / groups) * standardized_effect);
}

}  // namespace

std::optional<int> UnitsFor80PercentPower(double effect, double sd, PowerDesign design) {
  if (!std::isfinite(effect) || !std::isfinite(sd) || effect == 0 || !(sd > 0)) {
    return std::nullopt;
  }
  const double standardized = std::fabs(effect) / sd;
  double low = kSmallestN;
  double high = kMaxUnitsInPowerHint;
  const std::optional<double> power_at_high = Power(high, standardized, design);
  if (!power_at_high || *power_at_high < kTargetPower) return std::nullopt;
  const std::optional<double> power_at_low = Power(low, standardized, design);
  if (power_at_low && *power_at_low >= kTargetPower) return static_cast<int>(kSmallestN);
  // Power grows with n: bisect for the n where it reaches the target.
  for (int step = 0; step < kBisectionSteps && high - low > 1e-9; ++step) {
    const double middle = (low + high) / 2;
    const std::optional<double> power = Power(middle, standardized, design);
    if (!power) return std::nullopt;
    (*power < kTargetPower ? low : high) = middle;
  }
  return static_cast<int>(std::ceil(high - 1e-7));
}

std::optional<int> PowerHintTwoGroups(const std::vector<double>& pilot,
                                      const std::vector<double>& comparison) {
  if (pilot.size() < 2 || comparison.size() < 2) return std::nullopt;
  const double sd = std::sqrt((SampleVariance(pilot) + SampleVariance(comparison)) / 2);
  return UnitsFor80PercentPower(Mean(pilot) - Mean(comparison), sd, PowerDesign::kTwoSample);
}

std::optional<int> PowerHintPaired(const std::vector<double>& after,
                                   const std::vector<double>& before) {
  if (after.size() != before.size() || after.size() < 2) return std::nullopt;
  std::vector<double> differences(after.size());
  for (size_t unit_idx = 0; unit_idx < after.size(); ++unit_idx) {
    differences[unit_idx] = after[unit_idx] - before[unit_idx];
  }
  return UnitsFor80PercentPower(Mean(differences), std::sqrt(SampleVariance(differences)),
                                PowerDesign::kPaired);
}

std::optional<int> PowerHintDid(const DidCells& cells) {
  double residual_sum = 0;
  size_t observations = 0;
  for (const auto* cell : {&cells.pilot_before, &cells.pilot_after, &cells.comparison_before,
                           &cells.comparison_after}) {
    if (cell->size() < 2) return std::nullopt;
    residual_sum += SampleVariance(*cell) * static_cast<double>(cell->size() - 1);
    observations += cell->size();
  }
  const double within_sd = std::sqrt(residual_sum / static_cast<double>(observations - 4));
  const EffectEstimate did = DifferenceInDifferences(cells);
  if (!did.effect) return std::nullopt;
  return UnitsFor80PercentPower(*did.effect, within_sd * std::sqrt(2.0), PowerDesign::kTwoSample);
}

}  // namespace nyttig::pilots
