#include "search/search_index.h"

#include <soci/soci.h>

#include <algorithm>
#include <set>

#include "core/text.h"
#include "core/time_format.h"
#include "db/row.h"
#include "search/index_impl.h"
#include "search/sqlite_tokenizer.h"

namespace nyttig::search {
namespace {

constexpr int kMaxTsPosition = 16383;       // PostgreSQL caps lexeme positions here
constexpr size_t kMaxTsPositionsPerTerm = 255;  // and keeps at most this many per lexeme
constexpr int kTitleBodyGap = 100;          // positions between title and body: no phrase spans both

int AudienceCode(Audience audience) { return static_cast<int>(audience); }

int YearOf(UnixSeconds date) {
  return std::stoi(FormatRfc3339(date).substr(0, 4));
}

// The document's terms per column, counted; the vocabulary column only for
// public documents, so that "did you mean" never reveals a private word.
TermVector AnalyseDocument(const SearchDocument& document,
                           std::vector<std::unique_ptr<Analyzer>>& analyzers) {
  TermVector vector;
  for (TextField text : {TextField::kTitle, TextField::kBody}) {
    const std::string& source = text == TextField::kTitle ? document.title : document.body;
    for (size_t field_idx = 0; field_idx < analyzers.size(); ++field_idx) {
      ColumnTerms& column = vector[ColumnId(text, field_idx)];
      for (const Token& token : analyzers[field_idx]->Analyze(source, AnalyzeMode::kDocument)) {
        ++column.frequencies[token.text];
        ++column.length;
      }
    }
    if (document.audience != Audience::kPublic) continue;
    ColumnTerms& vocabulary = vector[kVocabularyColumn];
    for (const RawToken& word : TokenizeWords(source)) {
      if (word.is_number) continue;
      ++vocabulary.frequencies[word.text];
      ++vocabulary.length;
    }
  }
  return vector;
}

// The words field's terms as a tsvector literal: title positions weighted A,
// body positions D, compound parts at their word's position.
std::string TsvectorLiteral(const SearchDocument& document, Analyzer& words) {
  std::map<std::string, std::set<std::string>> positions;
  int position = 0;
  for (TextField text : {TextField::kTitle, TextField::kBody}) {
    const bool title = text == TextField::kTitle;
    if (!title) position += kTitleBodyGap;
    for (const Token& token : words.Analyze(title ? document.title : document.body,
                                            AnalyzeMode::kDocument)) {
      if (!token.colocated) ++position;
      std::set<std::string>& at = positions[token.text];
      if (at.size() < kMaxTsPositionsPerTerm) {
        at.insert(std::to_string(std::min(position, kMaxTsPosition)) + (title ? "A" : ""));
      }
    }
  }
  std::string out;
  for (const auto& [term, at] : positions) {
    std::string quoted = "'";
    for (char c : term) quoted += c == '\'' ? std::string("''") : c == '\\' ? "\\\\" : std::string(1, c);
    out += (out.empty() ? "" : " ") + quoted + "':";
    bool first = true;
    for (const std::string& p : at) {
      out += (first ? "" : ",") + p;
      first = false;
    }
  }
  return out;
}

struct StoredDocument {
  std::int64_t row_id = 0;
  TermVector terms;
};

StatusOr<std::optional<StoredDocument>> LoadStored(db::Tx& tx, const std::string& kind,
                                                   std::int64_t id) {
  long long row_id = 0;
  const long long item_id = id;
  std::string terms;
  soci::indicator found = soci::i_null;
  tx.sql() << "SELECT id, terms FROM search_documents WHERE kind = :k AND item_id = :i",
      soci::use(kind), soci::use(item_id), soci::into(row_id, found), soci::into(terms);
  if (!tx.sql().got_data()) return std::optional<StoredDocument>();
  return std::optional<StoredDocument>(StoredDocument{row_id, ParseTermVector(terms)});
}

// Keeps search_terms (document frequencies) and search_columns (document
// counts and total lengths) in step with a document going from `before` to
// `after`. Terms are changed in sorted order so that concurrent writers on
// PostgreSQL take row locks in the same order.
Status ApplyStatistics(db::Tx& tx, const TermVector& before, const TermVector& after) {
  std::vector<int> added_columns, removed_columns;
  std::vector<std::string> added_terms, removed_terms;
  std::set<int> columns;
  for (const auto& [column, terms] : before) columns.insert(column);
  for (const auto& [column, terms] : after) columns.insert(column);
  static const ColumnTerms kEmpty;
  for (int column : columns) {
    auto old_it = before.find(column), new_it = after.find(column);
    const ColumnTerms& old_terms = old_it == before.end() ? kEmpty : old_it->second;
    const ColumnTerms& new_terms = new_it == after.end() ? kEmpty : new_it->second;
    for (const auto& [term, tf] : new_terms.frequencies) {
      if (!old_terms.frequencies.count(term)) added_columns.push_back(column), added_terms.push_back(term);
    }
    for (const auto& [term, tf] : old_terms.frequencies) {
      if (!new_terms.frequencies.count(term)) removed_columns.push_back(column), removed_terms.push_back(term);
    }
    long long documents = (new_it != after.end()) - (old_it != before.end());
    long long length = new_terms.length - old_terms.length;
    if (documents == 0 && length == 0) continue;
    tx.sql() << "INSERT INTO search_columns(column_id, documents, total_length) VALUES (:c, :d, :l) "
                "ON CONFLICT (column_id) DO UPDATE SET "
                "documents = search_columns.documents + excluded.documents, "
                "total_length = search_columns.total_length + excluded.total_length",
        soci::use(column), soci::use(documents), soci::use(length);
  }
  if (!added_terms.empty()) {
    tx.sql() << "INSERT INTO search_terms(column_id, term, df) VALUES (:c, :t, 1) "
                "ON CONFLICT (column_id, term) DO UPDATE SET df = search_terms.df + 1",
        soci::use(added_columns), soci::use(added_terms);
  }
  if (!removed_terms.empty()) {
    tx.sql() << "UPDATE search_terms SET df = df - 1 WHERE column_id = :c AND term = :t",
        soci::use(removed_columns), soci::use(removed_terms);
    tx.sql() << "DELETE FROM search_terms WHERE column_id = :c AND term = :t AND df <= 0",
        soci::use(removed_columns), soci::use(removed_terms);
  }
  return Status::Ok();
}

Status WriteFacets(db::Tx& tx, std::int64_t row_id, const SearchDocument& document) {
  tx.sql() << "DELETE FROM search_facets WHERE document_id = :d", soci::use(row_id);
  std::vector<long long> ids;
  std::vector<std::string> names, values;
  for (const auto& [name, list] : document.facets) {
    std::set<std::string> distinct(list.begin(), list.end());
    for (const std::string& value : distinct) {
      ids.push_back(row_id);
      names.push_back(name);
      values.push_back(value);
    }
  }
  if (ids.empty()) return Status::Ok();
  tx.sql() << "INSERT INTO search_facets(document_id, name, value) VALUES (:d, :n, :v)",
      soci::use(ids), soci::use(names), soci::use(values);
  return Status::Ok();
}

}  // namespace

StatusOr<bool> SearchIndex::Impl::PrepareEngine(db::Tx& tx, bool create) {
  if (tx.dialect() != db::Dialect::kSqlite) return true;
  RETURN_IF_ERROR(EnsureFts5Tokenizer(tx, splitter_));
  int exists = 0;
  tx.sql() << "SELECT COUNT(*) FROM sqlite_master WHERE name = 'search_fts'", soci::into(exists);
  if (exists > 0 || !create) return exists > 0;
  // Created on first use rather than in the migration, so that migrating
  // never needs the tokenizer (see sqlite_tokenizer.h).
  // The analyzer's name comes from NamedAnalyzers(), never from input.
  tx.sql() << "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = \"" +
                  std::string(kFts5TokenizerName) + " '" + named_.name + "'\")";
  return true;
}

Status SearchIndex::Impl::Upsert(db::Tx& tx, const SearchDocument& document) {
  if (document.kind.empty()) return InvalidArgumentError("search document without a kind");
  ASSIGN_OR_RETURN(bool ready, PrepareEngine(tx, true));
  (void)ready;
  ASSIGN_OR_RETURN(std::vector<std::unique_ptr<Analyzer>> analyzers, Analyzers());
  TermVector after = AnalyseDocument(document, analyzers);
  ASSIGN_OR_RETURN(std::optional<StoredDocument> stored, LoadStored(tx, document.kind, document.id));
  RETURN_IF_ERROR(ApplyStatistics(tx, stored ? stored->terms : TermVector{}, after));

  const std::string terms = SerializeTermVector(after);
  const std::string tsv = tx.dialect() == db::Dialect::kPostgres
                              ? TsvectorLiteral(document, *analyzers.front()) : "";
  db::NullableInt organisation(document.organisation_id);
  const int audience = AudienceCode(document.audience);
  const long long date = document.date;
  const int year = YearOf(document.date);
  const long long item_id = document.id;
  const std::string vector_sql = tx.dialect() == db::Dialect::kPostgres ? "CAST(:tsv AS tsvector)" : ":tsv";
  long long row_id = 0;
  if (stored) {
    row_id = stored->row_id;
    tx.sql() << "UPDATE search_documents SET organisation_id = :o, audience = :a, title = :t, "
                "body = :b, url = :u, published_at = :p, year = :y, terms = :v, tsv = " + vector_sql +
                " WHERE id = :id",
        soci::use(organisation.value, organisation.indicator), soci::use(audience),
        soci::use(document.title), soci::use(document.body), soci::use(document.url),
        soci::use(date), soci::use(year), soci::use(terms), soci::use(tsv), soci::use(row_id);
  } else {
    tx.sql() << "INSERT INTO search_documents(kind, item_id, organisation_id, audience, title, body, "
                "url, published_at, year, terms, tsv) VALUES (:k, :i, :o, :a, :t, :b, :u, :p, :y, :v, " +
                vector_sql + ") RETURNING id",
        soci::use(document.kind), soci::use(item_id),
        soci::use(organisation.value, organisation.indicator), soci::use(audience),
        soci::use(document.title), soci::use(document.body), soci::use(document.url),
        soci::use(date), soci::use(year), soci::use(terms), soci::use(tsv), soci::into(row_id);
  }
  RETURN_IF_ERROR(WriteFacets(tx, row_id, document));
  if (tx.dialect() == db::Dialect::kSqlite) {
    tx.sql() << "DELETE FROM search_fts WHERE rowid = :id", soci::use(row_id);
    tx.sql() << "INSERT INTO search_fts(rowid, title, body) VALUES (:id, :t, :b)",
        soci::use(row_id), soci::use(document.title), soci::use(document.body);
  }
  return Status::Ok();
}

Status SearchIndex::Impl::Remove(db::Tx& tx, const std::string& kind, std::int64_t id) {
  ASSIGN_OR_RETURN(std::optional<StoredDocument> stored, LoadStored(tx, kind, id));
  if (!stored) return Status::Ok();
  RETURN_IF_ERROR(ApplyStatistics(tx, stored->terms, TermVector{}));
  ASSIGN_OR_RETURN(bool has_fts, PrepareEngine(tx, false));
  if (has_fts && tx.dialect() == db::Dialect::kSqlite) {
    tx.sql() << "DELETE FROM search_fts WHERE rowid = :id", soci::use(stored->row_id);
  }
  tx.sql() << "DELETE FROM search_facets WHERE document_id = :id", soci::use(stored->row_id);
  tx.sql() << "DELETE FROM search_documents WHERE id = :id", soci::use(stored->row_id);
  return Status::Ok();
}

Status SearchIndex::Impl::Clear(db::Tx& tx) {
  tx.sql() << "DELETE FROM search_facets";
  tx.sql() << "DELETE FROM search_documents";
  tx.sql() << "DELETE FROM search_terms";
  tx.sql() << "DELETE FROM search_columns";
  // Dropped, not emptied: a reindex with another analyzer needs the table
  // created again with that analyzer's tokenizer argument.
  if (tx.dialect() == db::Dialect::kSqlite) tx.sql() << "DROP TABLE IF EXISTS search_fts";
  return Status::Ok();
}

StatusOr<std::unique_ptr<SearchIndex>> SearchIndex::Create(
    const SearchIndexOptions& options, std::shared_ptr<CompoundSplitter> splitter) {
  ASSIGN_OR_RETURN(NamedAnalyzer named, FindNamedAnalyzer(options.analyzer));
  if (named.NeedsCompoundSplitter() && !splitter) {
    return InvalidArgumentError("analyzer " + named.name + " needs the Swedish dictionary");
  }
  auto impl = std::make_unique<Impl>(options, named, std::move(splitter));
  return std::unique_ptr<SearchIndex>(new SearchIndex(std::move(impl), std::move(named)));
}

SearchIndex::SearchIndex(std::unique_ptr<Impl> impl, NamedAnalyzer named)
    : impl_(std::move(impl)), named_(std::move(named)) {}
SearchIndex::~SearchIndex() = default;

Status SearchIndex::Upsert(db::Tx& tx, const SearchDocument& document) {
  return impl_->Upsert(tx, document);
}
Status SearchIndex::Remove(db::Tx& tx, const std::string& kind, std::int64_t id) {
  return impl_->Remove(tx, kind, id);
}
Status SearchIndex::Clear(db::Tx& tx) { return impl_->Clear(tx); }
namespace {

// Text reaches SQL literals (filters) and the engines, and PostgreSQL refuses
// invalid UTF-8: bytes that are not UTF-8 are read as windows-1252 (what an
// old form or a hand-typed URL sends), so every query gets an answer.
std::string AsUtf8(const std::string& text) {
  return IsValidUtf8(text) ? text : Windows1252ToUtf8(text);
}

SearchRequest WithValidText(SearchRequest request) {
  request.query = AsUtf8(request.query);
  for (std::string& kind : request.kinds) kind = AsUtf8(kind);
  for (auto& [facet, values] : request.facets) {
    for (std::string& value : values) value = AsUtf8(value);
  }
  return request;
}

}  // namespace

StatusOr<SearchResults> SearchIndex::Search(db::Tx& tx, const SearchRequest& request,
                                            const Visibility& visibility) {
  return impl_->Search(tx, WithValidText(request), visibility);
}
StatusOr<std::vector<SearchHit>> SearchIndex::Related(db::Tx& tx, const std::string& kind,
                                                      std::int64_t id, int limit,
                                                      const Visibility& visibility) {
  return impl_->Related(tx, kind, id, limit, visibility);
}

}  // namespace nyttig::search
