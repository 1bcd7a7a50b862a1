// AuditLog's exports: JSON lines (complete enough to re-check every hash) and
// CSV (for people with a spreadsheet).
#include <functional>
#include <ostream>

#include "audit/audit_log.h"
#include "audit/audit_store.h"
#include "core/csv.h"
#include "core/time_format.h"

namespace nyttig::audit {
namespace {

// Calls `fn` for every entry of a chain, oldest first, in batches and in one
// snapshot so that the export is a consistent prefix of the chain.
Status ForEachEntry(db::Database& db, std::int64_t chain_id,
                    const std::function<void(const AuditEntry&)>& fn) {
  return db.Read([&](db::Tx& tx) -> Status {
    std::int64_t after_seq = 0;
    while (true) {
      std::vector<AuditEntry> batch =
          store::EntriesAfter(tx, chain_id, after_seq, store::kStreamBatch);
      for (const AuditEntry& entry : batch) fn(entry);
      if (batch.size() < static_cast<std::size_t>(store::kStreamBatch)) return Status::Ok();
      after_seq = batch.back().seq;
    }
  });
}

nlohmann::json OptionalJson(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json EntryToJson(const AuditEntry& e) {
  // A tampered row may hold text that is not JSON; export it as a string
  // rather than fail, so the export still shows what is there.
  nlohmann::json details = nlohmann::json::parse(e.details, nullptr, false);
  if (details.is_discarded()) details = e.details;
  return {{"id", e.id},
          {"chain_id", e.chain_id},
          {"seq", e.seq},
          {"occurred_at", FormatRfc3339(e.occurred_at)},
          {"occurred_at_unix", e.occurred_at},
          {"actor", e.actor},
          {"person_id", e.person_id ? nlohmann::json(*e.person_id) : nlohmann::json(nullptr)},
          {"actor_role", e.actor_role},
          {"action", e.action},
          {"entity_type", e.entity_type},
          {"entity_id", e.entity_id},
          {"details", std::move(details)},
          {"client_address", OptionalJson(e.client_address)},
          {"user_agent", OptionalJson(e.user_agent)},
          {"prev_hash", e.prev_hash},
          {"entry_hash", e.entry_hash}};
}

}  // namespace

Status AuditLog::ExportJsonLines(db::Database& db, std::int64_t chain_id, std::ostream& out) const {
  return ForEachEntry(db, chain_id,
                      [&](const AuditEntry& entry) { out << EntryToJson(entry).dump() << '\n'; });
}

Status AuditLog::ExportCsv(db::Database& db, std::int64_t chain_id, std::ostream& out) const {
  WriteCsvRow(
      out, {"id", "chain_id", "seq", "occurred_at", "actor", "actor_role", "action", "entity_type",
            "entity_id", "details", "client_address", "user_agent", "prev_hash", "entry_hash"});
  return ForEachEntry(db, chain_id, [&](const AuditEntry& e) {
    WriteCsvRow(out, {std::to_string(e.id), std::to_string(e.chain_id), std::to_string(e.seq),
                      FormatRfc3339(e.occurred_at), e.actor, e.actor_role, e.action, e.entity_type,
                      e.entity_id, e.details, e.client_address.value_or(""),
                      e.user_agent.value_or(""), e.prev_hash, e.entry_hash});
  });
}

}  // namespace nyttig::audit
