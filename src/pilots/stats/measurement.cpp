#include "pilots/stats/measurement.h"

#include <map>
#include <set>
#include <tuple>

namespace nyttig::pilots {

std::string_view GroupName(Group group) { return group == Group::kPilot ? "pilot" : "comparison"; }

std::string_view PhaseName(Phase phase) { return phase == Phase::kBefore ? "before" : "after"; }

std::vector<UnitPhaseMean> AggregateByUnit(const std::vector<Measurement>& rows) {
  struct Sum {
    Group group;
    double total = 0;
    int rows = 0;
  };
  std::map<std::pair<std::string, Phase>, Sum> sums;
  for (const Measurement& row : rows) {
    auto [it, inserted] = sums.try_emplace({row.unit, row.phase}, Sum{row.group});
    it->second.total += row.value;
    ++it->second.rows;
  }
  std::vector<UnitPhaseMean> means;
  means.reserve(sums.size());
  for (const auto& [key, sum] : sums) {
    means.push_back({key.first, sum.group, key.second, sum.total / sum.rows, sum.rows});
  }
  return means;
}

std::vector<double> CellMeans(const std::vector<UnitPhaseMean>& means, Group group, Phase phase) {
  std::vector<double> values;
  for (const UnitPhaseMean& mean : means) {
    if (mean.group == group && mean.phase == phase) values.push_back(mean.mean);
  }
  return values;
}

PairedMeans PairByUnit(const std::vector<UnitPhaseMean>& means, Group group) {
  std::map<std::string, std::pair<const UnitPhaseMean*, const UnitPhaseMean*>> by_unit;
  for (const UnitPhaseMean& mean : means) {
    if (mean.group != group) continue;
    auto& slot = by_unit[mean.unit];
    (mean.phase == Phase::kBefore ? slot.first : slot.second) = &mean;
  }
  PairedMeans paired;
  for (const auto& [unit, phases] : by_unit) {
    if (phases.first == nullptr || phases.second == nullptr) {
      ++paired.units_missing_a_phase;
      continue;
    }
    paired.before.push_back(phases.first->mean);
    paired.after.push_back(phases.second->mean);
  }
  return paired;
}

int CountUnits(const std::vector<UnitPhaseMean>& means, Group group) {
  std::set<std::string> units;
  for (const UnitPhaseMean& mean : means) {
    if (mean.group == group) units.insert(mean.unit);
  }
  return static_cast<int>(units.size());
}

}  // namespace nyttig::pilots
