#include "knowledge/document_service.h"

#include <fstream>

#include "core/text.h"
#include "core/time_format.h"
#include "accounts/permissions.h"
#include "knowledge/permissions.h"
#include "knowledge/search_mapping.h"
#include "storage/sha256.h"

namespace nyttig::knowledge {
namespace {

constexpr size_t kHashChunk = 1 << 16;  // bytes read at a time when hashing a file

StatusOr<std::pair<std::string, std::int64_t>> HashFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot read " + path.string());
  storage::Sha256Hasher hasher;
  std::string chunk(kHashChunk, '\0');
  std::int64_t size = 0;
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    hasher.Update(std::string_view(chunk.data(), static_cast<size_t>(got)));
    size += got;
  }
  return std::pair(hasher.FinishHex(), size);
}

void CheckLength(Status& status, const char* name, const std::string& value, size_t max) {
  if (Utf8Length(value) > max) {
    status.AddInvalid(name, "knowledge.field.too_long", value, {{"max", std::to_string(max)}});
  }
}

std::string TitleFor(const ImportRequest& request, const Extracted& extracted) {
  if (!request.metadata.title.empty()) return request.metadata.title;
  std::string title(Trim(extracted.title));
  if (title.empty()) title = request.path.stem().string();
  // Keep whole characters when cutting a long heading.
  while (Utf8Length(title) > kMaxTitleChars) {
    title.pop_back();
    while (!title.empty() && (static_cast<unsigned char>(title.back()) & 0xC0) == 0x80) {
      title.pop_back();
    }
  }
  return title;
}

}  // namespace

DocumentService::DocumentService(db::Database& db, storage::FileStore& files,
                                 const audit::AuditLog& audit, const Clock& clock)
    : db_(db), files_(files), audit_(audit), clock_(clock) {}

Status DocumentService::Validate(const DocumentMetadata& m) {
  Status status = InvalidArgumentError("invalid document metadata");
  CheckLength(status, "title", m.title, kMaxTitleChars);
  if (!IsDocumentKind(m.kind)) status.AddInvalid("kind", "knowledge.document.kind.invalid", m.kind);
  if (m.decision_date && (m.decision_date->size() != 10 || !ParseRfc3339(*m.decision_date))) {
    status.AddInvalid("decision_date", "knowledge.date.invalid", *m.decision_date);
  }
  CheckLength(status, "decision_body", m.decision_body, kMaxShortTextChars);
  CheckLength(status, "diary_number", m.diary_number, kMaxShortTextChars);
  if (m.language.size() != 2 || AsciiLower(m.language) != m.language) {
    status.AddInvalid("language", "knowledge.document.language.invalid", m.language);
  }
  return status.invalid_parameters().empty() ? Status::Ok() : status;
}

StatusOr<ImportOutcome> DocumentService::Add(
    const accounts::Actor& actor, const ImportRequest& request, const std::string& sha256,
    std::int64_t size, const std::function<StatusOr<storage::StoredFile>()>& store,
    const std::function<StatusOr<Extracted>()>& extract) {
  if (!CanAddDocument(actor, request.organisation_id)) {
    return accounts::DenyAccess(actor, "knowledge.document.add.denied");
  }
  RETURN_IF_ERROR(Validate(request.metadata));
  ASSIGN_OR_RETURN(std::optional<DocumentId> existing,
                   db_.ReadValue<std::optional<DocumentId>>([&](db::Tx& tx) {
                     return DocumentStore::FindByHash(tx, request.organisation_id, sha256);
                   }));
  if (existing) return ImportOutcome{*existing, true};
  ASSIGN_OR_RETURN(Extracted extracted, extract());
  RETURN_IF_ERROR(store().status());
  Document d{.organisation_id = request.organisation_id,
             .metadata = request.metadata,
             .source_name = request.source_name,
             .content_type = extracted.content_type,
             .file_sha256 = sha256,
             .file_size = size,
             .page_count = extracted.page_count,
             .transcript = std::move(extracted.transcript),
             .is_public = request.is_public,
             .created_at = clock_.Now()};
  d.metadata.title = TitleFor(request, extracted);
  return db_.WriteValue<ImportOutcome>([&](db::Tx& tx) -> StatusOr<ImportOutcome> {
    ASSIGN_OR_RETURN(DocumentId id, DocumentStore::Insert(tx, d, actor.person_id));
    audit::AuditEvent event = accounts::MakeAuditEvent(
        actor, request.organisation_id, "document.add", "document", std::to_string(id),
        {{"title", d.metadata.title}, {"sha256", sha256}, {"content_type", d.content_type}});
    if (!actor.authenticated()) event.actor_role = "system";  // the import command
    RETURN_IF_ERROR(audit_.Append(tx, event).status());
    d.id = id;
    RETURN_IF_ERROR(Index(tx, d));
    return ImportOutcome{id, false};
  });
}

StatusOr<ImportOutcome> DocumentService::ImportFile(const accounts::Actor& actor,
                                                    const ImportRequest& request) {
  ASSIGN_OR_RETURN(auto hashed, HashFile(request.path));
  return Add(
      actor, request, hashed.first, hashed.second,
      [&] { return files_.PutFile(request.path); }, [&] { return ExtractFile(request.path); });
}

StatusOr<ImportOutcome> DocumentService::Upload(const accounts::Actor& actor,
                                                std::string_view bytes, ImportRequest request) {
  return Add(
      actor, request, storage::Sha256Hex(bytes), static_cast<std::int64_t>(bytes.size()),
      [&] { return files_.Put(bytes); }, [&] { return ExtractBytes(bytes); });
}

// The document as it was just inserted (DocumentStore::Insert stores it as
// given), so that a reindex maps exactly the same document without reading
// the transcript back.
Status DocumentService::Index(db::Tx& tx, const Document& d) {
  if (search_sink_ == nullptr) return Status::Ok();
  return search_sink_->Upsert(tx, ToSearchDocument(d));
}

bool DocumentService::Visible(const accounts::Actor& actor, const Document& d) {
  return CanViewDocument(actor, d.organisation_id, d.is_public);
}

StatusOr<Document> DocumentService::Get(const accounts::Actor& actor, DocumentId id) {
  ASSIGN_OR_RETURN(Document d, db_.ReadValue<Document>(
                                   [&](db::Tx& tx) { return DocumentStore::Get(tx, id); }));
  // Another organisation's internal document answers as if it did not exist.
  if (!Visible(actor, d)) return NotFoundError("no document with id " + std::to_string(id));
  return d;
}

StatusOr<accounts::Paged<Document>> DocumentService::List(const accounts::Actor& actor,
                                                          DocumentFilter filter,
                                                          accounts::Page page) {
  filter.all_visible = actor.platform_admin;
  filter.member_of.clear();
  for (const accounts::Membership& m : actor.memberships) filter.member_of.push_back(m.organisation_id);
  return db_.ReadValue<accounts::Paged<Document>>(
      [&](db::Tx& tx) -> StatusOr<accounts::Paged<Document>> {
        accounts::Paged<Document> out;
        ASSIGN_OR_RETURN(out.total, DocumentStore::Count(tx, filter));
        ASSIGN_OR_RETURN(out.items, DocumentStore::List(tx, filter, page.limit,
                                                        std::int64_t(page.page - 1) * page.limit));
        return out;
      });
}

StatusOr<Original> DocumentService::GetOriginal(const accounts::Actor& actor, DocumentId id) {
  ASSIGN_OR_RETURN(Document d, Get(actor, id));
  ASSIGN_OR_RETURN(std::string bytes, files_.Get(d.file_sha256));
  return Original{std::move(bytes), d.content_type,
                  std::filesystem::path(d.source_name).filename().string()};
}

StatusOr<std::vector<RelatedDocument>> DocumentService::Related(const accounts::Actor& actor,
                                                                DocumentId id, size_t limit) {
  RETURN_IF_ERROR(Get(actor, id).status());
  ASSIGN_OR_RETURN(auto rows, db_.ReadValue<std::vector<DocumentStore::RelatedRow>>(
                                  [&](db::Tx& tx) { return DocumentStore::Related(tx, id); }));
  std::vector<RelatedDocument> out;
  for (const auto& row : rows) {
    if (out.size() >= limit) break;
    if (CanViewDocument(actor, row.organisation_id, row.is_public)) out.push_back(row.doc);
  }
  return out;
}

StatusOr<int> DocumentService::RecomputeRelated(const RelatedSource* source,
                                                const RelatedOptions& options) {
  ASSIGN_OR_RETURN(std::vector<RelatedInput> inputs,
                   db_.ReadValue<std::vector<RelatedInput>>(
                       [&](db::Tx& tx) { return DocumentStore::RelatedInputs(tx); }));
  std::unique_ptr<RelatedIndex> own;
  if (!source) {
    ASSIGN_OR_RETURN(own, RelatedIndex::Build(inputs, options, nullptr));
    source = own.get();
  }
  // One transaction for the whole library: readers never see half of it.
  RETURN_IF_ERROR(db_.Write([&](db::Tx& tx) -> Status {
    for (const RelatedInput& in : inputs) {
      RETURN_IF_ERROR(DocumentStore::ReplaceRelated(tx, in.id, source->MostRelated(in.id, kRelatedStored)));
    }
    return Status::Ok();
  }));
  return static_cast<int>(inputs.size());
}

}  // namespace nyttig::knowledge
