#include "pilots/stats/effect_estimate.h"

#include <algorithm>
#include <cmath>

#include "pilots/stats/distributions.h"

namespace nyttig::pilots {

EffectEstimate MakeEstimate(std::string method, int n_pilot, int n_comparison) {
  EffectEstimate estimate;
  estimate.method = std::move(method);
  estimate.n_pilot = n_pilot;
  estimate.n_comparison = n_comparison;
  return estimate;
}

void AddNote(EffectEstimate& estimate, const std::string& note) {
  if (std::find(estimate.notes.begin(), estimate.notes.end(), note) == estimate.notes.end()) {
    estimate.notes.push_back(note);
  }
}

bool CheckAllFinite(EffectEstimate& estimate,
                    std::initializer_list<const std::vector<double>*> groups) {
  for (const std::vector<double>* group : groups) {
    if (!std::all_of(group->begin(), group->end(), [](double v) { return std::isfinite(v); })) {
      AddNote(estimate, "not computable: a value is not a finite number");
      return false;
    }
  }
  return true;
}

void SetIfFinite(EffectEstimate& estimate, std::optional<double>& slot, double value,
                 const std::string& note_if_not_finite) {
  if (std::isfinite(value)) {
    slot = value;
    return;
  }
  slot.reset();
  AddNote(estimate, note_if_not_finite);
}

void FillTInterval(EffectEstimate& estimate, double value, double standard_error, double df) {
  constexpr double kUpperQuantile = 0.975;  // two-sided 95 %
  const std::string note = "interval and p-value not computable: t distribution undefined";
  const std::optional<double> p = StudentTTwoSidedP(value / standard_error, df);
  const std::optional<double> quantile = StudentTQuantile(kUpperQuantile, df);
  if (!p || !quantile) {
    AddNote(estimate, note);
    return;
  }
  SetIfFinite(estimate, estimate.p_value, *p, note);
  SetIfFinite(estimate, estimate.ci_low, value - *quantile * standard_error, note);
  SetIfFinite(estimate, estimate.ci_high, value + *quantile * standard_error, note);
}

}  // namespace nyttig::pilots
