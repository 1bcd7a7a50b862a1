#include "pilots/commands.h"

#include <fstream>
#include <sstream>

#include "pilots/stats/analyze_command.h"

namespace nyttig::pilots {
namespace {

constexpr size_t kMaxImportFileBytes = size_t{512} << 20;  // bytes

// The command line acts for the pilot's organisation, like a service token.
StatusOr<accounts::Actor> SystemActorFor(db::Database& db, PilotId id) {
  ASSIGN_OR_RETURN(Pilot pilot, db.ReadValue<Pilot>([&](db::Tx& tx) {
    return PilotStore::Find(tx, id);
  }));
  accounts::Actor actor;
  actor.method = accounts::AuthMethod::kToken;
  actor.scopes = {accounts::TokenScope::kAdmin};
  actor.service_organisation = pilot.organisation_id;
  actor.display_name = "nyttig (command line)";
  return actor;
}

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().size() > kMaxImportFileBytes) return ResourceExhaustedError(path + " is too large");
  return text.str();
}

int Fail(std::ostream& err, const Status& status) {
  err << "error: " << status.message() << "\n";
  return kExitFailure;
}

}  // namespace

int RunImportMeasurementsCommand(db::Database& db, PilotService& pilots, const std::string& path,
                                 PilotId pilot_id, std::ostream& out, std::ostream& err) {
  StatusOr<accounts::Actor> actor = SystemActorFor(db, pilot_id);
  if (!actor.ok()) return Fail(err, actor.status());
  StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) return Fail(err, text.status());
  StatusOr<int> imported = pilots.ImportMeasurements(*actor, pilot_id, *text);
  if (!imported.ok()) {
    const Status status = imported.status();  // by value: keep it alive for the loop
    for (const InvalidParameter& p : status.invalid_parameters()) {
      err << p.name << ": " << p.reason;
      for (const auto& [key, value] : p.args) {
        if (key != "line" && key != "column") err << " " << key << "=" << value;
      }
      if (!p.value.empty()) err << " (" << p.value << ")";
      err << "\n";
    }
    err << "nothing was imported\n";
    return kExitFailure;
  }
  out << nlohmann::json{{"pilot_id", pilot_id}, {"imported", *imported}}.dump() << "\n";
  return kExitOk;
}

int RunEvaluateCommand(db::Database& db, PilotService& pilots, PilotId pilot_id,
                       const std::string& format, std::ostream& out, std::ostream& err) {
  if (format != "json") {
    err << "error: --format must be json\n";
    return kExitUsage;
  }
  StatusOr<accounts::Actor> actor = SystemActorFor(db, pilot_id);
  if (!actor.ok()) return Fail(err, actor.status());
  StatusOr<PilotEvaluation> evaluation = pilots.Evaluate(*actor, pilot_id);
  if (!evaluation.ok()) return Fail(err, evaluation.status());
  out << EvaluationJson(*evaluation).dump(2) << "\n";
  return kExitOk;
}

}  // namespace nyttig::pilots
