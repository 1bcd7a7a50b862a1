// The search query language, as people type it into the search box:
//
//   strategi skola            words (all must match; if nothing does, any may)
//   "öppna data"              an exact phrase
//   -parkering                exclusion
//   skola OR förskola         either (binds tighter than the implicit AND)
//   digital*                  prefix
//   kind:idea org:exempelby-kommun area:skola sdg:4 year:2025 year:2020..2024
//                             filters (Swedish aliases: typ:, organisation:,
//                             område:, mål:, år:)
//
// Parsing never fails: whatever does not fit the grammar (an unbalanced
// quote, a lone "-", "OR" at the ends, an unknown or empty filter, a year
// that is not one) is read as plain words, so a malformed query still gives
// a sensible word search. Input is cut to kMaxQueryBytes and kMaxQueryItems.
//
//   ParsedQuery q = ParseQuery("\"öppna data\" -parkering kind:idea");
//
// Thread-safety: pure function.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nyttig::search {

inline constexpr size_t kMaxQueryBytes = 1000;  // longer input is cut (at a UTF-8 boundary)
inline constexpr size_t kMaxQueryItems = 32;    // further items are ignored

struct QueryTerm {
  std::string text;     // as typed (a phrase: the words between the quotes)
  bool phrase = false;  // "…"
  bool prefix = false;  // word*
  bool operator==(const QueryTerm&) const = default;
};

// One AND-ed element of the query: its alternatives are OR-ed.
struct QueryItem {
  std::vector<QueryTerm> alternatives;
  bool excluded = false;  // -term
  bool operator==(const QueryItem&) const = default;
};

struct QueryFilters {
  std::vector<std::string> kinds;          // kind:idea
  std::vector<std::string> organisations;  // org:slug or org:42
  // Facet filters by facet name ("area", "sdg"): a document must have one of the values.
  std::map<std::string, std::vector<std::string>> facets;
  std::optional<int> year_from;  // inclusive
  std::optional<int> year_to;    // inclusive
  bool operator==(const QueryFilters&) const = default;
};

struct ParsedQuery {
  std::vector<QueryItem> items;
  QueryFilters filters;
  bool HasPositiveItem() const;
};

// Parses `text`; never fails (see the header comment).
ParsedQuery ParseQuery(std::string_view text);

}  // namespace nyttig::search
