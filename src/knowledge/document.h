// The document library's value types: a document's metadata, its transcript
// and what the related-documents computation needs. Plain structs; the
// service owns the rules.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace nyttig::knowledge {

using DocumentId = std::int64_t;

// The kinds of document the library knows (DESIGN.md, capability 6), by
// their stored names (ASCII forms of the Swedish words).
inline constexpr std::array<std::string_view, 8> kDocumentKinds = {
    "strategi", "policy", "program", "plan", "riktlinje", "rapport", "utvardering", "yttrande"};
bool IsDocumentKind(std::string_view kind);

// What a person (or an import) tells about a document.
struct DocumentMetadata {
  std::string title;                        // empty: taken from the text's first heading
  std::string kind = "rapport";
  std::optional<std::string> decision_date;  // YYYY-MM-DD
  std::string decision_body;
  std::string diary_number;
  std::string language = "sv";
};

struct Document {
  DocumentId id = 0;
  std::optional<std::int64_t> organisation_id;  // nullopt: the platform's shared library
  std::string organisation_name;                // "" for the shared library
  DocumentMetadata metadata;
  std::string source_name;
  std::string content_type;
  std::string file_sha256;
  std::int64_t file_size = 0;  // bytes
  int page_count = 0;          // PDF pages; 0 for other types
  std::string transcript;      // plain text, '#' lines are headings
  bool is_public = true;
  UnixSeconds created_at = 0;
};

// A line of the related-documents list.
struct RelatedDocument {
  DocumentId id = 0;
  std::string title;
  std::string kind;
  double score = 0;
};

}  // namespace nyttig::knowledge
