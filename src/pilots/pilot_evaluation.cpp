#include "pilots/pilot_evaluation.h"

#include <algorithm>
#include <map>


namespace nyttig::pilots {
namespace {

// "before" first, then dates in order, then "after".
int PeriodRank(const std::string& period) {
  if (period == "before") return 0;
  if (period == "after") return 2;
  return 1;
}

bool PeriodBefore(const std::string& a, const std::string& b) {
  if (PeriodRank(a) != PeriodRank(b)) return PeriodRank(a) < PeriodRank(b);
  return a < b;  // ISO dates sort as text
}

std::vector<PeriodPoint> MeansByPeriod(const std::vector<const StoredMeasurement*>& rows) {
  struct Sums {
    double sum[2] = {0, 0};
    int count[2] = {0, 0};
  };
  std::map<std::string, Sums, decltype(&PeriodBefore)> by_period(&PeriodBefore);
  // (metric, unit, period) is unique, so a row is one unit's value in its period.
  for (const StoredMeasurement* row : rows) {
    Sums& sums = by_period[row->period];
    const auto group_idx = static_cast<size_t>(row->group);
    sums.sum[group_idx] += row->value;
    ++sums.count[group_idx];
  }
  std::vector<PeriodPoint> points;
  for (const auto& [period, sums] : by_period) {
    PeriodPoint point{.period = period, .pilot_units = sums.count[0],
                      .comparison_units = sums.count[1]};
    if (sums.count[0] > 0) point.pilot_mean = sums.sum[0] / sums.count[0];
    if (sums.count[1] > 0) point.comparison_mean = sums.sum[1] / sums.count[1];
    points.push_back(point);
  }
  return points;
}

Reading ReadEffect(const EffectEstimate& estimate, Direction direction) {
  if (!estimate.ci_low || !estimate.ci_high) return Reading::kUnclear;
  const bool above = *estimate.ci_low > 0;
  const bool below = *estimate.ci_high < 0;
  if (!above && !below) return Reading::kUnclear;
  return above == (direction == Direction::kHigherIsBetter) ? Reading::kBetter : Reading::kWorse;
}

// A metric that cannot be evaluated still gets a verdict, saying why.
Evaluation NotComputable(const std::string& reason) {
  Evaluation evaluation;
  evaluation.estimate = MakeEstimate("");
  AddNote(evaluation.estimate, reason);
  evaluation.verdict = WriteVerdict(evaluation.estimate, std::nullopt);
  return evaluation;
}

MetricEvaluation EvaluateMetric(const Pilot& pilot, const Metric& metric,
                                const std::vector<const StoredMeasurement*>& rows) {
  MetricEvaluation out{.metric = metric, .rows = static_cast<int>(rows.size())};
  out.periods = MeansByPeriod(rows);
  if (rows.empty()) {
    out.result = NotComputable("no measurements yet");
    return out;
  }
  std::vector<Measurement> values;
  values.reserve(rows.size());
  for (const StoredMeasurement* row : rows) {
    values.push_back({.unit = row->unit, .group = row->group, .phase = row->phase,
                      .value = row->value});
  }
  StatusOr<Evaluation> result = Evaluate(pilot.design, metric.measure, values);
  out.result = result.ok() ? *result
                           : NotComputable(result.status().message());
  out.reading = ReadEffect(out.result.estimate, metric.direction);
  return out;
}

nlohmann::ordered_json Number(const std::optional<double>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json();
}

nlohmann::ordered_json MetricJson(const MetricEvaluation& m) {
  const EffectEstimate& e = m.result.estimate;
  nlohmann::ordered_json periods = nlohmann::ordered_json::array();
  for (const PeriodPoint& p : m.periods) {
    periods.push_back({{"period", p.period},
                       {"pilot_mean", Number(p.pilot_mean)},
                       {"comparison_mean", Number(p.comparison_mean)},
                       {"pilot_units", p.pilot_units},
                       {"comparison_units", p.comparison_units}});
  }
  return {{"metric_id", m.metric.id},
          {"name", m.metric.name},
          {"unit_of_measure", m.metric.unit_of_measure},
          {"direction", DirectionName(m.metric.direction)},
          {"measure", MeasureName(m.metric.measure)},
          {"rows", m.rows},
          {"computable", e.computable()},
          {"method", e.method.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(e.method)},
          {"effect", Number(e.effect)},
          {"ci_low", Number(e.ci_low)},
          {"ci_high", Number(e.ci_high)},
          {"p_value", Number(e.p_value)},
          {"n_pilot", e.n_pilot},
          {"n_comparison", e.n_comparison},
          {"notes", e.notes},
          {"units_needed_per_group",
           m.result.units_needed_per_group ? nlohmann::ordered_json(*m.result.units_needed_per_group)
                                           : nlohmann::ordered_json()},
          {"reading", ReadingName(m.reading)},
          {"verdict", {{"sv", m.result.verdict.sv}, {"en", m.result.verdict.en}}},
          {"periods", periods}};
}

}  // namespace

std::string_view ReadingName(Reading reading) {
  switch (reading) {
    case Reading::kBetter:
      return "better";
    case Reading::kWorse:
      return "worse";
    case Reading::kUnclear:
      break;
  }
  return "unclear";
}

PilotEvaluation EvaluatePilot(const Pilot& pilot, const std::vector<StoredMeasurement>& rows) {
  std::map<MetricId, std::vector<const StoredMeasurement*>> by_metric;
  for (const StoredMeasurement& row : rows) by_metric[row.metric_id].push_back(&row);
  PilotEvaluation evaluation{.pilot_id = pilot.id, .design = pilot.design};
  for (const Metric& metric : pilot.metrics) {
    evaluation.metrics.push_back(EvaluateMetric(pilot, metric, by_metric[metric.id]));
  }
  return evaluation;
}

nlohmann::ordered_json EvaluationJson(const PilotEvaluation& evaluation) {
  nlohmann::ordered_json metrics = nlohmann::ordered_json::array();
  for (const MetricEvaluation& m : evaluation.metrics) metrics.push_back(MetricJson(m));
  nlohmann::ordered_json perception = nlohmann::ordered_json::array();
  for (const PerceptionResult& p : evaluation.perception) {
    perception.push_back({{"survey_id", p.survey_id},
                          {"audience", p.audience},
                          {"title", {{"sv", p.title.sv}, {"en", p.title.en}}},
                          {"url", p.url},
                          {"respondents", p.respondents},
                          {"summary", {{"sv", p.summary.sv}, {"en", p.summary.en}}}});
  }
  return {{"pilot_id", evaluation.pilot_id},
          {"design", DesignName(evaluation.design)},
          {"metrics", metrics},
          {"perception", perception}};
}

}  // namespace nyttig::pilots
