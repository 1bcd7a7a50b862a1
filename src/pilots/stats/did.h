// Difference-in-differences for a before/after design with comparison units.
//
// Thread-safety: pure functions.
#pragma once

#include <vector>

#include "pilots/stats/effect_estimate.h"

namespace nyttig::pilots {

// Unit-phase means of the four cells of the design (one value per unit and
// phase; a unit may miss a phase).
struct DidCells {
  std::vector<double> pilot_before;
  std::vector<double> pilot_after;
  std::vector<double> comparison_before;
  std::vector<double> comparison_after;
};

// Difference-in-differences by ordinary least squares: the `pilot:after`
// coefficient of the saturated model value ~ pilot * after fitted to the
// unit-phase means, its 95 % CI (R: confint) and two-sided t-test p-value.
// Agrees with R: lm(value ~ pilot * after) with pilot and after 0/1
// indicators, coef / confint / summary()$coefficients for "pilot:after".
// Because the model is saturated, OLS reduces to cell means: the effect is
// (pilot after − pilot before) − (comparison after − comparison before) and
// the residual variance is the pooled within-cell variance on N − 4 df.
// Like lm, it treats a unit's before and after means as independent rows.
// n_pilot / n_comparison are left 0 for the caller (distinct units).
// Absent values: everything when a cell is empty; CI and p with N − 4 < 1 df
// or zero residual variance.
EffectEstimate DifferenceInDifferences(const DidCells& cells);

}  // namespace nyttig::pilots
