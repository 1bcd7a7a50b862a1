// The logic of `nyttig pilots analyze` (CONTRACTS.md, "pilots analyze"):
// reads a measurements CSV, evaluates it by design and measure, and prints
// one JSON document. The CLI parses flags into AnalyzeCommandArgs and calls
// RunAnalyzeCommand; nothing here touches a database.
//
//   nyttig::pilots::AnalyzeCommandArgs args{"m.csv", "two-groups", "mean"};
//   return nyttig::pilots::RunAnalyzeCommand(args, std::cout, std::cerr);
//
// Thread-safety: reentrant; writes only to the given streams.
#pragma once

#include <ostream>
#include <string>

#include "nlohmann/json_fwd.hpp"
#include "pilots/stats/effect_estimate.h"

namespace nyttig::pilots {

struct AnalyzeCommandArgs {
  std::string measurements_csv;  // path of the CSV file
  std::string design;            // two-groups | before-after | did
  std::string measure;           // mean | proportion | rank
};

// Exit codes of RunAnalyzeCommand (CONTRACTS.md, "Command line").
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Runs `nyttig pilots analyze`: writes one JSON document to `out` exactly per
// CONTRACTS.md, messages (errors, per-row errors, the verdict) to `err`.
// Returns the exit code: 0 ok (also for {"computable": false, ...}), 1
// failure of the work (unreadable or malformed file), 2 usage error (unknown
// design or measure, or a combination the contract does not define).
int RunAnalyzeCommand(const AnalyzeCommandArgs& args, std::ostream& out, std::ostream& err);

// The contract's JSON for an estimate: {"method", "effect", "ci_low",
// "ci_high", "p_value", "n_pilot", "n_comparison", "notes"} with null for
// absent values, or {"computable": false, "reason"} when no effect could be
// estimated. Never contains NaN or infinity.
nlohmann::ordered_json AnalyzeResultJson(const EffectEstimate& estimate);

}  // namespace nyttig::pilots
