// SQL text the search index builds itself: the match and filter clauses
// vary in shape per query (any number of kinds, organisations, facet values),
// which bound parameters cannot express portably through SOCI. Every value
// goes through SqlQuote (strings) or is an integer, so input never becomes SQL.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nyttig::search {

// A single-quoted SQL string literal: quotes doubled, NUL bytes dropped.
// Both engines read it the same way (PostgreSQL with standard_conforming_strings,
// its default since 9.1).
std::string SqlQuote(std::string_view text);

// "(1,2,3)"; "(NULL)" for an empty list, which matches nothing.
std::string SqlIntList(const std::vector<std::int64_t>& values);

// "('a','b')"; "(NULL)" for an empty list.
std::string SqlTextList(const std::vector<std::string>& values);

}  // namespace nyttig::search
