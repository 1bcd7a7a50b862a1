#include "audit/chain_verifier.h"

#include <fmt/format.h>

#include "audit/audit_store.h"
#include "audit/entry_hash.h"

namespace nyttig::audit {

std::string_view BreakKindName(BreakKind kind) {
  switch (kind) {
    case BreakKind::kAlteredEntry:
      return "altered_entry";
    case BreakKind::kBrokenLink:
      return "broken_link";
    case BreakKind::kMissingEntries:
      return "missing_entries";
    case BreakKind::kHeadMismatch:
      return "head_mismatch";
    case BreakKind::kPublishedHeadMissing:
      return "published_head_missing";
    case BreakKind::kPublishedHeadMismatch:
      return "published_head_mismatch";
  }
  return "unknown";
}

ChainChecker::ChainChecker(std::int64_t chain_id, const std::vector<ChainHead>& published)
    : chain_id_(chain_id), last_hash_(kGenesisHash) {
  for (const ChainHead& head : published) published_.emplace(head.seq, head.entry_hash);
}

void ChainChecker::Break(std::int64_t seq, std::optional<std::int64_t> entry_id, BreakKind kind,
                         std::string message) {
  if (break_) return;
  break_ = ChainBreak{.chain_id = chain_id_,
                      .seq = seq,
                      .entry_id = entry_id,
                      .kind = kind,
                      .message = std::move(message)};
}

bool ChainChecker::Add(const AuditEntry& entry) {
  if (break_) return false;
  ++entries_checked_;
  const std::int64_t expected = last_seq_ + 1;
  if (entry.seq != expected) {
    Break(expected, std::nullopt, BreakKind::kMissingEntries,
          fmt::format("chain {}: entry seq {} is missing (the next entry, id {}, has seq {})",
                      chain_id_, expected, entry.id, entry.seq));
    return false;
  }
  if (ComputeEntryHash(ChainedFieldsOf(entry)) != entry.entry_hash) {
    Break(entry.seq, entry.id, BreakKind::kAlteredEntry,
          fmt::format("chain {}: entry seq {} (id {}) was altered: its hash does not match its "
                      "content",
                      chain_id_, entry.seq, entry.id));
    return false;
  }
  if (entry.prev_hash != last_hash_) {
    Break(entry.seq, entry.id, BreakKind::kBrokenLink,
          fmt::format("chain {}: entry seq {} (id {}) does not link to the entry before it "
                      "(an entry was inserted, deleted or rewritten)",
                      chain_id_, entry.seq, entry.id));
    return false;
  }
  if (!CheckPublished(entry)) return false;
  last_seq_ = entry.seq;
  last_hash_ = entry.entry_hash;
  return true;
}

bool ChainChecker::CheckPublished(const AuditEntry& entry) {
  auto [first, last] = published_.equal_range(entry.seq);
  for (auto it = first; it != last; ++it) {
    if (it->second != entry.entry_hash) {
      Break(entry.seq, entry.id, BreakKind::kPublishedHeadMismatch,
            fmt::format("chain {}: entry seq {} (id {}) differs from the head published for it "
                        "(the chain was rewritten from here or earlier)",
                        chain_id_, entry.seq, entry.id));
      return false;
    }
  }
  return true;
}

void ChainChecker::CheckHead(const std::optional<ChainHead>& head) {
  const std::int64_t head_seq = head ? head->seq : 0;
  const std::string head_hash = head ? head->entry_hash : std::string(kGenesisHash);
  if (head_seq > last_seq_) {
    Break(last_seq_ + 1, std::nullopt, BreakKind::kMissingEntries,
          fmt::format("chain {}: the head names seq {} but the entries end at seq {} (the "
                      "newest entries were deleted)",
                      chain_id_, head_seq, last_seq_));
  } else if (head_seq != last_seq_ || head_hash != last_hash_) {
    Break(head_seq + 1, std::nullopt, BreakKind::kHeadMismatch,
          fmt::format("chain {}: the head (seq {}) disagrees with the entries (which end at "
                      "seq {})",
                      chain_id_, head_seq, last_seq_));
  }
}

std::optional<ChainBreak> ChainChecker::Finish(const std::optional<ChainHead>& head) {
  if (break_) return break_;
  if (!published_.empty() && published_.rbegin()->first > last_seq_) {
    Break(last_seq_ + 1, std::nullopt, BreakKind::kPublishedHeadMissing,
          fmt::format("chain {}: a head was published at seq {} but the entries end at seq {} "
                      "(the newest entries were deleted)",
                      chain_id_, published_.rbegin()->first, last_seq_));
  }
  CheckHead(head);
  return break_;
}

VerifyReport VerifyChains(db::Tx& tx) {
  VerifyReport report;
  for (std::int64_t chain_id : store::AllChainIds(tx)) {
    ChainChecker checker(chain_id, store::PublishedHeads(tx, chain_id));
    std::int64_t after_seq = 0;
    bool intact = true;
    while (intact) {
      std::vector<AuditEntry> batch =
          store::EntriesAfter(tx, chain_id, after_seq, store::kStreamBatch);
      for (const AuditEntry& entry : batch) {
        intact = checker.Add(entry);
        if (!intact) break;
        after_seq = entry.seq;
      }
      if (batch.size() < static_cast<std::size_t>(store::kStreamBatch)) break;
    }
    ++report.chains;
    report.entries += checker.entries_checked();
    if (auto broken = checker.Finish(store::Head(tx, chain_id))) report.breaks.push_back(*broken);
  }
  return report;
}

}  // namespace nyttig::audit
