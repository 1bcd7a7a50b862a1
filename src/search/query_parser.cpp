#include "search/query.h"

#include <charconv>

#include "core/text.h"

namespace nyttig::search {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;

// Cuts `text` to at most `max_bytes` without splitting a UTF-8 sequence.
std::string_view CutUtf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// Control characters and spaces separate words; everything else (also
// invalid UTF-8, which the analyzer skips later) belongs to a word.
bool IsSeparator(char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; }

// A lexeme: a quoted phrase or a bare word, with the '-' in front of it.
struct Lexeme {
  std::string text;
  bool quoted = false;
  bool minus = false;
};

std::vector<Lexeme> Lex(std::string_view text) {
  std::vector<Lexeme> out;
  size_t pos = 0;
  while (pos < text.size()) {
    if (IsSeparator(text[pos])) {
      ++pos;
      continue;
    }
    Lexeme lexeme;
    if (text[pos] == '-' && pos + 1 < text.size() && !IsSeparator(text[pos + 1])) {
      lexeme.minus = true;
      ++pos;
    }
    if (text[pos] == '"') {
      size_t close = text.find('"', pos + 1);
      if (close != std::string_view::npos) {  // unbalanced: the quote is dropped below
        lexeme.text = std::string(text.substr(pos + 1, close - pos - 1));
        lexeme.quoted = true;
        pos = close + 1;
        out.push_back(std::move(lexeme));
        continue;
      }
      ++pos;
    }
    size_t end = pos;
    while (end < text.size() && !IsSeparator(text[end]) && text[end] != '"') ++end;
    lexeme.text = std::string(text.substr(pos, end - pos));
    pos = end;
    if (!lexeme.text.empty()) out.push_back(std::move(lexeme));
  }
  return out;
}

std::optional<int> ParseYear(std::string_view text) {
  int year = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  return year;
}

// year:2025, year:2020..2024 (also 2020-2024, ..2024, 2020..).
bool ApplyYear(std::string_view value, QueryFilters& filters) {
  size_t dots = value.find("..");
  size_t sep_len = 2;
  if (dots == std::string_view::npos) {
    dots = value.find('-');
    sep_len = 1;
  }
  if (dots == std::string_view::npos) {
    std::optional<int> year = ParseYear(value);
    if (!year) return false;
    filters.year_from = filters.year_to = year;
    return true;
  }
  std::string_view from = value.substr(0, dots), to = value.substr(dots + sep_len);
  std::optional<int> year_from = from.empty() ? std::nullopt : ParseYear(from);
  std::optional<int> year_to = to.empty() ? std::nullopt : ParseYear(to);
  if ((!from.empty() && !year_from) || (!to.empty() && !year_to) || (!year_from && !year_to)) {
    return false;
  }
  filters.year_from = year_from;
  filters.year_to = year_to;
  return true;
}

// The filter a field name stands for, English or Swedish; empty when none.
std::string FilterName(std::string_view name) {
  static const std::map<std::string, std::string, std::less<>> kNames{
      {"kind", "kind"},  {"typ", "kind"},       {"org", "org"},   {"organisation", "org"},
      {"area", "area"},  {"område", "area"},    {"sdg", "sdg"},   {"mål", "sdg"},
      {"year", "year"},  {"år", "year"}};
  auto found = kNames.find(Utf8ToLower(name));
  return found == kNames.end() ? std::string() : found->second;
}

// Applies "name:value" when it is a well-formed filter; false otherwise.
bool ApplyFilter(const Lexeme& lexeme, QueryFilters& filters) {
  if (lexeme.quoted || lexeme.minus) return false;
  size_t colon = lexeme.text.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == lexeme.text.size()) return false;
  const std::string name = FilterName(std::string_view(lexeme.text).substr(0, colon));
  const std::string value = lexeme.text.substr(colon + 1);
  if (name.empty()) return false;
  if (name == "year") return ApplyYear(value, filters);
  if (name == "kind") {
    filters.kinds.push_back(AsciiLower(value));
  } else if (name == "org") {
    filters.organisations.push_back(AsciiLower(value));
  } else {
    filters.facets[name].push_back(Utf8ToLower(value));
  }
  return true;
}

QueryTerm ToTerm(const Lexeme& lexeme) {
  QueryTerm term{lexeme.text, lexeme.quoted, false};
  if (!lexeme.quoted && term.text.size() > 1 && term.text.back() == '*') {
    while (!term.text.empty() && term.text.back() == '*') term.text.pop_back();
    term.prefix = !term.text.empty();
  }
  return term;
}

}  // namespace

bool ParsedQuery::HasPositiveItem() const {
  for (const QueryItem& item : items) {
    if (!item.excluded) return true;
  }
  return false;
}

ParsedQuery ParseQuery(std::string_view text) {
  std::vector<Lexeme> lexemes = Lex(CutUtf8(text, kMaxQueryBytes));
  ParsedQuery query;
  for (size_t idx = 0; idx < lexemes.size() && query.items.size() < kMaxQueryItems; ++idx) {
    const Lexeme& lexeme = lexemes[idx];
    const bool is_or = !lexeme.quoted && !lexeme.minus && lexeme.text == "OR";
    if (is_or && !query.items.empty() && !query.items.back().excluded &&
        idx + 1 < lexemes.size() && !lexemes[idx + 1].minus) {
      query.items.back().alternatives.push_back(ToTerm(lexemes[++idx]));
      continue;
    }
    if (ApplyFilter(lexeme, query.filters)) continue;
    query.items.push_back({{ToTerm(lexeme)}, lexeme.minus});
  }
  // Only exclusions means nothing to look for: read them as words instead.
  if (!query.HasPositiveItem()) {
    for (QueryItem& item : query.items) item.excluded = false;
  }
  return query;
}

}  // namespace nyttig::search
