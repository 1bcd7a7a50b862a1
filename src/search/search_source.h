// SearchSource: how a module makes its records findable after the fact.
// Write paths keep the index current (SearchIndex::Upsert in the module's
// own transaction); a source lets `nyttig reindex` rebuild the whole index
// from the rows, e.g. after changing the analyzer.
//
//   class IdeaSearchSource : public search::SearchSource {
//    public:
//     std::string kind() const override { return "idea"; }
//     Status VisitAll(db::Tx& tx, const Visitor& visit) override {
//       for (const Idea& idea : LoadAllIdeas(tx)) RETURN_IF_ERROR(visit(ToSearchDocument(idea)));
//       return Status::Ok();
//     }
//   };
//   app.search().RegisterSource(std::make_unique<IdeaSearchSource>());
//
// Thread-safety: VisitAll runs inside the reindex transaction, on one thread.
#pragma once

#include <functional>
#include <string>

#include "core/status.h"
#include "db/database.h"
#include "search/search_document.h"

namespace nyttig::search {

class SearchSource {
 public:
  using Visitor = std::function<Status(const SearchDocument&)>;
  virtual ~SearchSource() = default;

  // The kind of the documents this source yields ("idea", "case", …).
  virtual std::string kind() const = 0;

  // Calls `visit` once for every record that should be in the index (also
  // those with Audience::kNobody, which the index keeps out of results);
  // stops at and returns the first error.
  virtual Status VisitAll(db::Tx& tx, const Visitor& visit) = 0;
};

// A source from a function, for modules that need no class of their own:
//   RegisterSource(MakeSearchSource("case", [&](db::Tx& tx, const auto& visit) { … }));
std::unique_ptr<SearchSource> MakeSearchSource(
    std::string kind, std::function<Status(db::Tx&, const SearchSource::Visitor&)> visit_all);

}  // namespace nyttig::search
