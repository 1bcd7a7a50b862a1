// The audit log: who did what to which entity, when and from where, kept
// append-only and hash-chained per organisation so that an altered, inserted
// or deleted entry is found by Verify (and `nyttig audit verify`).
//
//   audit::AuditLog audit_log(clock, {.personal_data_retention_days = 90});
//   Status s = db.Write([&](db::Tx& tx) -> Status {
//     RETURN_IF_ERROR(memberships.Grant(tx, ...));
//     audit::AuditEvent event;
//     event.chain_id = org_id;
//     event.person_id = actor_id;
//     event.actor_role = "admin";
//     event.action = "membership.grant";
//     event.entity_type = "membership";
//     event.entity_id = std::to_string(membership_id);
//     event.details = {{"role", "coordinator"}};
//     event.client_address = request.client_address;
//     event.user_agent = request.user_agent;
//     return audit_log.Append(tx, event).status();
//   });
//
// Design:
// - One chain per organisation (kPlatformChain for the platform), so writers
//   of different organisations never wait for each other. Appending locks
//   only that chain's head row (PostgreSQL: SELECT … FOR UPDATE; SQLite
//   serialises writers anyway), so concurrent appends never fork a chain.
// - Entries name actors by a random pseudonym (audit_actors); ErasePerson
//   cuts the link. Client address and user agent live outside the hash in
//   audit_personal, deleted after the retention limit. Neither breaks a chain.
// - PublishHeads records each chain's newest hash in audit_published_heads
//   and in the log (spdlog, info), so deleting the newest entries shows up.
//   Keep those log lines somewhere the database's administrators cannot
//   rewrite; a hash chain without a key cannot stop someone who may rewrite
//   both the entries and every published head.
// - The hash format is in entry_hash.h.
//
// Permission checks (an organisation admin may read their own chain) are the
// calling service's job; these functions answer for any chain they are given.
//
// Thread-safety: AuditLog holds only its options and a Clock reference; share
// one between threads. The Clock must outlive it.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <vector>

#include "audit/audit_entry.h"
#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"

namespace nyttig::audit {

struct AuditOptions {
  // Client address and user agent are deleted this long after the event.
  int personal_data_retention_days = 90;  // days
};

inline constexpr int kMaxPageLimit = 200;  // entries per ListEntries page

class AuditLog {
 public:
  AuditLog(const Clock& clock, AuditOptions options);
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  // Appends `event` to its chain inside the caller's transaction, so the
  // record lands if and only if the change does. Returns the entry's row id.
  // Fails with kInvalidArgument when a required field (actor_role, action,
  // entity_type) is empty, a field is too long, the chain id is negative, or
  // the details are not acceptable (credentials, floats; see entry_hash.h);
  // database errors propagate as from Database::Write. A transaction that
  // appends to several chains must do so in ascending chain id order: on
  // PostgreSQL each append locks its chain's head until commit.
  StatusOr<std::int64_t> Append(db::Tx& tx, const AuditEvent& event) const;

  // Checks every chain (seq without gaps, links, hashes) against audit_heads
  // and every published head, in one consistent snapshot. A broken chain is
  // a finding in the report, not an error; the Status fails only when the
  // database cannot be read.
  StatusOr<VerifyReport> Verify(db::Database& db) const;

  // Records the head of every chain that changed since its last publication
  // in audit_published_heads and logs it. Returns how many were published.
  StatusOr<int> PublishHeads(db::Database& db) const;

  // The current head of every chain with entries, by chain id (for the
  // platform admin's endpoint and for copying elsewhere).
  StatusOr<std::vector<ChainHead>> Heads(db::Database& db) const;

  // One page (from 1) of a chain's entries, newest first. Fails with
  // kInvalidArgument when page < 1 or limit is outside 1..kMaxPageLimit.
  StatusOr<EntryPage> ListEntries(db::Database& db, std::int64_t chain_id, int page,
                                  int limit) const;

  // Writes a chain, oldest first, one JSON object per line with the fields
  // of AuditEntry (occurred_at as RFC 3339 and as occurred_at_unix, details
  // as an object), enough to re-check every hash (entry_hash.h).
  Status ExportJsonLines(db::Database& db, std::int64_t chain_id, std::ostream& out) const;

  // Writes a chain, oldest first, as RFC 4180 CSV with a header row:
  // id,chain_id,seq,occurred_at,actor,actor_role,action,entity_type,
  // entity_id,details,client_address,user_agent,prev_hash,entry_hash
  Status ExportCsv(db::Database& db, std::int64_t chain_id, std::ostream& out) const;

  // Deletes the personal data (client address, user agent) of every entry
  // whose retention limit has passed. Returns how many rows were deleted.
  StatusOr<int> PurgeExpiredPersonalData(db::Database& db) const;

  // Erasure of a person: deletes the personal data of their entries and
  // unlinks their pseudonym, inside the caller's transaction. Their entries
  // stay in the chains under a pseudonym nobody can resolve any more.
  // Succeeds (doing nothing) when the person never appeared in the log.
  Status ErasePerson(db::Tx& tx, std::int64_t person_id) const;

 private:
  const Clock& clock_;
  AuditOptions options_;
};

// `nyttig audit verify`: verifies every chain and writes the report as one
// JSON document to `out`:
//   {"ok": false, "chains": 3, "entries": 1200,
//    "first_broken": {"chain_id": 7, "seq": 41, "entry_id": 902,
//                     "kind": "altered_entry", "message": "…"},
//    "breaks": [ …one per broken chain… ]}
// ("first_broken" is null when ok). Names the first broken entry on `err`.
// Returns 0 when every chain is intact, 1 when one is broken or the database
// cannot be read.
int RunAuditVerifyCommand(db::Database& db, std::ostream& out, std::ostream& err);

}  // namespace nyttig::audit
