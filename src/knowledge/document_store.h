// SQL for the document library (knowledge_documents,
// knowledge_document_related). Called by DocumentService inside its
// transactions; no rules here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "knowledge/document.h"
#include "knowledge/related_index.h"

namespace nyttig::knowledge {

struct DocumentFilter {
  std::optional<std::int64_t> organisation_id;  // only this organisation's library
  bool shared_only = false;                     // only the shared library
  std::string kind;                             // "" = every kind
  std::optional<int> year;                      // decision year
  std::string query;                            // words in the title (case-insensitive)
  // Visibility: public documents, plus those of these organisations (the
  // reader's memberships); all of them when `all_visible`.
  std::vector<std::int64_t> member_of;
  bool all_visible = false;
};

class DocumentStore {
 public:
  static StatusOr<DocumentId> Insert(db::Tx& tx, const Document& d, std::optional<std::int64_t> by);
  static StatusOr<std::optional<DocumentId>> FindByHash(db::Tx& tx,
                                                         std::optional<std::int64_t> org,
                                                         const std::string& sha256);
  static StatusOr<Document> Get(db::Tx& tx, DocumentId id);  // kNotFound
  // Without transcripts (lists stay small).
  static StatusOr<std::vector<Document>> List(db::Tx& tx, const DocumentFilter& filter,
                                              int limit, std::int64_t offset);
  static StatusOr<std::int64_t> Count(db::Tx& tx, const DocumentFilter& filter);
  // Every document as input for the related computation.
  static StatusOr<std::vector<RelatedInput>> RelatedInputs(db::Tx& tx);
  static Status ReplaceRelated(db::Tx& tx, DocumentId id, const std::vector<ScoredDocument>& list);
  // The stored related list, with each related document's visibility.
  struct RelatedRow {
    RelatedDocument doc;
    std::optional<std::int64_t> organisation_id;
    bool is_public = true;
  };
  static StatusOr<std::vector<RelatedRow>> Related(db::Tx& tx, DocumentId id);
};

}  // namespace nyttig::knowledge
