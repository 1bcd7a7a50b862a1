// Internals of SearchIndex shared by its .cpp files (write path in
// search_index.cpp, read path in search_query.cpp). Not for other modules.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "search/analyzer/bm25_index.h"
#include "search/match_expression.h"
#include "search/search_index.h"
#include "search/term_vector.h"

namespace nyttig::search {

// A matched document before ranking.
struct Candidate {
  std::int64_t row_id = 0;  // search_documents.id
  std::string kind;
  std::int64_t item_id = 0;
  std::string terms;        // serialised TermVector
  double score = 0.0;
};

// Where a query looks: the SQL condition on search_documents d (match,
// visibility, filters), built once and reused for counting, candidates and facets.
struct QueryScope {
  std::string match;      // rendered for the engine; empty = no text condition
  std::string condition;  // "d.… AND …"
};

class SearchIndex::Impl {
 public:
  Impl(SearchIndexOptions options, NamedAnalyzer named,
       std::shared_ptr<CompoundSplitter> splitter)
      : options_(std::move(options)), named_(std::move(named)), splitter_(std::move(splitter)) {}

  // Write path (search_index.cpp).
  Status Upsert(db::Tx& tx, const SearchDocument& document);
  Status Remove(db::Tx& tx, const std::string& kind, std::int64_t id);
  Status Clear(db::Tx& tx);

  // Read path (search_query.cpp).
  StatusOr<SearchResults> Search(db::Tx& tx, const SearchRequest& request,
                                 const Visibility& visibility);
  StatusOr<std::vector<SearchHit>> Related(db::Tx& tx, const std::string& kind, std::int64_t id,
                                           int limit, const Visibility& visibility);

  // SQLite: registers the tokenizer; with `create`, also creates search_fts.
  // Returns false when search_fts does not exist (nothing indexed yet).
  StatusOr<bool> PrepareEngine(db::Tx& tx, bool create);

  StatusOr<std::vector<std::unique_ptr<Analyzer>>> Analyzers() const {
    return CreateFieldAnalyzers(named_, splitter_);
  }

  const SearchIndexOptions& options() const { return options_; }
  const NamedAnalyzer& named() const { return named_; }

 private:
  // search_query.cpp
  StatusOr<std::int64_t> Count(db::Tx& tx, const QueryScope& scope);
  StatusOr<std::vector<Candidate>> LoadCandidates(db::Tx& tx, const QueryScope& scope);
  Status Score(db::Tx& tx, const std::vector<std::vector<std::string>>& query_terms,
               std::vector<Candidate>& candidates);
  StatusOr<FacetCounts> CountFacets(db::Tx& tx, const QueryScope& scope);
  StatusOr<std::vector<SearchHit>> LoadHits(db::Tx& tx, const std::vector<Candidate>& page,
                                            const std::vector<std::string>& highlight,
                                            Analyzer& words);
  std::string MatchCondition(db::Dialect dialect, const std::string& match) const;
  // The source document's most distinctive words-field terms (tf·idf).
  StatusOr<std::vector<std::string>> DistinctiveTerms(db::Tx& tx, const Candidate& source);

  SearchIndexOptions options_;
  NamedAnalyzer named_;
  std::shared_ptr<CompoundSplitter> splitter_;
  Bm25Params bm25_;
};

// The expression as the engine behind `dialect` reads it (FTS5 or tsquery).
std::string RenderMatch(db::Dialect dialect, const MatchExpression& expression, MatchMode mode);

// The SQL condition admitting what `visibility` may see (on alias d).
std::string VisibilityCondition(const Visibility& visibility);

// Snippet (snippet.cpp): up to kSnippetWords words of `body` around the
// first match, HTML-escaped, matched words in <mark>.
std::string MakeSnippet(const std::string& body, const std::vector<std::string>& highlight,
                        Analyzer& words);

// "Did you mean" (spelling.cpp): the query with each word the public
// vocabulary lacks replaced by its closest known word; nullopt when nothing
// was replaced.
StatusOr<std::optional<std::string>> SuggestQuery(db::Tx& tx, const ParsedQuery& query);

}  // namespace nyttig::search
