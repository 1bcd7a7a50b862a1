// The audit chain's hash format: what an external auditor needs to re-check
// a chain from a database dump or a JSON-lines export without our code.
//
// Each entry's hash is
//
//   entry_hash = lower-case hex( SHA-256( preimage ) )
//
// where the preimage is eleven netstrings (D. J. Bernstein's format: the
// decimal byte length, ':', the bytes, ','), in this order:
//
//   1  "nyttig-audit-v1"            format tag; a new format gets a new tag
//   2  chain_id                     decimal, e.g. "0" (platform) or "42"
//   3  seq                          decimal, 1 for the first entry of a chain
//   4  occurred_at                  decimal Unix seconds, UTC
//   5  actor                        pseudonym, "system" or "anonymous"
//   6  actor_role
//   7  action
//   8  entity_type
//   9  entity_id
//  10  details                      the canonical JSON text, as stored
//  11  prev_hash                    the previous entry's entry_hash; 64 "0"
//                                   characters for seq 1
//
// All text is UTF-8. Example: actor "ab12" becomes "4:ab12,".
//
// Canonical JSON (field 10): an object; keys sorted by byte order of their
// UTF-8 (= code point order), no whitespace, strings in UTF-8 with only '"',
// '\\' and control characters escaped (\b \f \n \r \t, others \u00xx with
// lower-case hex), integers in plain decimal; floating-point numbers are
// rejected at append time so that no two writers can disagree on digits.
// Python's json.dumps(d, sort_keys=True, separators=(",", ":"),
// ensure_ascii=False) produces the same text.
//
// A chain is intact when, ordered by seq, the seqs run 1, 2, 3 … without a
// gap, every prev_hash equals the previous entry_hash, and every entry_hash
// equals the recomputed hash. Client address and user agent are deliberately
// outside the hash so that they can be erased.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "audit/audit_entry.h"
#include "core/clock.h"
#include "core/status.h"

namespace nyttig::audit {

// prev_hash of the first entry of every chain.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";
inline constexpr std::string_view kHashFormatTag = "nyttig-audit-v1";

// Largest canonical details text accepted.
inline constexpr std::size_t kMaxDetailsBytes = 16 * 1024;  // bytes

// The fields an entry's hash covers (views into the caller's strings).
struct ChainedFields {
  std::int64_t chain_id = 0;
  std::int64_t seq = 0;
  UnixSeconds occurred_at = 0;
  std::string_view actor;
  std::string_view actor_role;
  std::string_view action;
  std::string_view entity_type;
  std::string_view entity_id;
  std::string_view details;  // canonical JSON text
  std::string_view prev_hash;
};

// The chained fields of a stored entry (views into `entry`).
ChainedFields ChainedFieldsOf(const AuditEntry& entry);

// The bytes that are hashed (the netstrings above), for auditors and tests.
std::string HashPreimage(const ChainedFields& fields);

// Lower-case hex SHA-256 of HashPreimage(fields).
std::string ComputeEntryHash(const ChainedFields& fields);

// The canonical text of `details`. A null `details` counts as {}. Fails with
// kInvalidArgument when `details` is not an object, holds a floating-point
// number or invalid UTF-8, is larger than kMaxDetailsBytes, or has a key that
// looks like a credential (see IsCredentialKey) at any depth.
StatusOr<std::string> CanonicalDetails(const nlohmann::json& details);

// True when a details key names something the audit log must never hold:
// it contains (case-insensitively) password, passwd, token, secret, cookie,
// authorization, api_key, apikey, private_key or credential. Deliberately
// broad: name a token's id by the entry's entity_id instead.
bool IsCredentialKey(std::string_view key);

}  // namespace nyttig::audit
