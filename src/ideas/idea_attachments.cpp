// Attachments of ideas: size- and type-checked (the type sniffed from the
// bytes, never the browser's claim), stored by content address in the
// FileStore, listed and read only by those who may see the idea.
#include <algorithm>
#include <array>

#include "accounts/permissions.h"
#include "core/text.h"
#include "ideas/idea_permissions.h"
#include "ideas/idea_service.h"
#include "storage/content_type.h"

namespace nyttig::ideas {
namespace {

// Documents and pictures people attach to ideas. Never HTML or SVG (they can
// carry script), never archives (nobody can see inside before opening).
constexpr std::array<std::string_view, 12> kAllowedTypes = {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "text/plain",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation"};

// The last path segment only, without control characters: a name to show
// and to offer as the download's file name.
std::string CleanFileName(std::string_view name) {
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  for (char c : Trim(name)) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != 0x7f) out += c;
  }
  return out;
}

}  // namespace

bool IsAllowedAttachmentType(std::string_view type) {
  return std::find(kAllowedTypes.begin(), kAllowedTypes.end(), type) != kAllowedTypes.end();
}

StatusOr<Attachment> IdeaService::AddAttachment(const accounts::Actor& actor, IdeaId id,
                                                const std::string& file_name,
                                                std::string_view bytes) {
  std::string name = CleanFileName(file_name);
  if (name.empty() || !IsValidUtf8(name)) return InvalidParameterError("file", "ideas.attachment.name_required");
  if (Utf8Length(name) > kMaxFileNameChars) {
    return InvalidParameterError("file", "validation.too_long", "", {{"max", std::to_string(kMaxFileNameChars)}});
  }
  if (bytes.empty()) return InvalidParameterError("file", "ideas.attachment.empty", name);
  if (bytes.size() > options_.max_attachment_bytes) {
    return InvalidParameterError("file", "ideas.attachment.too_large", name,
                   {{"max_mb", std::to_string(options_.max_attachment_bytes >> 20)}});
  }
  const std::string type(storage::SniffContentType(bytes));
  if (!IsAllowedAttachmentType(type)) return InvalidParameterError("file", "ideas.attachment.type", name);
  ASSIGN_OR_RETURN(Idea idea, GetIdea(actor, id));
  if (!CanEditIdea(actor, idea)) return accounts::DenyAccess(actor, "ideas.edit.denied");
  // Content-addressed: bytes stored before the row are harmless if the row
  // never comes (the same bytes would land on the same name again).
  ASSIGN_OR_RETURN(storage::StoredFile stored, files_.Put(bytes));
  return db_.WriteValue<Attachment>([&](db::Tx& tx) -> StatusOr<Attachment> {
    ASSIGN_OR_RETURN(std::vector<Attachment> existing, IdeaStore::ListAttachments(tx, id));
    if (int(existing.size()) >= options_.max_attachments_per_idea) {
      return InvalidParameterError("file", "ideas.attachment.too_many", name,
                     {{"max", std::to_string(options_.max_attachments_per_idea)}});
    }
    Attachment a{.idea_id = id, .file_name = name, .content_type = type,
                 .size = std::int64_t(stored.size), .sha256 = stored.sha256,
                 .uploaded_by = actor.person_id, .created_at = clock_.Now()};
    ASSIGN_OR_RETURN(a.id, IdeaStore::InsertAttachment(tx, a));
    RETURN_IF_ERROR(audit_.Append(tx, accounts::MakeAuditEvent(
        actor, idea.organisation_id, "idea.attachment.add", "idea", std::to_string(id),
        {{"attachment_id", a.id}, {"content_type", type}, {"size", a.size}})).status());
    return a;
  });
}

StatusOr<std::vector<Attachment>> IdeaService::ListAttachments(const accounts::Actor& actor,
                                                               IdeaId id) {
  return db_.ReadValue<std::vector<Attachment>>(
      [&](db::Tx& tx) -> StatusOr<std::vector<Attachment>> {
        RETURN_IF_ERROR(FindVisibleIdea(tx, actor, id).status());
        return IdeaStore::ListAttachments(tx, id);
      });
}

StatusOr<std::pair<Attachment, std::string>> IdeaService::GetAttachment(
    const accounts::Actor& actor, IdeaId id, std::int64_t attachment_id) {
  ASSIGN_OR_RETURN(Attachment a, db_.ReadValue<Attachment>([&](db::Tx& tx) -> StatusOr<Attachment> {
    RETURN_IF_ERROR(FindVisibleIdea(tx, actor, id).status());
    ASSIGN_OR_RETURN(Attachment found, IdeaStore::FindAttachment(tx, attachment_id));
    if (found.idea_id != id) return NotFoundError("error.not_found");
    return found;
  }));
  ASSIGN_OR_RETURN(std::string bytes, files_.Get(a.sha256));
  return std::pair(std::move(a), std::move(bytes));
}

}  // namespace nyttig::ideas
