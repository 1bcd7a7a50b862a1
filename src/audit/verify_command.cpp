// `nyttig audit verify`: the report as JSON on stdout, the verdict on stderr.
#include <ostream>

#include "audit/audit_log.h"

namespace nyttig::audit {
namespace {

nlohmann::json BreakToJson(const ChainBreak& b) {
  return {{"chain_id", b.chain_id},
          {"seq", b.seq},
          {"entry_id", b.entry_id ? nlohmann::json(*b.entry_id) : nlohmann::json(nullptr)},
          {"kind", BreakKindName(b.kind)},
          {"message", b.message}};
}

nlohmann::json ReportToJson(const VerifyReport& report) {
  nlohmann::json breaks = nlohmann::json::array();
  for (const ChainBreak& b : report.breaks) breaks.push_back(BreakToJson(b));
  return {{"ok", report.ok()},
          {"chains", report.chains},
          {"entries", report.entries},
          {"first_broken", report.ok() ? nlohmann::json(nullptr) : breaks.front()},
          {"breaks", breaks}};
}

}  // namespace

int RunAuditVerifyCommand(db::Database& db, std::ostream& out, std::ostream& err) {
  // Verification reads only; the clock is never asked.
  SystemClock clock;
  AuditLog audit_log(clock, AuditOptions{});
  StatusOr<VerifyReport> report = audit_log.Verify(db);
  if (!report.ok()) {
    err << "audit verify: " << report.status().ToString() << '\n';
    return 1;
  }
  out << ReportToJson(*report).dump(2) << '\n';
  if (report->ok()) {
    err << "audit verify: " << report->chains << " chains, " << report->entries
        << " entries, all intact\n";
    return 0;
  }
  err << "audit verify: BROKEN: " << report->breaks.front().message << '\n';
  return 1;
}

}  // namespace nyttig::audit
