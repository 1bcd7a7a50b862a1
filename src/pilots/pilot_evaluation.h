// Evaluation of a stored pilot: for every metric of the plan, the method the
// pilot's design and the metric's measure call for (pilots/stats), run on
// unit-level aggregates — the unit, never the row, is the unit of analysis —
// with effect, 95 % interval, p-value, power hint and a plain-language
// verdict; plus the metric's mean per period and group for the charts.
//
//   PilotEvaluation evaluation = EvaluatePilot(pilot, measurements);
//   std::cout << EvaluationJson(evaluation).dump(2);
//
// Perception surveys (the surveys module) attach through PerceptionSource;
// their results are listed next to the measured effects.
//
// Thread-safety: pure functions; a PerceptionSource must be safe to call from
// any thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "accounts/actor.h"
#include "core/status.h"
#include "pilots/pilot.h"
#include "pilots/stats/evaluation.h"

namespace nyttig::pilots {

// How the effect reads against the metric's direction.
enum class Reading {
  kBetter,    // the interval lies wholly on the better side of 0
  kWorse,     // wholly on the worse side
  kUnclear,   // the interval includes 0, or there is no interval
};
std::string_view ReadingName(Reading reading);  // "better" | "worse" | "unclear"

// The mean of the unit values of one period, per group (nullopt: no unit).
struct PeriodPoint {
  std::string period;  // "before", an ISO date, or "after"
  std::optional<double> pilot_mean;
  std::optional<double> comparison_mean;
  int pilot_units = 0;
  int comparison_units = 0;
};

struct MetricEvaluation {
  Metric metric;
  int rows = 0;                 // measurements of this metric
  Evaluation result;            // estimate, power hint, verdict
  Reading reading = Reading::kUnclear;
  std::vector<PeriodPoint> periods;  // in time order: before, dates, after
};

// A perception survey's result as the surveys module hands it over: what
// the survey asked whom, how many answered, and one line on its first
// Likert question (or on the answers alone) in Swedish and English.
struct PerceptionResult {
  std::int64_t survey_id = 0;
  std::string audience;  // "citizens" | "staff"
  Verdict title;         // the survey's title {sv, en}
  std::string url;       // the survey's results page
  std::int64_t respondents = 0;
  Verdict summary;  // e.g. {"82 % instämmer (95 % KI 74–88 %) …", "82 % agree …"}
};

class PerceptionSource {
 public:
  virtual ~PerceptionSource() = default;
  // The perception surveys attached to `pilot`, oldest first, that `actor`
  // may read the results of (the surveys module's rule: nothing for the
  // others). The caller has checked that the actor may see the evaluation.
  virtual StatusOr<std::vector<PerceptionResult>> ForPilot(const accounts::Actor& actor,
                                                           const Pilot& pilot) const = 0;
};

struct PilotEvaluation {
  PilotId pilot_id = 0;
  Design design = Design::kBeforeAfter;
  std::vector<MetricEvaluation> metrics;
  std::vector<PerceptionResult> perception;
};

// Evaluates every metric of `pilot` on `rows` (its stored measurements). A
// metric without rows, or whose combination of design and measure has no
// method, is not computable and says why; nothing here fails.
PilotEvaluation EvaluatePilot(const Pilot& pilot, const std::vector<StoredMeasurement>& rows);

// {"pilot_id", "design", "metrics": [{"metric_id", "name", "unit_of_measure",
//  "direction", "measure", "rows", "computable", "method", "effect", "ci_low",
//  "ci_high", "p_value", "n_pilot", "n_comparison", "notes",
//  "units_needed_per_group", "reading", "verdict": {"sv", "en"},
//  "periods": [{"period", "pilot_mean", "comparison_mean", "pilot_units",
//  "comparison_units"}]}], "perception": [{"survey_id", "audience",
//  "title": {"sv", "en"}, "url", "respondents", "summary": {"sv", "en"}}]}.
// Absent numbers are null; never NaN or infinity.
nlohmann::ordered_json EvaluationJson(const PilotEvaluation& evaluation);

}  // namespace nyttig::pilots
