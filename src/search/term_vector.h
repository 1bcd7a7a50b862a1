// A document's analysed terms per column, as the index keeps them: the
// statistics BM25 needs (term frequencies and column lengths), stored with
// the document so that both engines score from the same numbers.
//
// A column is a text field (title, body) analysed by one analyzer field
// ("words", "ngrams"): ColumnId(kBody, 1) is the body's n-grams. The
// vocabulary column holds the surface words of public documents, for
// "did you mean".
//
// Serialised form (search_documents.terms): one line per column,
// "<column> <length>" then "\x1e<term>\x1f<tf>" per term. The analyzer never
// emits control characters, so these separators cannot occur in a term.
//
// Thread-safety: pure functions over values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace nyttig::search {

enum class TextField { kTitle = 0, kBody = 1 };

inline constexpr int kVocabularyColumn = 99;
inline constexpr int kColumnsPerTextField = 10;  // analyzer fields per text field, at most

inline int ColumnId(TextField text, size_t analyzer_field) {
  return static_cast<int>(text) * kColumnsPerTextField + static_cast<int>(analyzer_field);
}

struct ColumnTerms {
  std::int64_t length = 0;                 // tokens in the column (BM25's |D|)
  std::map<std::string, int> frequencies;  // term → occurrences
};

using TermVector = std::map<int, ColumnTerms>;

std::string SerializeTermVector(const TermVector& vector);

// The inverse of SerializeTermVector; malformed parts are skipped.
TermVector ParseTermVector(std::string_view text);

}  // namespace nyttig::search
