// Measurement: one row of a pilot's measurements (unit, group, phase, value),
// and the per-unit aggregation that makes the unit, never the row, the unit
// of analysis.
//
//   std::vector<UnitPhaseMean> means = AggregateByUnit(rows);
//   std::vector<double> pilot_after = CellMeans(means, Group::kPilot, Phase::kAfter);
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nyttig::pilots {

enum class Group { kPilot, kComparison };
enum class Phase { kBefore, kAfter };

// Contract spelling: "pilot"/"comparison", "before"/"after".
std::string_view GroupName(Group group);
std::string_view PhaseName(Phase phase);

struct Measurement {
  std::string unit;
  Group group = Group::kPilot;
  Phase phase = Phase::kAfter;
  double value = 0;
  int line = 0;  // line in the source file, for messages; 0 when not from a file
};

// The mean of all rows of one unit in one phase.
struct UnitPhaseMean {
  std::string unit;
  Group group = Group::kPilot;
  Phase phase = Phase::kAfter;
  double mean = 0;
  int rows = 0;  // how many rows were averaged
};

// Averages the rows of each (unit, phase); a unit keeps the group of its
// rows (the CSV reader guarantees one group per unit). The result is sorted
// by unit, then phase (before first), so it is deterministic.
std::vector<UnitPhaseMean> AggregateByUnit(const std::vector<Measurement>& rows);

// The unit means of one group in one phase, in unit order.
std::vector<double> CellMeans(const std::vector<UnitPhaseMean>& means, Group group, Phase phase);

// Before/after means of the units of `group` that have both phases, aligned
// by unit; `units_missing_a_phase` counts the units left out.
struct PairedMeans {
  std::vector<double> before;
  std::vector<double> after;
  int units_missing_a_phase = 0;
};
PairedMeans PairByUnit(const std::vector<UnitPhaseMean>& means, Group group);

// Distinct units of `group` (any phase).
int CountUnits(const std::vector<UnitPhaseMean>& means, Group group);

}  // namespace nyttig::pilots
