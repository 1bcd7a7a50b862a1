// EffectEstimate: the result of one pilot evaluation method, as published by
// `nyttig pilots analyze` (see CONTRACTS.md, "pilots analyze").
//
// Every number is optional: a value that cannot be computed (too few units,
// zero variance, all values tied, …) is absent and a note says why. No field
// ever holds NaN or infinity; SetIfFinite() is the one way the methods store a
// number, so a non-finite intermediate becomes an absent value with a note.
//
// Thread-safety: plain value; copy freely.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace nyttig::pilots {

struct EffectEstimate {
  std::string method;            // e.g. "welch_t"; the contract's `method` value
  std::optional<double> effect;  // pilot − comparison (or after − before)
  std::optional<double> ci_low;  // 95 % confidence interval
  std::optional<double> ci_high;
  std::optional<double> p_value;
  int n_pilot = 0;                 // units, never rows
  int n_comparison = 0;            // units, never rows
  std::vector<std::string> notes;  // why a value is absent, and caveats

  // True when at least the effect could be estimated.
  bool computable() const { return effect.has_value(); }
};

// An estimate of `method` with nothing computed yet.
EffectEstimate MakeEstimate(std::string method, int n_pilot = 0, int n_comparison = 0);

// Stores `value` into `slot` when it is finite; otherwise leaves `slot` empty
// and adds `note_if_not_finite` to `estimate.notes` (once).
void SetIfFinite(EffectEstimate& estimate, std::optional<double>& slot, double value,
                 const std::string& note_if_not_finite);

// Fills p_value, ci_low and ci_high of a t-based estimate: two-sided p of
// value / standard_error on `df` degrees of freedom and the 95 % interval
// value ± qt(0.975, df) · standard_error. Leaves them absent with a note when
// the t distribution is undefined (df <= 0, non-finite input).
void FillTInterval(EffectEstimate& estimate, double value, double standard_error, double df);

// True when every value of every vector is finite; otherwise adds a
// "not computable" note to `estimate` and returns false. The methods call it
// first, so a NaN or infinity handed in never reaches sorting or the output.
bool CheckAllFinite(EffectEstimate& estimate,
                    std::initializer_list<const std::vector<double>*> groups);

// Adds `note` unless the estimate already carries it.
void AddNote(EffectEstimate& estimate, const std::string& note);

}  // namespace nyttig::pilots
