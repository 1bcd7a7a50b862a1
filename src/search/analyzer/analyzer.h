// The Swedish text analyzer shared by every search engine (SQLite FTS5 and
// PostgreSQL) and by `nyttig search eval`.
//
// Text → tokens in four steps:
//   1. TokenizeWords: UTF-8 decoded safely (invalid bytes separate tokens),
//      lower-cased (Å Ä Ö É Ü …), law references kept whole ("2018:1937").
//   2. Stop words (stopwords_sv.txt) dropped when the options ask for it; a
//      query made only of stop words keeps them, so it still finds something.
//   3. Compound splitting (CompoundSplitter): the whole word is emitted, then
//      its parts with `colocated` set, i.e. at the same position (FTS5's
//      FTS5_TOKEN_COLOCATED). In document mode a number with separators is
//      followed by its digit groups, colocated, so "2018" finds "2018:1937".
//   4. Snowball Swedish stemming (libstemmer) of words and parts, or, in
//      n-gram mode, the character n-grams of each word instead.
//
//   ASSIGN_OR_RETURN(std::shared_ptr<CompoundSplitter> splitter, CompoundSplitter::Load());
//   ASSIGN_OR_RETURN(auto analyzer, Analyzer::Create({.split_compounds = true}, splitter));
//   for (const Token& t : analyzer->Analyze("Digitaliseringsstrategi", AnalyzeMode::kDocument))
//     ...  // "digitaliseringsstrategi", then colocated "digitalisering", "strategi"
//
// Thread-safety: an Analyzer is NOT thread-safe (libstemmer's sb_stemmer keeps
// per-call state): create one per thread or per connection; creation is cheap.
// The CompoundSplitter it shares is thread-safe and is best shared by all.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "search/analyzer/compound_splitter.h"
#include "search/analyzer/tokenizer.h"

struct sb_stemmer;

namespace nyttig::search {

// Document text is indexed; query text is what a person typed.
enum class AnalyzeMode { kDocument, kQuery };

struct AnalyzerOptions {
  bool stem = true;                // Snowball Swedish stemmer
  bool split_compounds = false;    // needs a CompoundSplitter
  bool remove_stop_words = false;  // stopwords_sv.txt
  size_t char_ngram = 0;           // code points; > 0 emits each word's n-grams instead
};

struct Token {
  std::string text;       // the term to index or look up
  size_t begin = 0;       // byte offsets of the source word in the input
  size_t end = 0;
  bool colocated = false;  // same position as the previous token
  bool operator==(const Token&) const = default;
};

class Analyzer {
 public:
  // Fails with kInvalidArgument when split_compounds is set without a
  // splitter, kInternal when libstemmer has no Swedish stemmer.
  static StatusOr<std::unique_ptr<Analyzer>> Create(
      const AnalyzerOptions& options, std::shared_ptr<CompoundSplitter> splitter = nullptr);

  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // The tokens of `text`; never fails (invalid UTF-8 is skipped).
  std::vector<Token> Analyze(std::string_view text, AnalyzeMode mode);

  // The Snowball Swedish stem of a lower-cased word.
  std::string Stem(std::string_view lower_word);

  const AnalyzerOptions& options() const { return options_; }

 private:
  struct StemmerDeleter {
    void operator()(sb_stemmer* stemmer) const;
  };
  Analyzer(const AnalyzerOptions& options, std::shared_ptr<CompoundSplitter> splitter,
           std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer);

  void EmitWord(const RawToken& word, AnalyzeMode mode, std::vector<Token>& out);
  void EmitNgrams(const RawToken& word, std::vector<Token>& out) const;
  std::string Normalize(std::string_view lower_word);

  AnalyzerOptions options_;
  std::shared_ptr<CompoundSplitter> splitter_;
  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer_;
};

}  // namespace nyttig::search
