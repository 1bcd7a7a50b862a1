// Evaluation of measurements by a design and a measure, as `nyttig pilots
// analyze` defines it (CONTRACTS.md): aggregates rows per unit and phase
// ("the unit is the unit of analysis"), picks the method, adds notes on data
// the design does not use, and writes the verdict and power hint.
//
//   ASSIGN_OR_RETURN(Design design, ParseDesign("two-groups"));
//   ASSIGN_OR_RETURN(Evaluation evaluation, Evaluate(design, Measure::kMean, rows));
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "pilots/stats/effect_estimate.h"
#include "pilots/stats/measurement.h"
#include "pilots/stats/verdict.h"

namespace nyttig::pilots {

enum class Design { kTwoGroups, kBeforeAfter, kDid };
enum class Measure { kMean, kProportion, kRank };

// "two-groups" | "before-after" | "did"; kInvalidArgument otherwise.
StatusOr<Design> ParseDesign(std::string_view text);
// "mean" | "proportion" | "rank"; kInvalidArgument otherwise.
StatusOr<Measure> ParseMeasure(std::string_view text);

// Whether the contract defines a method for this combination: two-groups
// with any measure, before-after and did with mean only.
bool IsDefinedCombination(Design design, Measure measure);

struct Evaluation {
  EffectEstimate estimate;
  std::optional<int> units_needed_per_group;  // power hint; mean designs only
  Verdict verdict;
};

// Evaluates `rows`. Fails with kInvalidArgument when the combination is not
// defined, or, for the proportion measure, when a unit has more than one
// after row or a value other than 0 or 1 (the message names the line).
StatusOr<Evaluation> Evaluate(Design design, Measure measure, const std::vector<Measurement>& rows);

}  // namespace nyttig::pilots
