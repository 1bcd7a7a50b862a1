#include "pilots/stats/evaluation.h"

#include <array>
#include <set>
#include <string>

#include "pilots/stats/did.h"
#include "pilots/stats/power.h"
#include "pilots/stats/rank_tests.h"
#include "pilots/stats/two_groups.h"

namespace nyttig::pilots {
namespace {

int CountRows(const std::vector<Measurement>& rows, bool (*matches)(const Measurement&)) {
  int count = 0;
  for (const Measurement& row : rows) count += matches(row) ? 1 : 0;
  return count;
}

void NoteUnusedRows(EffectEstimate& estimate, int count, const std::string& what) {
  if (count > 0) AddNote(estimate, std::to_string(count) + " " + what);
}

// Proportion data: one after row per unit, value 0 or 1.
StatusOr<Evaluation> EvaluateProportion(const std::vector<Measurement>& rows) {
  std::set<std::string> seen;
  std::array<int, 2> successes{};
  std::array<int, 2> units{};
  for (const Measurement& row : rows) {
    if (row.phase != Phase::kAfter) continue;
    const std::string where = "line " + std::to_string(row.line) + ": ";
    if (row.value != 0 && row.value != 1) {
      return InvalidArgumentError(where + "value must be 0 or 1 for --measure proportion");
    }
    if (!seen.insert(row.unit).second) {
      return InvalidArgumentError(
          where + "unit " + row.unit +
          " has more than one row; --measure proportion needs one per unit");
    }
    const auto group_idx = static_cast<size_t>(row.group);
    ++units[group_idx];
    successes[group_idx] += row.value == 1 ? 1 : 0;
  }
  Evaluation evaluation;
  evaluation.estimate = NewcombeDifference(successes[0], units[0], successes[1], units[1]);
  return evaluation;
}

Evaluation EvaluateTwoGroups(Measure measure, const std::vector<UnitPhaseMean>& means) {
  const std::vector<double> pilot = CellMeans(means, Group::kPilot, Phase::kAfter);
  const std::vector<double> comparison = CellMeans(means, Group::kComparison, Phase::kAfter);
  Evaluation evaluation;
  if (measure == Measure::kRank) {
    evaluation.estimate = MannWhitney(pilot, comparison);
  } else {
    evaluation.estimate = WelchT(pilot, comparison);
    evaluation.units_needed_per_group = PowerHintTwoGroups(pilot, comparison);
  }
  return evaluation;
}

Evaluation EvaluateBeforeAfter(const std::vector<UnitPhaseMean>& means) {
  const PairedMeans paired = PairByUnit(means, Group::kPilot);
  Evaluation evaluation;
  evaluation.estimate = PairedT(paired.after, paired.before);
  evaluation.units_needed_per_group = PowerHintPaired(paired.after, paired.before);
  NoteUnusedRows(evaluation.estimate, paired.units_missing_a_phase,
                 "pilot unit(s) without both a before and an after value left out");
  return evaluation;
}

Evaluation EvaluateDid(const std::vector<UnitPhaseMean>& means) {
  const DidCells cells{CellMeans(means, Group::kPilot, Phase::kBefore),
                       CellMeans(means, Group::kPilot, Phase::kAfter),
                       CellMeans(means, Group::kComparison, Phase::kBefore),
                       CellMeans(means, Group::kComparison, Phase::kAfter)};
  Evaluation evaluation;
  evaluation.estimate = DifferenceInDifferences(cells);
  evaluation.estimate.n_pilot = CountUnits(means, Group::kPilot);
  evaluation.estimate.n_comparison = CountUnits(means, Group::kComparison);
  evaluation.units_needed_per_group = PowerHintDid(cells);
  return evaluation;
}

}  // namespace

StatusOr<Design> ParseDesign(std::string_view text) {
  if (text == "two-groups") return Design::kTwoGroups;
  if (text == "before-after") return Design::kBeforeAfter;
  if (text == "did") return Design::kDid;
  return InvalidArgumentError("unknown --design '" + std::string(text) +
                              "' (two-groups, before-after or did)");
}

StatusOr<Measure> ParseMeasure(std::string_view text) {
  if (text == "mean") return Measure::kMean;
  if (text == "proportion") return Measure::kProportion;
  if (text == "rank") return Measure::kRank;
  return InvalidArgumentError("unknown --measure '" + std::string(text) +
                              "' (mean, proportion or rank)");
}

bool IsDefinedCombination(Design design, Measure measure) {
  return design == Design::kTwoGroups || measure == Measure::kMean;
}

StatusOr<Evaluation> Evaluate(Design design, Measure measure,
                              const std::vector<Measurement>& rows) {
  if (!IsDefinedCombination(design, measure)) {
    return InvalidArgumentError("this --design has no method for this --measure");
  }
  const std::vector<UnitPhaseMean> means = AggregateByUnit(rows);
  Evaluation evaluation;
  if (design == Design::kTwoGroups && measure == Measure::kProportion) {
    ASSIGN_OR_RETURN(evaluation, EvaluateProportion(rows));
  } else if (design == Design::kTwoGroups) {
    evaluation = EvaluateTwoGroups(measure, means);
  } else if (design == Design::kBeforeAfter) {
    evaluation = EvaluateBeforeAfter(means);
  } else {
    evaluation = EvaluateDid(means);
  }
  if (design == Design::kTwoGroups) {
    NoteUnusedRows(evaluation.estimate,
                   CountRows(rows, [](const Measurement& r) { return r.phase == Phase::kBefore; }),
                   "before row(s) not used: the two-groups design compares after rows");
  } else if (design == Design::kBeforeAfter) {
    NoteUnusedRows(
        evaluation.estimate,
        CountRows(rows, [](const Measurement& r) { return r.group == Group::kComparison; }),
        "comparison row(s) not used: the before-after design uses pilot rows");
  }
  evaluation.verdict = WriteVerdict(evaluation.estimate, evaluation.units_needed_per_group);
  return evaluation;
}

}  // namespace nyttig::pilots
