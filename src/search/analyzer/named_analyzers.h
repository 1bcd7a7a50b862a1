// The analyzers that `nyttig search eval --analyzer NAME` can compare, and
// the platform's default among them.
//
// A named analyzer is one or more fields, each analysed with its own options
// and ranked with its own BM25 statistics; a document's score is the weighted
// sum of its fields' scores (the engines store each field as a column).
//
//   plain                  lower-cased words
//   stem                   + Snowball Swedish
//   stem+stop              + stop words removed
//   stem+compounds         + compound parts (colocated)
//   stem+compounds+stop    both
//   ngram3, ngram4         character n-grams per word
//   stem+compounds+ngram3  a word field (stem+compounds) and a 3-gram field;
//                          the platform default (best nDCG@10 on SweFAQ)
//   stem+compounds+ngram4  the same with a 4-gram field
//
// Thread-safety: pure functions; the returned structs are plain values.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "search/analyzer/analyzer.h"

namespace nyttig::search {

struct AnalyzerField {
  std::string name;         // column name, e.g. "words" or "ngrams"
  AnalyzerOptions options;
  double weight = 1.0;      // multiplies the field's BM25 score
};

struct NamedAnalyzer {
  std::string name;
  std::vector<AnalyzerField> fields;
  bool NeedsCompoundSplitter() const;
};

// The analyzer the platform uses when none is named (see bench/README.md,
// "Swedish search relevance (SweFAQ)", for the measurements behind it).
std::string_view DefaultAnalyzerName();

// Every named analyzer, in the order above.
const std::vector<NamedAnalyzer>& NamedAnalyzers();

// The analyzer called `name`; the default when `name` is empty. Fails with
// kNotFound for an unknown name (the message lists the known ones).
StatusOr<NamedAnalyzer> FindNamedAnalyzer(std::string_view name);

// One Analyzer per field of `named`. `splitter` may be null when
// !named.NeedsCompoundSplitter().
StatusOr<std::vector<std::unique_ptr<Analyzer>>> CreateFieldAnalyzers(
    const NamedAnalyzer& named, std::shared_ptr<CompoundSplitter> splitter);

}  // namespace nyttig::search
