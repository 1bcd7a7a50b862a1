// Speed and memory of a large pilot's evaluation (issue 7): 1 000 units ×
// 104 weekly periods × 10 metrics (1 040 000 measurements), read from CSV
// and checked against the plan, evaluated per metric by difference in
// differences on unit-level aggregates, plus a 10 000-resample bootstrap
// of the difference of medians per metric.
//
//   pilots_evaluation_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "core/time_format.h"
#include "pilots/measurement_import.h"
#include "pilots/pilot_evaluation.h"
#include "pilots/stats/bootstrap.h"
#include "pilots/stats/descriptive.h"

namespace nyttig::pilots {
namespace {

constexpr int kUnits = 1000;  // half pilot, half comparison
constexpr int kWeeks = 104;   // 52 before the start, 52 after
constexpr int kMetrics = 10;
constexpr unsigned kSeed = 20261128;

Pilot LargePilot() {
  Pilot pilot;
  pilot.id = 1;
  pilot.design = Design::kDid;
  pilot.baseline_from = "2025-01-06";
  pilot.starts_on = "2026-01-05";
  pilot.ends_on = "2026-12-31";
  for (int metric = 0; metric < kMetrics; ++metric) {
    pilot.metrics.push_back({.id = metric + 1, .name = "Mått " + std::to_string(metric + 1)});
  }
  return pilot;
}

std::string Unit(int unit) { return "Enhet " + std::to_string(unit); }
bool IsPilotUnit(int unit) { return unit < kUnits / 2; }

// The CSV an organisation would upload: noise around a unit level, and an
// effect of −2 in the pilot units after the start.
std::string LargeCsv(const Pilot& pilot) {
  std::mt19937_64 rng(kSeed);
  std::normal_distribution<double> noise(0, 3);
  const UnixSeconds first = *ParseRfc3339(pilot.baseline_from);
  std::vector<std::string> weeks;
  for (int week = 0; week < kWeeks; ++week) weeks.push_back(FormatIsoDate(first + week * 7 * 86400));
  std::string csv = "unit,group,period,metric,value\n";
  csv.reserve(size_t(kUnits) * kWeeks * kMetrics * 40);
  char value[32];
  for (int unit = 0; unit < kUnits; ++unit) {
    const std::string prefix = Unit(unit) + (IsPilotUnit(unit) ? ",pilot," : ",comparison,");
    for (int week = 0; week < kWeeks; ++week) {
      const bool effect = IsPilotUnit(unit) && weeks[week] >= pilot.starts_on;
      for (const Metric& metric : pilot.metrics) {
        std::snprintf(value, sizeof value, "%.2f", 50 + unit % 7 + noise(rng) - (effect ? 2 : 0));
        csv += prefix + weeks[week] + "," + metric.name + "," + value + "\n";
      }
    }
  }
  return csv;
}

long PeakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

const Pilot& ThePilot() {
  static const Pilot pilot = LargePilot();
  return pilot;
}
const std::string& TheCsv() {
  static const std::string csv = LargeCsv(ThePilot());
  return csv;
}
const std::vector<StoredMeasurement>& TheRows() {
  static const std::vector<StoredMeasurement> rows = *ReadMeasurementImport(ThePilot(), {}, TheCsv());
  return rows;
}

void BM_ReadAndCheckCsv(benchmark::State& state) {
  for (auto _ : state) {
    auto rows = ReadMeasurementImport(ThePilot(), {}, TheCsv());
    if (!rows.ok() || rows->size() != size_t(kUnits) * kWeeks * kMetrics) state.SkipWithError("bad");
    benchmark::DoNotOptimize(rows);
  }
  state.counters["rows"] = double(kUnits) * kWeeks * kMetrics;
  state.counters["csv_MiB"] = double(TheCsv().size()) / (1 << 20);
  state.counters["peak_rss_MiB"] = double(PeakRssKiB()) / 1024;
}
BENCHMARK(BM_ReadAndCheckCsv)->Unit(benchmark::kMillisecond);

void BM_EvaluateAllMetrics(benchmark::State& state) {
  const std::vector<StoredMeasurement>& rows = TheRows();
  for (auto _ : state) {
    PilotEvaluation evaluation = EvaluatePilot(ThePilot(), rows);
    if (!evaluation.metrics[0].result.estimate.computable()) state.SkipWithError("not computable");
    benchmark::DoNotOptimize(evaluation);
  }
  state.counters["peak_rss_MiB"] = double(PeakRssKiB()) / 1024;
}
BENCHMARK(BM_EvaluateAllMetrics)->Unit(benchmark::kMillisecond);

// Unit-level after-means per metric, then the bootstrap of the median difference.
void BM_BootstrapAllMetrics(benchmark::State& state) {
  std::vector<std::vector<double>> pilot(kMetrics), comparison(kMetrics);
  std::vector<std::vector<double>> sums(kMetrics, std::vector<double>(kUnits)), counts = sums;
  for (const StoredMeasurement& row : TheRows()) {
    if (row.phase != Phase::kAfter) continue;
    const int unit = std::stoi(row.unit.substr(6));
    sums[row.metric_id - 1][unit] += row.value;
    counts[row.metric_id - 1][unit] += 1;
  }
  for (int metric = 0; metric < kMetrics; ++metric) {
    for (int unit = 0; unit < kUnits; ++unit) {
      (IsPilotUnit(unit) ? pilot : comparison)[metric].push_back(sums[metric][unit] /
                                                                 counts[metric][unit]);
    }
  }
  for (auto _ : state) {
    std::mt19937_64 rng(kSeed);
    for (int metric = 0; metric < kMetrics; ++metric) {
      EffectEstimate e = BootstrapMedianDifference(pilot[metric], comparison[metric],
                                                   kDefaultBootstrapResamples, rng);
      benchmark::DoNotOptimize(e);
    }
  }
  state.counters["resamples_per_metric"] = kDefaultBootstrapResamples;
  state.counters["peak_rss_MiB"] = double(PeakRssKiB()) / 1024;
}
BENCHMARK(BM_BootstrapAllMetrics)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace nyttig::pilots

BENCHMARK_MAIN();
