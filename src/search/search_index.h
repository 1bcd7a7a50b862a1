// SearchIndex: one full-text index across every kind of record, kept in the
// same database as the records and updated in the caller's transaction, so
// that it never drifts from the rows it describes. It is the DocumentSink
// (search_document.h) the App hands to modules.
//
//   ASSIGN_OR_RETURN(auto index, SearchIndex::Create({}, splitter));
//   db.Write([&](db::Tx& tx) -> Status {
//     ...                                         // the module's own writes
//     return index->Upsert(tx, ToSearchDocument(idea));
//   });
//   ASSIGN_OR_RETURN(SearchResults r, db.ReadValue<SearchResults>([&](db::Tx& tx) {
//     return index->Search(tx, {.query = "skolmat -allergi"}, visibility);
//   }));
//
// Engines: SQLite matches with FTS5 through our tokenizer
// (sqlite_tokenizer.h), PostgreSQL with a tsvector of the same analyzer's
// terms ('simple', GIN index). Both then rank the same way: Okapi BM25 per
// column (title and body, words and n-grams; see term_vector.h) with
// Lucene's IDF, from term frequencies, lengths and document frequencies the
// index keeps itself (search_terms, search_columns), weighted and summed.
// The engine only proposes candidates (its own cheap ranking picks the best
// max_candidates of them); BM25 re-ranks those, so when a query matches no
// more than max_candidates documents both engines answer identically.
//
// Privacy: every query takes a Visibility (search_permissions.h); results,
// totals and facet counts only count documents it admits. "Did you mean"
// draws only on the words of public documents.
//
// Thread-safety: safe to share; each call creates its own analyzers.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/database.h"
#include "search/analyzer/compound_splitter.h"
#include "search/analyzer/named_analyzers.h"
#include "search/query.h"
#include "search/search_document.h"
#include "search/search_permissions.h"

namespace nyttig::search {

struct SearchIndexOptions {
  std::string analyzer;            // a named analyzer; empty = DefaultAnalyzerName()
  double title_weight = 2.0;       // multiplies the title columns' BM25
  double body_weight = 1.0;
  int max_candidates = 1000;       // documents re-ranked with BM25 per query
  int related_terms = 12;          // most distinctive terms that make a more-like-this query
};

struct SearchRequest {
  std::string query;
  // Filters from outside the query text (API parameters, the page's facet
  // links); merged with the query's own. Organisations already resolved to ids.
  std::vector<std::string> kinds;
  std::vector<std::int64_t> organisation_ids;
  std::map<std::string, std::vector<std::string>> facets;  // "area", "sdg"
  std::optional<int> year_from, year_to;
  // Rank every document with any of the words (evaluation); by default all
  // words must match, and any is the fallback when nothing has them all.
  bool match_any = false;
  int page = 1;    // from 1
  int limit = 20;  // items per page
};

struct SearchHit {
  std::string kind;
  std::int64_t id = 0;
  std::optional<std::int64_t> organisation_id;
  std::string title;
  std::string snippet_html;  // escaped text, matches in <mark>
  std::string url;
  UnixSeconds date = 0;
  double score = 0.0;
};

// Facet name ("kind", "organisation", "area", "sdg", "year") → value → count.
using FacetCounts = std::map<std::string, std::map<std::string, std::int64_t>>;

struct SearchResults {
  std::vector<SearchHit> items;
  std::int64_t total = 0;
  FacetCounts facets;
  bool matched_any = false;                // no document had every word; any word was enough
  std::optional<std::string> did_you_mean;  // a corrected query, when nothing was found
};

class SearchIndex : public DocumentSink {
 public:
  // Fails with kNotFound for an unknown analyzer name, kInvalidArgument when
  // it needs a splitter and none is given.
  static StatusOr<std::unique_ptr<SearchIndex>> Create(
      const SearchIndexOptions& options, std::shared_ptr<CompoundSplitter> splitter);
  ~SearchIndex() override;
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  // Adds or replaces the document (kind, id). Fails with kInvalidArgument
  // for an empty kind; database errors as db::Database.
  Status Upsert(db::Tx& tx, const SearchDocument& document) override;

  // Removes the document (kind, id); OK when it was not indexed.
  Status Remove(db::Tx& tx, const std::string& kind, std::int64_t id) override;

  // Removes every document (before a full reindex).
  Status Clear(db::Tx& tx);

  // The page of hits for `request` that `visibility` may see, best first.
  // Never fails on what a person typed; only database errors.
  StatusOr<SearchResults> Search(db::Tx& tx, const SearchRequest& request,
                                 const Visibility& visibility);

  // Documents most like (kind, id), best first, without it: an OR query of
  // its most distinctive terms. kNotFound when the document is not indexed
  // or `visibility` may not see it.
  StatusOr<std::vector<SearchHit>> Related(db::Tx& tx, const std::string& kind, std::int64_t id,
                                           int limit, const Visibility& visibility);

  const NamedAnalyzer& analyzer() const { return named_; }

 private:
  class Impl;
  explicit SearchIndex(std::unique_ptr<Impl> impl, NamedAnalyzer named);
  std::unique_ptr<Impl> impl_;
  NamedAnalyzer named_;
};

}  // namespace nyttig::search
