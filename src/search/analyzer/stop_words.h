// The Swedish stop word list (src/search/analyzer/stopwords_sv.txt, compiled
// in at build time so that no data file has to be found at run time).
//
// Thread-safety: the list is built once and read-only afterwards.
#pragma once

#include <cstddef>
#include <string_view>

namespace nyttig::search {

// True when `lower_word` (lower-cased UTF-8, unstemmed) is on the list.
bool IsStopWord(std::string_view lower_word);

// Number of words on the list.
size_t StopWordCount();

}  // namespace nyttig::search
