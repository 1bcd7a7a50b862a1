// SearchService: the search module's use cases over one SearchIndex, as the
// routes, the `nyttig reindex` command and other modules use them.
//
// Other modules keep the index current from their own write transactions:
//   RETURN_IF_ERROR(search.index().Upsert(tx, ideas::ToSearchDocument(idea)));
// and register a SearchSource so that a reindex can rebuild it.
//
// Thread-safety: Search and Related may run on many threads; register
// sources before serving.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "accounts/actor.h"
#include "accounts/organisation_service.h"
#include "db/database.h"
#include "search/search_index.h"
#include "search/search_source.h"

namespace nyttig::search {

struct ReindexReport {
  std::map<std::string, std::int64_t> documents_by_kind;
  std::int64_t documents = 0;
};

// The Swedish dictionary (hunspell-sv), loaded once per process and shared
// by every index and analyzer. Fails with kFailedPrecondition naming the
// missing file and package.
StatusOr<std::shared_ptr<CompoundSplitter>> SharedSwedishSplitter();

class SearchService {
 public:
  SearchService(db::Database& db, accounts::OrganisationService& organisations,
                std::unique_ptr<SearchIndex> index)
      : db_(db), organisations_(organisations), index_(std::move(index)) {}
  SearchService(const SearchService&) = delete;
  SearchService& operator=(const SearchService&) = delete;

  // The index, for modules' write paths (Upsert/Remove in their transaction).
  SearchIndex& index() { return *index_; }

  void RegisterSource(std::unique_ptr<SearchSource> source);
  const std::vector<std::unique_ptr<SearchSource>>& sources() const { return sources_; }

  // What `actor` may find for `request`. `organisations` are ids or slugs
  // (from API parameters); slugs in the query text (org:…) are resolved too.
  // An unknown organisation matches nothing. Fails only on database errors.
  StatusOr<SearchResults> Search(const accounts::Actor& actor, SearchRequest request,
                                 const std::vector<std::string>& organisations = {});

  // Items related to (kind, id); kNotFound when it is not indexed or
  // `actor` may not see it.
  StatusOr<std::vector<SearchHit>> Related(const accounts::Actor& actor, const std::string& kind,
                                           std::int64_t id, int limit);

  // Empties the index and fills it again from every registered source, in
  // one transaction (readers see the old index until it commits).
  StatusOr<ReindexReport> Reindex();

 private:
  std::int64_t ResolveOrganisation(const std::string& id_or_slug);

  db::Database& db_;
  accounts::OrganisationService& organisations_;
  std::unique_ptr<SearchIndex> index_;
  std::vector<std::unique_ptr<SearchSource>> sources_;
};

}  // namespace nyttig::search
