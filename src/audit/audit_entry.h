// Value types of the audit log: what a caller records (AuditEvent), what is
// stored and read back (AuditEntry), chain heads, and the outcome of a
// verification. Plain values; copy freely.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace nyttig::audit {

// The chain of the platform itself (platform admins, log-ins before an
// organisation is known). Organisation chains use the organisation's id.
inline constexpr std::int64_t kPlatformChain = 0;

// Actor names for entries without a person.
inline constexpr std::string_view kSystemActor = "system";        // jobs, migrations, demo
inline constexpr std::string_view kAnonymousActor = "anonymous";  // e.g. a failed log-in

// One thing that happened, as a service records it.
struct AuditEvent {
  std::int64_t chain_id = kPlatformChain;  // organisation id, or kPlatformChain
  // The person who acted; nullopt for the system (actor_role "system") or an
  // anonymous visitor. Stored only as a pseudonym.
  std::optional<std::int64_t> person_id;
  std::string actor_role;   // the role acted in: "admin", "employee", "citizen", "system" …
  std::string action;       // "<entity>.<verb>": "account.login", "membership.grant" …
  std::string entity_type;  // "person", "organisation", "idea" …
  std::string entity_id;    // the entity's id as text; may be empty for log-ins
  nlohmann::json details = nlohmann::json::object();  // never credentials; see entry_hash.h
  // Personal data, outside the chain, erased after the retention limit.
  std::string client_address;  // empty when unknown
  std::string user_agent;      // empty when unknown; truncated to a limit
};

// A stored entry, as read back for admins, exports and verification.
struct AuditEntry {
  std::int64_t id = 0;  // row id, stable; not part of the hash
  std::int64_t chain_id = 0;
  std::int64_t seq = 0;
  UnixSeconds occurred_at = 0;
  std::string actor;                      // pseudonym, kSystemActor or kAnonymousActor
  std::optional<std::int64_t> person_id;  // the pseudonym's person; nullopt once erased
  std::string actor_role;
  std::string action;
  std::string entity_type;
  std::string entity_id;
  std::string details;  // canonical JSON text, exactly as hashed
  std::string prev_hash;
  std::string entry_hash;
  std::optional<std::string> client_address;  // nullopt once erased or expired
  std::optional<std::string> user_agent;      // nullopt once erased or expired
};

// One page of a chain, newest first.
struct EntryPage {
  std::vector<AuditEntry> entries;
  std::int64_t total = 0;  // entries in the chain
  int page = 1;            // from 1
  int limit = 0;
};

// The newest entry of a chain.
struct ChainHead {
  std::int64_t chain_id = 0;
  std::int64_t seq = 0;
  std::string entry_hash;
  bool operator==(const ChainHead&) const = default;
};

// Why a chain failed verification; the names are part of the `audit verify`
// output.
enum class BreakKind {
  kAlteredEntry,           // "altered_entry": stored hash ≠ recomputed hash
  kBrokenLink,             // "broken_link": prev_hash ≠ previous entry's hash
  kMissingEntries,         // "missing_entries": a gap in seq (deleted entries)
  kHeadMismatch,           // "head_mismatch": audit_heads disagrees with the entries
  kPublishedHeadMissing,   // "published_head_missing": a published head's entry is gone
  kPublishedHeadMismatch,  // "published_head_mismatch": a published head's hash differs
};
std::string_view BreakKindName(BreakKind kind);

// The first broken place of one chain.
struct ChainBreak {
  std::int64_t chain_id = 0;
  std::int64_t seq = 0;                  // the first seq that does not check out
  std::optional<std::int64_t> entry_id;  // the row at that seq, when there is one
  BreakKind kind = BreakKind::kAlteredEntry;
  std::string message;  // for people
};

struct VerifyReport {
  std::int64_t chains = 0;         // chains checked
  std::int64_t entries = 0;        // entries checked
  std::vector<ChainBreak> breaks;  // at most one per chain, by chain id
  bool ok() const { return breaks.empty(); }
};

}  // namespace nyttig::audit
