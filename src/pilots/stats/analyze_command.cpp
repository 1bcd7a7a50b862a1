#include "pilots/stats/analyze_command.h"

#include <nlohmann/json.hpp>

#include "pilots/stats/evaluation.h"
#include "pilots/stats/measurements_csv.h"

namespace nyttig::pilots {
namespace {

nlohmann::ordered_json NumberOrNull(const std::optional<double>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

std::string JoinNotes(const std::vector<std::string>& notes) {
  std::string joined;
  for (const std::string& note : notes) joined += (joined.empty() ? "" : "; ") + note;
  return joined.empty() ? "not computable" : joined;
}

void PrintError(std::ostream& err, const Status& status) {
  err << "nyttig pilots analyze: " << status.message() << "\n";
  for (const InvalidParameter& invalid : status.invalid_parameters()) {
    err << "  " << invalid.name << ": " << invalid.reason;
    if (!invalid.value.empty()) err << " (\"" << invalid.value << "\")";
    err << "\n";
  }
}

}  // namespace

nlohmann::ordered_json AnalyzeResultJson(const EffectEstimate& estimate) {
  if (!estimate.computable()) {
    return {{"computable", false}, {"reason", JoinNotes(estimate.notes)}};
  }
  return {{"method", estimate.method},
          {"effect", NumberOrNull(estimate.effect)},
          {"ci_low", NumberOrNull(estimate.ci_low)},
          {"ci_high", NumberOrNull(estimate.ci_high)},
          {"p_value", NumberOrNull(estimate.p_value)},
          {"n_pilot", estimate.n_pilot},
          {"n_comparison", estimate.n_comparison},
          {"notes", estimate.notes}};
}

int RunAnalyzeCommand(const AnalyzeCommandArgs& args, std::ostream& out, std::ostream& err) {
  const StatusOr<Design> design = ParseDesign(args.design);
  const StatusOr<Measure> measure = ParseMeasure(args.measure);
  for (const Status& status : {design.status(), measure.status()}) {
    if (!status.ok()) {
      PrintError(err, status);
      return kExitUsage;
    }
  }
  if (!IsDefinedCombination(*design, *measure)) {
    err << "nyttig pilots analyze: --design " << args.design << " is not defined for --measure "
        << args.measure << " (before-after and did take mean only)\n";
    return kExitUsage;
  }
  const StatusOr<std::vector<Measurement>> rows = ReadMeasurementsCsvFile(args.measurements_csv);
  if (!rows.ok()) {
    PrintError(err, rows.status());
    return kExitFailure;
  }
  const StatusOr<Evaluation> evaluation = Evaluate(*design, *measure, *rows);
  if (!evaluation.ok()) {
    PrintError(err, evaluation.status());
    return kExitFailure;
  }
  out << AnalyzeResultJson(evaluation->estimate).dump(2) << "\n";
  err << evaluation->verdict.sv << "\n" << evaluation->verdict.en << "\n";
  return kExitOk;
}

}  // namespace nyttig::pilots
