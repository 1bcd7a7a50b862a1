// The read path of SearchIndex: match, filter, count, rank, facet.
#include <soci/soci.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "db/row.h"
#include "search/index_impl.h"
#include "search/sql_text.h"

namespace nyttig::search {
namespace {

constexpr int kMaxRelatedLimit = 100;

void Append(std::string& condition, const std::string& clause) {
  condition += (condition.empty() ? "" : " AND ") + clause;
}

// Query filters merged with the request's own, as SQL on alias d.
std::string FilterCondition(const SearchRequest& request, const QueryFilters& parsed) {
  std::string condition;
  std::vector<std::string> kinds = request.kinds;
  kinds.insert(kinds.end(), parsed.kinds.begin(), parsed.kinds.end());
  if (!kinds.empty()) Append(condition, "d.kind IN " + SqlTextList(kinds));
  if (!request.organisation_ids.empty()) {
    Append(condition, "d.organisation_id IN " + SqlIntList(request.organisation_ids));
  }
  std::map<std::string, std::vector<std::string>> facets = request.facets;
  for (const auto& [name, values] : parsed.facets) {
    facets[name].insert(facets[name].end(), values.begin(), values.end());
  }
  for (const auto& [name, values] : facets) {
    if (values.empty()) continue;
    Append(condition, "EXISTS (SELECT 1 FROM search_facets f WHERE f.document_id = d.id AND f.name = " +
                          SqlQuote(name) + " AND f.value IN " + SqlTextList(values) + ")");
  }
  std::optional<int> from = parsed.year_from ? parsed.year_from : request.year_from;
  std::optional<int> to = parsed.year_to ? parsed.year_to : request.year_to;
  if (from) Append(condition, "d.year >= " + std::to_string(*from));
  if (to) Append(condition, "d.year <= " + std::to_string(*to));
  return condition;
}

// Okapi BM25 of one term in one column, the same function as the in-memory
// index (analyzer/bm25_index.h).
double Bm25Term(const Bm25Params& params, double documents, double average_length, double df,
                double tf, double length) {
  if (tf <= 0 || df <= 0 || documents <= 0) return 0.0;
  return Bm25TermWeight(params, Bm25Idf(documents, df), tf, length, average_length);
}

bool BetterCandidate(const Candidate& lhs, const Candidate& rhs) {
  if (lhs.score != rhs.score) return lhs.score > rhs.score;
  if (lhs.kind != rhs.kind) return lhs.kind < rhs.kind;
  return lhs.item_id < rhs.item_id;
}

// Every term of the positive query words per analyzer field (query mode), as
// the in-memory evaluation counts them: repeated terms count again.
std::vector<std::vector<std::string>> ScoringTerms(
    const ParsedQuery& query, std::vector<std::unique_ptr<Analyzer>>& analyzers) {
  std::vector<std::vector<std::string>> terms(analyzers.size());
  for (const QueryItem& item : query.items) {
    if (item.excluded) continue;
    for (const QueryTerm& term : item.alternatives) {
      for (size_t field_idx = 0; field_idx < analyzers.size(); ++field_idx) {
        for (Token& token : analyzers[field_idx]->Analyze(term.text, AnalyzeMode::kQuery)) {
          terms[field_idx].push_back(std::move(token.text));
        }
      }
    }
  }
  return terms;
}

std::map<std::string, std::int64_t> GroupCounts(db::Tx& tx, const std::string& sql) {
  std::map<std::string, std::int64_t> counts;
  soci::rowset<soci::row> rows = tx.sql().prepare << sql;
  for (const soci::row& row : rows) {
    if (row.get_indicator(0) == soci::i_null) continue;
    const std::string key = row.get_properties(0).get_data_type() == soci::dt_string
                                ? db::Text(row, 0) : std::to_string(db::Int(row, 0));
    counts[key] = db::Int(row, 1);
  }
  return counts;
}

}  // namespace

std::string RenderMatch(db::Dialect dialect, const MatchExpression& expression, MatchMode mode) {
  return dialect == db::Dialect::kSqlite ? RenderFts5(expression, mode)
                                         : RenderTsquery(expression, mode);
}

std::string VisibilityCondition(const Visibility& visibility) {
  return "(d.audience = 0 OR (d.audience = 1 AND d.organisation_id IN " +
         SqlIntList(visibility.member_of) + ") OR (d.audience = 2 AND d.organisation_id IN " +
         SqlIntList(visibility.coordinator_of) + "))";
}

std::string SearchIndex::Impl::MatchCondition(db::Dialect dialect, const std::string& match) const {
  if (dialect == db::Dialect::kSqlite) {
    return "d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH " + SqlQuote(match) + ")";
  }
  return "d.tsv @@ CAST(" + SqlQuote(match) + " AS tsquery)";
}

StatusOr<std::int64_t> SearchIndex::Impl::Count(db::Tx& tx, const QueryScope& scope) {
  long long count = 0;
  tx.sql() << "SELECT COUNT(*) FROM search_documents d WHERE " + scope.condition, soci::into(count);
  return static_cast<std::int64_t>(count);
}

StatusOr<std::vector<Candidate>> SearchIndex::Impl::LoadCandidates(db::Tx& tx,
                                                                    const QueryScope& scope) {
  std::string order = "d.published_at DESC, d.id DESC";
  std::string from = "search_documents d";
  std::string condition = scope.condition;
  if (!scope.match.empty() && tx.dialect() == db::Dialect::kSqlite) {
    // FTS5's own BM25 picks the candidates; ours re-ranks them.
    from = "search_fts JOIN search_documents d ON d.id = search_fts.rowid";
    order = "bm25(search_fts, " + std::to_string(options_.title_weight) + ", " +
            std::to_string(options_.body_weight) + ")";
  } else if (!scope.match.empty()) {
    order = "ts_rank(d.tsv, CAST(" + SqlQuote(scope.match) + " AS tsquery)) DESC";
  }
  soci::rowset<soci::row> rows = tx.sql().prepare
      << "SELECT d.id, d.kind, d.item_id, d.terms FROM " + from + " WHERE " + condition +
             " ORDER BY " + order + " LIMIT " + std::to_string(options_.max_candidates);
  std::vector<Candidate> candidates;
  for (const soci::row& row : rows) {
    candidates.push_back({db::Int(row, 0), db::Text(row, 1), db::Int(row, 2), db::Text(row, 3)});
  }
  return candidates;
}

Status SearchIndex::Impl::Score(db::Tx& tx,
                                const std::vector<std::vector<std::string>>& query_terms,
                                std::vector<Candidate>& candidates) {
  struct ColumnStats { double documents = 0, average = 0, weight = 0; size_t field = 0; };
  std::map<int, ColumnStats> columns;
  std::set<std::string> distinct;
  for (size_t field_idx = 0; field_idx < query_terms.size(); ++field_idx) {
    distinct.insert(query_terms[field_idx].begin(), query_terms[field_idx].end());
    for (TextField text : {TextField::kTitle, TextField::kBody}) {
      const double text_weight =
          text == TextField::kTitle ? options_.title_weight : options_.body_weight;
      columns[ColumnId(text, field_idx)] = {0, 0, text_weight * named_.fields[field_idx].weight,
                                            field_idx};
    }
  }
  if (distinct.empty() || candidates.empty()) return Status::Ok();
  std::vector<std::int64_t> column_ids;
  for (const auto& [column, stats] : columns) column_ids.push_back(column);
  soci::rowset<soci::row> stat_rows = tx.sql().prepare
      << "SELECT column_id, documents, total_length FROM search_columns WHERE column_id IN " +
             SqlIntList(column_ids);
  for (const soci::row& row : stat_rows) {
    ColumnStats& stats = columns[static_cast<int>(db::Int(row, 0))];
    stats.documents = static_cast<double>(db::Int(row, 1));
    stats.average = stats.documents > 0 ? db::Int(row, 2) / stats.documents : 0.0;
  }
  std::map<std::pair<int, std::string>, double> df;
  soci::rowset<soci::row> df_rows = tx.sql().prepare
      << "SELECT column_id, term, df FROM search_terms WHERE column_id IN " + SqlIntList(column_ids) +
             " AND term IN " + SqlTextList({distinct.begin(), distinct.end()});
  for (const soci::row& row : df_rows) {
    df[{static_cast<int>(db::Int(row, 0)), db::Text(row, 1)}] = static_cast<double>(db::Int(row, 2));
  }
  for (Candidate& candidate : candidates) {
    const TermVector vector = ParseTermVector(candidate.terms);
    double score = 0.0;
    for (const auto& [column, stats] : columns) {
      auto found = vector.find(column);
      if (found == vector.end()) continue;
      const ColumnTerms& terms = found->second;
      for (const std::string& term : query_terms[stats.field]) {
        auto tf = terms.frequencies.find(term);
        if (tf == terms.frequencies.end()) continue;
        score += stats.weight * Bm25Term(bm25_, stats.documents, stats.average, df[{column, term}],
                                         tf->second, static_cast<double>(terms.length));
      }
    }
    candidate.score = score;
  }
  return Status::Ok();
}

StatusOr<FacetCounts> SearchIndex::Impl::CountFacets(db::Tx& tx, const QueryScope& scope) {
  FacetCounts facets;
  const std::string where = " FROM search_documents d WHERE " + scope.condition;
  facets["kind"] = GroupCounts(tx, "SELECT d.kind, COUNT(*)" + where + " GROUP BY d.kind");
  facets["organisation"] =
      GroupCounts(tx, "SELECT d.organisation_id, COUNT(*)" + where + " GROUP BY d.organisation_id");
  facets["year"] = GroupCounts(tx, "SELECT d.year, COUNT(*)" + where + " GROUP BY d.year");
  facets["area"];
  facets["sdg"];
  soci::rowset<soci::row> rows = tx.sql().prepare
      << "SELECT f.name, f.value, COUNT(*) FROM search_facets f JOIN search_documents d "
         "ON d.id = f.document_id WHERE " + scope.condition + " GROUP BY f.name, f.value";
  for (const soci::row& row : rows) facets[db::Text(row, 0)][db::Text(row, 1)] = db::Int(row, 2);
  return facets;
}

StatusOr<std::vector<SearchHit>> SearchIndex::Impl::LoadHits(
    db::Tx& tx, const std::vector<Candidate>& page, const std::vector<std::string>& highlight,
    Analyzer& words) {
  std::vector<std::int64_t> ids;
  for (const Candidate& candidate : page) ids.push_back(candidate.row_id);
  std::unordered_map<std::int64_t, SearchHit> by_id;
  soci::rowset<soci::row> rows = tx.sql().prepare
      << "SELECT id, kind, item_id, organisation_id, title, body, url, published_at "
         "FROM search_documents WHERE id IN " + SqlIntList(ids);
  for (const soci::row& row : rows) {
    SearchHit hit{db::Text(row, 1), db::Int(row, 2), db::OptInt(row, 3), db::Text(row, 4),
                  highlight.empty() ? "" : MakeSnippet(db::Text(row, 5), highlight, words),
                  db::Text(row, 6), db::Int(row, 7), 0.0};
    by_id.emplace(db::Int(row, 0), std::move(hit));
  }
  std::vector<SearchHit> hits;
  for (const Candidate& candidate : page) {
    auto found = by_id.find(candidate.row_id);
    if (found == by_id.end()) continue;
    found->second.score = candidate.score;
    hits.push_back(std::move(found->second));
  }
  return hits;
}

StatusOr<std::vector<std::string>> SearchIndex::Impl::DistinctiveTerms(db::Tx& tx,
                                                                       const Candidate& source) {
  const TermVector vector = ParseTermVector(source.terms);
  std::map<std::string, double> weights;  // term → field-weighted frequency
  for (TextField text : {TextField::kTitle, TextField::kBody}) {
    auto column = vector.find(ColumnId(text, 0));
    if (column == vector.end()) continue;
    const double weight = text == TextField::kTitle ? options_.title_weight : options_.body_weight;
    for (const auto& [term, tf] : column->second.frequencies) weights[term] += weight * tf;
  }
  if (weights.empty()) return std::vector<std::string>();
  long long documents = 0;
  tx.sql() << "SELECT COALESCE(MAX(documents), 0) FROM search_columns WHERE column_id = " +
                  std::to_string(ColumnId(TextField::kBody, 0)),
      soci::into(documents);
  std::vector<std::string> terms;
  for (const auto& [term, weight] : weights) terms.push_back(term);
  std::map<std::string, double> df;
  soci::rowset<soci::row> rows = tx.sql().prepare
      << "SELECT term, MAX(df) FROM search_terms WHERE column_id IN (" +
             std::to_string(ColumnId(TextField::kTitle, 0)) + "," +
             std::to_string(ColumnId(TextField::kBody, 0)) + ") AND term IN " + SqlTextList(terms) +
             " GROUP BY term";
  for (const soci::row& row : rows) df[db::Text(row, 0)] = static_cast<double>(db::Int(row, 1));
  // tf·idf: frequent here, rare elsewhere. A term only this document has
  // finds nothing else, so it is left out.
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [term, weight] : weights) {
    const double frequency = df[term];
    if (frequency < 2) continue;
    const double idf = Bm25Idf(documents, frequency);
    ranked.push_back({-weight * idf, term});
  }
  std::sort(ranked.begin(), ranked.end());
  terms.clear();
  for (size_t idx = 0; idx < ranked.size() && idx < static_cast<size_t>(options_.related_terms); ++idx) {
    terms.push_back(ranked[idx].second);
  }
  return terms;
}

StatusOr<SearchResults> SearchIndex::Impl::Search(db::Tx& tx, const SearchRequest& request,
                                                  const Visibility& visibility) {
  SearchResults results;
  ASSIGN_OR_RETURN(bool has_index, PrepareEngine(tx, false));
  const ParsedQuery parsed = ParseQuery(request.query);
  ASSIGN_OR_RETURN(std::vector<std::unique_ptr<Analyzer>> analyzers, Analyzers());
  const MatchExpression expression = BuildMatchExpression(parsed, *analyzers.front());
  const std::string filters = FilterCondition(request, parsed.filters);
  if (!has_index || (!expression.HasPositiveItem() && filters.empty())) return results;

  QueryScope scope;
  std::string base = VisibilityCondition(visibility);
  if (!filters.empty()) base += " AND " + filters;
  const std::vector<MatchMode> modes =
      request.match_any ? std::vector<MatchMode>{MatchMode::kAny}
                        : std::vector<MatchMode>{MatchMode::kAll, MatchMode::kAny};
  for (MatchMode mode : modes) {
    scope.match = RenderMatch(tx.dialect(), expression, mode);
    scope.condition = base;
    if (!scope.match.empty()) scope.condition += " AND " + MatchCondition(tx.dialect(), scope.match);
    ASSIGN_OR_RETURN(results.total, Count(tx, scope));
    if (results.total > 0 || expression.PositiveItemCount() < 2 || mode == MatchMode::kAny) break;
    results.matched_any = true;
  }
  if (results.total == 0) {
    results.matched_any = false;
    ASSIGN_OR_RETURN(results.facets, CountFacets(tx, scope));
    ASSIGN_OR_RETURN(results.did_you_mean, SuggestQuery(tx, parsed));
    return results;
  }
  ASSIGN_OR_RETURN(std::vector<Candidate> candidates, LoadCandidates(tx, scope));
  RETURN_IF_ERROR(Score(tx, ScoringTerms(parsed, analyzers), candidates));
  std::stable_sort(candidates.begin(), candidates.end(), BetterCandidate);
  const size_t offset = std::min(candidates.size(), static_cast<size_t>(request.page - 1) *
                                                        static_cast<size_t>(request.limit));
  const size_t end = std::min(candidates.size(), offset + static_cast<size_t>(request.limit));
  std::vector<Candidate> page(candidates.begin() + offset, candidates.begin() + end);
  ASSIGN_OR_RETURN(results.items, LoadHits(tx, page, HighlightTerms(expression), *analyzers.front()));
  ASSIGN_OR_RETURN(results.facets, CountFacets(tx, scope));
  return results;
}

StatusOr<std::vector<SearchHit>> SearchIndex::Impl::Related(db::Tx& tx, const std::string& kind,
                                                            std::int64_t id, int limit,
                                                            const Visibility& visibility) {
  ASSIGN_OR_RETURN(bool has_index, PrepareEngine(tx, false));
  const long long item_id = id;
  soci::rowset<soci::row> rows = tx.sql().prepare
      << "SELECT d.id, d.terms FROM search_documents d WHERE d.kind = " + SqlQuote(kind) +
             " AND d.item_id = " + std::to_string(item_id) + " AND " +
             VisibilityCondition(visibility);
  std::optional<Candidate> source;
  for (const soci::row& row : rows) source = Candidate{db::Int(row, 0), kind, id, db::Text(row, 1)};
  if (!source || !has_index) return NotFoundError("no such indexed item");
  ASSIGN_OR_RETURN(std::vector<std::string> terms, DistinctiveTerms(tx, *source));
  if (terms.empty()) return std::vector<SearchHit>();
  QueryScope scope;
  scope.match = RenderMatch(tx.dialect(), AnyOfTerms(terms), MatchMode::kAny);
  scope.condition = VisibilityCondition(visibility) + " AND d.id <> " +
                    std::to_string(source->row_id) + " AND " +
                    MatchCondition(tx.dialect(), scope.match);
  ASSIGN_OR_RETURN(std::vector<Candidate> candidates, LoadCandidates(tx, scope));
  std::vector<std::vector<std::string>> query_terms(named_.fields.size());
  query_terms.front() = terms;
  RETURN_IF_ERROR(Score(tx, query_terms, candidates));
  std::stable_sort(candidates.begin(), candidates.end(), BetterCandidate);
  candidates.resize(std::min(candidates.size(),
                             static_cast<size_t>(std::clamp(limit, 1, kMaxRelatedLimit))));
  ASSIGN_OR_RETURN(std::vector<std::unique_ptr<Analyzer>> analyzers, Analyzers());
  return LoadHits(tx, candidates, {}, *analyzers.front());
}

}  // namespace nyttig::search
