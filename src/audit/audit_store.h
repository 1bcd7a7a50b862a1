// The audit module's SQL, used by AuditLog and the chain verifier only; other
// modules go through audit_log.h. Every function runs inside the caller's
// transaction and lets SOCI exceptions through to Database::Write/Read, which
// turn them into a Status.
//
// Thread-safety: stateless functions; a Tx belongs to one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_entry.h"
#include "db/database.h"

namespace nyttig::audit::store {

// Rows fetched per query when streaming a whole chain.
inline constexpr int kStreamBatch = 500;  // entries

// Makes sure `chain_id` has a head row and locks it for this transaction
// (PostgreSQL: FOR UPDATE; SQLite's BEGIN IMMEDIATE already excludes other
// writers). Returns the head before the append (seq 0 for a new chain).
ChainHead LockHead(db::Tx& tx, std::int64_t chain_id);

void UpdateHead(db::Tx& tx, const ChainHead& head);

// The pseudonym of `person_id`, created (random) on first use.
std::string PseudonymFor(db::Tx& tx, std::int64_t person_id, UnixSeconds now);

// Inserts the chained part of `entry` (id is ignored); returns the new id.
std::int64_t InsertEntry(db::Tx& tx, const AuditEntry& entry);

void InsertPersonal(db::Tx& tx, std::int64_t entry_id, const std::string& client_address,
                    const std::string& user_agent, UnixSeconds erase_after);

// Up to `limit` entries of a chain with seq > after_seq, oldest first.
std::vector<AuditEntry> EntriesAfter(db::Tx& tx, std::int64_t chain_id, std::int64_t after_seq,
                                     int limit);

// Entries of a chain newest first, skipping `offset`.
std::vector<AuditEntry> EntriesNewestFirst(db::Tx& tx, std::int64_t chain_id, std::int64_t offset,
                                           int limit);

std::int64_t CountEntries(db::Tx& tx, std::int64_t chain_id);

// Every chain id that appears in entries, heads or published heads.
std::vector<std::int64_t> AllChainIds(db::Tx& tx);

// audit_heads, by chain id; chains that have no entry yet are left out.
std::vector<ChainHead> Heads(db::Tx& tx);
std::optional<ChainHead> Head(db::Tx& tx, std::int64_t chain_id);

// Published heads of one chain, by seq.
std::vector<ChainHead> PublishedHeads(db::Tx& tx, std::int64_t chain_id);
std::optional<ChainHead> LatestPublishedHead(db::Tx& tx, std::int64_t chain_id);
void InsertPublishedHead(db::Tx& tx, const ChainHead& head, UnixSeconds now);

// Deletes personal rows with erase_after <= now; returns how many.
int DeleteExpiredPersonal(db::Tx& tx, UnixSeconds now);

// Deletes the personal rows of `person_id`'s entries and unlinks the pseudonym.
void ErasePerson(db::Tx& tx, std::int64_t person_id);

}  // namespace nyttig::audit::store
