// SearchDocument: what a module hands the search index about one of its
// records. Every module that wants its records findable maps them to this
// shape (ideas::ToSearchDocument, knowledge::ToSearchDocument, …) and the
// search module indexes them in the module's own write transaction, so the
// index never drifts from the rows. One index holds every kind, so scores
// and facet counts compare across kinds.
//
// Header-only: a module includes it without linking search. Modules write
// through a DocumentSink they are given (the App passes the SearchIndex), so
// that they never depend on the index's engines or the analyzer.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"

namespace nyttig::search {

// Who may find a document. Checked at query time against the person asking,
// so that results and facet counts never reveal what they may not see.
enum class Audience {
  kPublic,        // anyone, also without logging in
  kOrganisation,  // members of organisation_id (any role)
  kCoordinators,  // coordinators and admins of organisation_id (e.g. anonymous ideas)
  kNobody,        // unpublished or culled: kept out of results, still reindexable
};

struct SearchDocument {
  std::string kind;  // "idea", "challenge", "dialogue", "pilot", "case", "document", …
  std::int64_t id = 0;
  std::optional<std::int64_t> organisation_id;  // nullopt = the platform's shared library
  Audience audience = Audience::kNobody;
  std::string title;
  std::string body;  // plain text (markdown already stripped of markup)
  std::string url;   // the page, e.g. "/ideas/42"
  // Facet values by facet name: "area" → {"skola"}, "sdg" → {"4", "10"},
  // "year" is derived from `date`; "kind" and "organisation" are implied.
  std::map<std::string, std::vector<std::string>> facets;
  UnixSeconds date = 0;  // created or published
};

// Where a module puts its documents, inside its own write transaction so that
// the index never drifts from the rows.
class DocumentSink {
 public:
  virtual ~DocumentSink() = default;
  // Adds or replaces the document (kind, id).
  virtual Status Upsert(db::Tx& tx, const SearchDocument& document) = 0;
  // Removes the document (kind, id); OK when it was not indexed.
  virtual Status Remove(db::Tx& tx, const std::string& kind, std::int64_t id) = 0;
};

}  // namespace nyttig::search
