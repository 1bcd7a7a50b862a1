// Plain-language verdict on an EffectEstimate, in Swedish and English, that
// never claims more than the numbers carry:
//  - too few units, or nothing computable, is said as such;
//  - a p-value of 0.05 or more reads "no clear difference could be shown",
//    never "no effect", and gives the interval and the power hint;
//  - a clear difference is stated with its direction and 95 % interval, as a
//    difference between the groups (not as proof of cause).
//
// Thread-safety: pure function.
#pragma once

#include <optional>
#include <string>

#include "pilots/stats/effect_estimate.h"

namespace nyttig::pilots {

struct Verdict {
  std::string sv;  // Swedish, shown first
  std::string en;
};

// Fewest units per group below which the verdict says "too few units".
inline constexpr int kMinUnitsPerGroup = 2;

// `units_needed_per_group` is the power hint (UnitsFor80PercentPower and
// friends), or nullopt when there is none (proportion and rank designs,
// zero effect, …).
Verdict WriteVerdict(const EffectEstimate& estimate, std::optional<int> units_needed_per_group);

}  // namespace nyttig::pilots
