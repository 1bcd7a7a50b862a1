// DialogueService's part in search: the document of a dialogue upserted in
// the writes' transactions and refreshed by a job when it opens or closes
// (the rule is in dialogue_service.h, SetSearchSink).
#include "dialogue/dialogue_service.h"
#include "dialogue/dialogue_store.h"
#include "dialogue/search_mapping.h"

namespace nyttig::dialogue {
namespace {

constexpr int kVisitBatch = 200;  // dialogues read at a time by a reindex

}  // namespace

Status DialogueService::QueueSearchRefresh(db::Tx& tx, const Dialogue& d, UnixSeconds now) const {
  std::optional<UnixSeconds> at = NextSearchChange(d, now);
  if (!at) return Status::Ok();
  // Keyed by the moment too: a later or earlier opening gets a job of its own
  // instead of being swallowed by the pending one.
  jobs::EnqueueOptions options{.dedupe_key = std::string(kSearchRefreshJobKind) + ":" +
                                             std::to_string(d.id) + ":" + std::to_string(*at),
                               .run_after = *at};
  return jobs_.Enqueue(tx, kSearchRefreshJobKind, {{"dialogue_id", d.id}}, options).status();
}

Status DialogueService::IndexDialogue(db::Tx& tx, DialogueId id) const {
  if (search_sink_ == nullptr) return Status::Ok();
  ASSIGN_OR_RETURN(Dialogue d, DialogueStore::Find(tx, id));
  return IndexDialogue(tx, d);
}

Status DialogueService::IndexDialogue(db::Tx& tx, const Dialogue& d) const {
  if (search_sink_ == nullptr) return Status::Ok();
  const UnixSeconds now = clock_.Now();
  ASSIGN_OR_RETURN(search::SearchDocument document, LoadSearchDocument(tx, d, now));
  RETURN_IF_ERROR(search_sink_->Upsert(tx, document));
  return QueueSearchRefresh(tx, d, now);
}

Status DialogueService::RefreshSearchDocument(DialogueId id) const {
  return db_.Write([&](db::Tx& tx) { return IndexDialogue(tx, id); });
}

Status DialogueService::VisitSearchDocuments(db::Tx& tx, const SearchVisitor& visit) const {
  const UnixSeconds now = clock_.Now();
  for (std::int64_t offset = 0;; offset += kVisitBatch) {
    ASSIGN_OR_RETURN(auto batch, DialogueStore::List(tx, {.offset = offset, .limit = kVisitBatch}));
    for (const Dialogue& d : batch.first) {
      ASSIGN_OR_RETURN(search::SearchDocument document, LoadSearchDocument(tx, d, now));
      RETURN_IF_ERROR(visit(document));
      RETURN_IF_ERROR(QueueSearchRefresh(tx, d, now));
    }
    if (batch.first.size() < static_cast<size_t>(kVisitBatch)) return Status::Ok();
  }
}

}  // namespace nyttig::dialogue
