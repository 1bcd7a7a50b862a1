// DocumentService: the document library's use cases — add a document from
// an upload or a file (sniff, extract, store the original, one transaction
// with its audit record), read and list what the reader may see, download
// the original, and the related-documents lists (computed for the whole
// library by RelatedIndex and stored, so a document page reads one list).
//
//   DocumentService docs(db, files, audit_log, clock);
//   ASSIGN_OR_RETURN(ImportOutcome o, docs.ImportFile(actor, {.path = p, .source_name = "a.pdf"}));
//   ASSIGN_OR_RETURN(int n, docs.RecomputeRelated());
//
// Thread-safety: safe to share; every call runs its own transactions.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.h"
#include "accounts/organisation_service.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "db/database.h"
#include "knowledge/document.h"
#include "knowledge/document_store.h"
#include "knowledge/related_index.h"
#include "knowledge/text_extraction.h"
#include "search/search_document.h"
#include "storage/file_store.h"

namespace nyttig::knowledge {

inline constexpr size_t kMaxTitleChars = 300;
inline constexpr size_t kMaxShortTextChars = 200;
inline constexpr size_t kRelatedStored = 20;  // per document; pages show the visible ten
inline constexpr size_t kRelatedShown = 10;

struct ImportRequest {
  std::filesystem::path path;     // the file to read
  std::string source_name;        // shown and kept, e.g. its path relative to the import folder
  std::optional<std::int64_t> organisation_id;  // nullopt: the shared library
  DocumentMetadata metadata;      // empty title: the text's first heading or the file name
  bool is_public = true;
};

struct ImportOutcome {
  DocumentId id = 0;
  bool already_there = false;  // the same bytes were in this library already
};

struct Original {
  std::string bytes;
  std::string content_type;
  std::string file_name;
};

class DocumentService {
 public:
  DocumentService(db::Database& db, storage::FileStore& files, const audit::AuditLog& audit,
                  const Clock& clock);
  DocumentService(const DocumentService&) = delete;
  DocumentService& operator=(const DocumentService&) = delete;

  // The search index (not owned; nullptr = none). Adding a document upserts
  // its document (knowledge::ToSearchDocument: public, or for its
  // organisation's members) in the same transaction. Call before serving.
  void SetSearchSink(search::DocumentSink* sink) { search_sink_ = sink; }

  // Adds the file at request.path. Skips (already_there) bytes this library
  // holds already. Fails with kPermissionDenied/kUnauthenticated when the
  // actor may not add to that library, kInvalidArgument with invalid
  // parameters for bad metadata, or with a text_extraction.h reason key.
  StatusOr<ImportOutcome> ImportFile(const accounts::Actor& actor, const ImportRequest& request);

  // The same for an upload held in memory.
  StatusOr<ImportOutcome> Upload(const accounts::Actor& actor, std::string_view bytes,
                                 ImportRequest request);

  // kNotFound when there is no such document or the actor may not see it.
  StatusOr<Document> Get(const accounts::Actor& actor, DocumentId id);
  StatusOr<accounts::Paged<Document>> List(const accounts::Actor& actor, DocumentFilter filter,
                                           accounts::Page page);
  StatusOr<Original> GetOriginal(const accounts::Actor& actor, DocumentId id);

  // Up to `limit` related documents the actor may see, most related first.
  StatusOr<std::vector<RelatedDocument>> Related(const accounts::Actor& actor, DocumentId id,
                                                 size_t limit = kRelatedShown);

  // Recomputes and stores every document's related list from `source`, or
  // from a RelatedIndex over the whole library when it is null. Returns how
  // many documents got a list.
  StatusOr<int> RecomputeRelated(const RelatedSource* source = nullptr,
                                 const RelatedOptions& options = {});

  // Checks metadata; kInvalidArgument listing every bad field.
  static Status Validate(const DocumentMetadata& metadata);

 private:
  StatusOr<ImportOutcome> Add(const accounts::Actor& actor, const ImportRequest& request,
                              const std::string& sha256, std::int64_t size,
                              const std::function<StatusOr<storage::StoredFile>()>& store,
                              const std::function<StatusOr<Extracted>()>& extract);
  // Hands the stored document to the search sink, if any.
  Status Index(db::Tx& tx, const Document& d);
  static bool Visible(const accounts::Actor& actor, const Document& d);

  db::Database& db_;
  storage::FileStore& files_;
  const audit::AuditLog& audit_;
  const Clock& clock_;
  search::DocumentSink* search_sink_ = nullptr;
};

}  // namespace nyttig::knowledge
