// Verification of audit chains (the rules are in entry_hash.h). ChainChecker
// is pure: it is fed one chain's entries in seq order and finds the first
// place where they stop checking out; VerifyChains runs it over every chain
// of a database in one transaction.
//
// Thread-safety: a ChainChecker belongs to one thread.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_entry.h"
#include "db/database.h"

namespace nyttig::audit {

class ChainChecker {
 public:
  // `published`: the heads published for this chain, in any order.
  ChainChecker(std::int64_t chain_id, const std::vector<ChainHead>& published);

  // Checks the next entry (by seq). Returns false once the chain is broken;
  // further entries are then ignored.
  bool Add(const AuditEntry& entry);

  // Call after the last entry: checks the chain's end against `head` (the
  // audit_heads row, if any) and the published heads. Returns the first
  // break found, by Add or here; nullopt for an intact chain.
  std::optional<ChainBreak> Finish(const std::optional<ChainHead>& head);

  std::int64_t entries_checked() const { return entries_checked_; }

 private:
  void Break(std::int64_t seq, std::optional<std::int64_t> entry_id, BreakKind kind,
             std::string message);
  bool CheckPublished(const AuditEntry& entry);
  void CheckHead(const std::optional<ChainHead>& head);

  std::int64_t chain_id_;
  std::multimap<std::int64_t, std::string> published_;  // seq → published hash
  std::int64_t last_seq_ = 0;
  std::string last_hash_;
  std::int64_t entries_checked_ = 0;
  std::optional<ChainBreak> break_;
};

// Verifies every chain in the database, streaming entries in batches.
// Database errors propagate as exceptions; call inside Database::Read.
VerifyReport VerifyChains(db::Tx& tx);

}  // namespace nyttig::audit
