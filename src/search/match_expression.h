// From a parsed query to what the engines match: the query's words run
// through the words analyzer (the same one that indexed the documents), then
// rendered as an FTS5 MATCH string (SQLite) or a tsquery (PostgreSQL).
//
// A word becomes its term, or, when it is a compound, "the whole term OR all
// of its parts": "skolmatsal" matches documents with "skolmatsal" or with
// both "skola" and "matsal". Phrases match whole terms at consecutive
// positions, prefixes the unstemmed lower-cased start of a term.
//
// Every term is quoted for the engine, so nothing a person types can change
// the structure of the expression.
//
// Thread-safety: pure functions (the Analyzer passed in is not shared).
#pragma once

#include <string>
#include <vector>

#include "search/analyzer/analyzer.h"
#include "search/query.h"

namespace nyttig::search {

struct TermGroup {
  std::string whole;
  std::vector<std::string> parts;  // compound parts, empty for a simple word
};

struct MatchTerm {
  enum class Kind { kWords, kPhrase, kPrefix } kind = Kind::kWords;
  std::vector<TermGroup> groups;  // kWords: all must match; kPhrase: wholes in order
  std::string prefix;             // kPrefix
};

struct MatchItem {
  std::vector<MatchTerm> alternatives;  // any may match
  bool excluded = false;
};

struct MatchExpression {
  std::vector<MatchItem> items;
  bool HasPositiveItem() const;
  size_t PositiveItemCount() const;
};

// kAll: every positive item must match; kAny: one is enough (the fallback
// when kAll finds nothing, and more-like-this).
enum class MatchMode { kAll, kAny };

// Analyses the query's items with `words` (the index's first analyzer
// field, in query mode). Items that analyse to nothing (punctuation) are
// dropped; when only exclusions are left, they are read as words.
MatchExpression BuildMatchExpression(const ParsedQuery& query, Analyzer& words);

// An OR of single terms (more-like-this).
MatchExpression AnyOfTerms(const std::vector<std::string>& terms);

// "" when the expression has no positive item.
std::string RenderFts5(const MatchExpression& expression, MatchMode mode);
std::string RenderTsquery(const MatchExpression& expression, MatchMode mode);

// Every term the expression matches on (wholes, parts, prefixes), for
// highlighting; prefixes end in '*'.
std::vector<std::string> HighlightTerms(const MatchExpression& expression);

}  // namespace nyttig::search
