#include "audit/audit_log.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include "audit/audit_store.h"
#include "audit/chain_verifier.h"
#include "audit/entry_hash.h"
#include "core/text.h"

namespace nyttig::audit {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr std::size_t kMaxRoleBytes = 64;
constexpr std::size_t kMaxActionBytes = 100;
constexpr std::size_t kMaxEntityTypeBytes = 100;
constexpr std::size_t kMaxEntityIdBytes = 200;
constexpr std::size_t kMaxClientAddressBytes = 64;  // an IPv6 address with zone fits
constexpr std::size_t kMaxUserAgentBytes = 512;

Status CheckField(std::string_view name, std::string_view value, std::size_t max_bytes,
                  bool required) {
  if (required && value.empty()) {
    return InvalidArgumentError("audit event: " + std::string(name) + " is required");
  }
  if (value.size() > max_bytes || !IsValidUtf8(value)) {
    return InvalidArgumentError("audit event: " + std::string(name) + " is longer than " +
                                std::to_string(max_bytes) + " bytes or not UTF-8");
  }
  return Status::Ok();
}

Status ValidateEvent(const AuditEvent& event) {
  if (event.chain_id < 0) return InvalidArgumentError("audit event: negative chain id");
  if (event.person_id && *event.person_id <= 0) {
    return InvalidArgumentError("audit event: person id must be positive");
  }
  RETURN_IF_ERROR(CheckField("actor_role", event.actor_role, kMaxRoleBytes, true));
  RETURN_IF_ERROR(CheckField("action", event.action, kMaxActionBytes, true));
  RETURN_IF_ERROR(CheckField("entity_type", event.entity_type, kMaxEntityTypeBytes, true));
  return CheckField("entity_id", event.entity_id, kMaxEntityIdBytes, false);
}

// Client address and user agent come from request headers: an audit record
// must never make the audited change fail, so odd bytes are replaced and
// long values cut instead of rejected.
std::string SanitiseHeaderValue(std::string_view value, std::size_t max_bytes) {
  std::string out(value.substr(0, max_bytes));
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7e) c = '?';
  }
  return out;
}

std::string ActorOf(db::Tx& tx, const AuditEvent& event, UnixSeconds now) {
  if (event.person_id) return store::PseudonymFor(tx, *event.person_id, now);
  return std::string(event.actor_role == kSystemActor ? kSystemActor : kAnonymousActor);
}

}  // namespace

AuditLog::AuditLog(const Clock& clock, AuditOptions options) : clock_(clock), options_(options) {
  // Pseudonyms come from randombytes_buf, which needs an initialised
  // libsodium; sodium_init is idempotent and thread-safe.
  if (sodium_init() < 0) spdlog::critical("libsodium failed to initialise");
}

StatusOr<std::int64_t> AuditLog::Append(db::Tx& tx, const AuditEvent& event) const {
  RETURN_IF_ERROR(ValidateEvent(event));
  ASSIGN_OR_RETURN(std::string details, CanonicalDetails(event.details));
  const UnixSeconds now = clock_.Now();
  AuditEntry entry;
  entry.chain_id = event.chain_id;
  entry.occurred_at = now;
  entry.actor = ActorOf(tx, event, now);
  entry.actor_role = event.actor_role;
  entry.action = event.action;
  entry.entity_type = event.entity_type;
  entry.entity_id = event.entity_id;
  entry.details = std::move(details);
  const ChainHead head = store::LockHead(tx, event.chain_id);
  entry.seq = head.seq + 1;
  entry.prev_hash = head.entry_hash;
  entry.entry_hash = ComputeEntryHash(ChainedFieldsOf(entry));
  entry.id = store::InsertEntry(tx, entry);
  store::UpdateHead(tx,
                    {.chain_id = entry.chain_id, .seq = entry.seq, .entry_hash = entry.entry_hash});
  const std::string address = SanitiseHeaderValue(event.client_address, kMaxClientAddressBytes);
  const std::string agent = SanitiseHeaderValue(event.user_agent, kMaxUserAgentBytes);
  if (!address.empty() || !agent.empty()) {
    const UnixSeconds erase_after =
        now + std::int64_t{options_.personal_data_retention_days} * kSecondsPerDay;
    store::InsertPersonal(tx, entry.id, address, agent, erase_after);
  }
  return entry.id;
}

StatusOr<VerifyReport> AuditLog::Verify(db::Database& db) const {
  // One read transaction: a chain that grows during the check is seen as it
  // was when the check began, entries and head alike.
  return db.ReadValue<VerifyReport>(
      [](db::Tx& tx) -> StatusOr<VerifyReport> { return VerifyChains(tx); });
}

StatusOr<int> AuditLog::PublishHeads(db::Database& db) const {
  const UnixSeconds now = clock_.Now();
  ASSIGN_OR_RETURN(
      std::vector<ChainHead> published,
      db.WriteValue<std::vector<ChainHead>>([&](db::Tx& tx) -> StatusOr<std::vector<ChainHead>> {
        std::vector<ChainHead> changed;
        for (const ChainHead& head : store::Heads(tx)) {
          if (store::LatestPublishedHead(tx, head.chain_id) == head) continue;
          store::InsertPublishedHead(tx, head, now);
          changed.push_back(head);
        }
        return changed;
      }));
  // Logged only after the commit, so a log line never names a head that was
  // rolled back.
  for (const ChainHead& head : published) {
    spdlog::info("audit head published: chain={} seq={} hash={}", head.chain_id, head.seq,
                 head.entry_hash);
  }
  return static_cast<int>(published.size());
}

StatusOr<std::vector<ChainHead>> AuditLog::Heads(db::Database& db) const {
  return db.ReadValue<std::vector<ChainHead>>(
      [](db::Tx& tx) -> StatusOr<std::vector<ChainHead>> { return store::Heads(tx); });
}

StatusOr<EntryPage> AuditLog::ListEntries(db::Database& db, std::int64_t chain_id, int page,
                                          int limit) const {
  if (page < 1) return InvalidArgumentError("page must be 1 or more");
  if (limit < 1 || limit > kMaxPageLimit) {
    return InvalidArgumentError("limit must be between 1 and " + std::to_string(kMaxPageLimit));
  }
  return db.ReadValue<EntryPage>([&](db::Tx& tx) -> StatusOr<EntryPage> {
    EntryPage result;
    result.total = store::CountEntries(tx, chain_id);
    result.page = page;
    result.limit = limit;
    const std::int64_t offset = std::int64_t{page - 1} * limit;
    result.entries = store::EntriesNewestFirst(tx, chain_id, offset, limit);
    return result;
  });
}

StatusOr<int> AuditLog::PurgeExpiredPersonalData(db::Database& db) const {
  const UnixSeconds now = clock_.Now();
  return db.WriteValue<int>(
      [&](db::Tx& tx) -> StatusOr<int> { return store::DeleteExpiredPersonal(tx, now); });
}

Status AuditLog::ErasePerson(db::Tx& tx, std::int64_t person_id) const {
  store::ErasePerson(tx, person_id);
  return Status::Ok();
}

}  // namespace nyttig::audit
