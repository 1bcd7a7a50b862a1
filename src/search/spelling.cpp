// "Did you mean": the closest word of the public vocabulary, by edit distance.
#include <soci/soci.h>

#include <algorithm>

#include "db/row.h"
#include "search/analyzer/utf8.h"
#include "search/index_impl.h"
#include "search/sql_text.h"

namespace nyttig::search {
namespace {

constexpr size_t kMinWordCodePoints = 3;   // shorter words are not corrected
constexpr size_t kLongWordCodePoints = 6;  // from here two edits are allowed, below one

std::u32string CodePoints(std::string_view text) {
  std::u32string out;
  size_t pos = 0;
  while (pos < text.size()) out += DecodeUtf8(text, pos);
  return out;
}

// Levenshtein distance over code points (Wagner–Fischer, two rows).
size_t EditDistance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> previous(b.size() + 1), current(b.size() + 1);
  for (size_t col = 0; col <= b.size(); ++col) previous[col] = col;
  for (size_t row = 1; row <= a.size(); ++row) {
    current[0] = row;
    for (size_t col = 1; col <= b.size(); ++col) {
      const size_t substitution = previous[col - 1] + (a[row - 1] == b[col - 1] ? 0 : 1);
      current[col] = std::min({previous[col] + 1, current[col - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

// The known word closest to `word`, more frequent first on ties; nullopt
// when `word` is known or nothing is close enough.
StatusOr<std::optional<std::string>> Correct(db::Tx& tx, const std::string& word) {
  const std::u32string wanted = CodePoints(word);
  if (wanted.size() < kMinWordCodePoints) return std::optional<std::string>();
  const size_t allowed = wanted.size() >= kLongWordCodePoints ? 2 : 1;
  const long long shortest = static_cast<long long>(wanted.size() - allowed);
  const long long longest = static_cast<long long>(wanted.size() + allowed);
  std::string first_char;
  AppendUtf8(wanted[0], first_char);
  soci::rowset<soci::row> rows = tx.sql().prepare
      << "SELECT term, df FROM search_terms WHERE column_id = " + std::to_string(kVocabularyColumn) +
             " AND substr(term, 1, 1) = " + SqlQuote(first_char) + " AND length(term) BETWEEN " +
             std::to_string(shortest) + " AND " + std::to_string(longest);
  std::optional<std::string> best;
  size_t best_distance = allowed + 1;
  std::int64_t best_df = 0;
  for (const soci::row& row : rows) {
    const std::string term = db::Text(row, 0);
    const size_t distance = EditDistance(wanted, CodePoints(term));
    if (distance == 0) return std::optional<std::string>();
    const std::int64_t df = db::Int(row, 1);
    if (distance < best_distance || (distance == best_distance && df > best_df)) {
      best = term, best_distance = distance, best_df = df;
    }
  }
  return best;
}

}  // namespace

StatusOr<std::optional<std::string>> SuggestQuery(db::Tx& tx, const ParsedQuery& query) {
  std::string suggestion;
  bool replaced = false;
  for (const QueryItem& item : query.items) {
    if (item.excluded) continue;
    for (const QueryTerm& term : item.alternatives) {
      for (const RawToken& word : TokenizeWords(term.text)) {
        std::optional<std::string> correction;
        if (!word.is_number && !term.prefix) {
          ASSIGN_OR_RETURN(correction, Correct(tx, word.text));
        }
        replaced = replaced || correction.has_value();
        suggestion += (suggestion.empty() ? "" : " ") + correction.value_or(word.text);
      }
    }
  }
  if (!replaced) return std::optional<std::string>();
  return std::optional<std::string>(suggestion);
}

}  // namespace nyttig::search
