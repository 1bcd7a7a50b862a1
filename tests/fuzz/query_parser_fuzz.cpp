// libFuzzer target: the search query language (search::ParseQuery) and the
// engine expressions built from it, on any bytes. Parsing never fails, stays
// within its limits, and the FTS5 and tsquery strings it renders keep every
// term inside balanced quotes and parentheses, whatever was typed.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "fuzz_check.h"
#include "search/match_expression.h"
#include "search/query.h"

namespace {

// Parentheses outside quoted terms are balanced and every quote is closed;
// `quote` is the engine's quote character (a doubled one is an escaped quote).
bool Balanced(std::string_view expression, char quote) {
  int depth = 0;
  bool quoted = false;
  for (size_t pos = 0; pos < expression.size(); ++pos) {
    const char c = expression[pos];
    if (c == quote) {
      if (quoted && pos + 1 < expression.size() && expression[pos + 1] == quote) {
        ++pos;  // an escaped quote inside a term
        continue;
      }
      quoted = !quoted;
    } else if (!quoted && c == '(') {
      ++depth;
    } else if (!quoted && c == ')') {
      if (--depth < 0) return false;
    }
  }
  return depth == 0 && !quoted;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const nyttig::search::ParsedQuery query = nyttig::search::ParseQuery(text);
  FUZZ_CHECK(query.items.size() <= nyttig::search::kMaxQueryItems);
  for (const auto& item : query.items) {
    FUZZ_CHECK(!item.alternatives.empty());
    for (const auto& term : item.alternatives) FUZZ_CHECK(term.text.size() <= nyttig::search::kMaxQueryBytes);
  }
  static const std::unique_ptr<nyttig::search::Analyzer> words = [] {
    auto created = nyttig::search::Analyzer::Create({.stem = true});
    FUZZ_CHECK(created.ok());
    return std::move(created).value();
  }();
  const auto expression = nyttig::search::BuildMatchExpression(query, *words);
  for (auto mode : {nyttig::search::MatchMode::kAll, nyttig::search::MatchMode::kAny}) {
    const std::string fts5 = nyttig::search::RenderFts5(expression, mode);
    const std::string tsquery = nyttig::search::RenderTsquery(expression, mode);
    FUZZ_CHECK(fts5.empty() == !expression.HasPositiveItem());
    FUZZ_CHECK(Balanced(fts5, '"'));
    FUZZ_CHECK(Balanced(tsquery, '\''));
  }
  return 0;
}
