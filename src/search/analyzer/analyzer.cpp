#include "search/analyzer/analyzer.h"

#include <libstemmer.h>

#include <algorithm>

#include "search/analyzer/stop_words.h"
#include "search/analyzer/utf8.h"

namespace nyttig::search {
namespace {

// Drops stop words, unless every word is one: a query such as "vad är det"
// should still search for something rather than for nothing.
std::vector<RawToken> WithoutStopWords(std::vector<RawToken> words, AnalyzeMode mode) {
  std::vector<RawToken> kept;
  kept.reserve(words.size());
  for (RawToken& word : words) {
    if (!IsStopWord(word.text)) kept.push_back(std::move(word));
  }
  if (kept.empty() && mode == AnalyzeMode::kQuery) return words;
  return kept;
}

// The digit groups of a number with separators: "2018:1937" → 2018, 1937.
std::vector<std::string> DigitGroups(std::string_view number) {
  std::vector<std::string> groups;
  std::string current;
  for (char ch : number) {
    if (ch >= '0' && ch <= '9') {
      current.push_back(ch);
    } else if (!current.empty()) {
      groups.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) groups.push_back(std::move(current));
  if (groups.size() < 2) groups.clear();
  return groups;
}

}  // namespace

void Analyzer::StemmerDeleter::operator()(sb_stemmer* stemmer) const {
  sb_stemmer_delete(stemmer);
}

StatusOr<std::unique_ptr<Analyzer>> Analyzer::Create(const AnalyzerOptions& options,
                                                     std::shared_ptr<CompoundSplitter> splitter) {
  if (options.split_compounds && splitter == nullptr) {
    return InvalidArgumentError("compound splitting needs a loaded CompoundSplitter");
  }
  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("swedish", "UTF_8"));
  if (stemmer == nullptr) return InternalError("libstemmer has no Swedish UTF-8 stemmer");
  return std::unique_ptr<Analyzer>(new Analyzer(options, std::move(splitter), std::move(stemmer)));
}

Analyzer::Analyzer(const AnalyzerOptions& options, std::shared_ptr<CompoundSplitter> splitter,
                   std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer)
    : options_(options), splitter_(std::move(splitter)), stemmer_(std::move(stemmer)) {}

Analyzer::~Analyzer() = default;

std::vector<Token> Analyzer::Analyze(std::string_view text, AnalyzeMode mode) {
  std::vector<RawToken> words = TokenizeWords(text);
  if (options_.remove_stop_words) words = WithoutStopWords(std::move(words), mode);
  std::vector<Token> tokens;
  tokens.reserve(words.size() * 2);
  for (const RawToken& word : words) {
    if (options_.char_ngram > 0 && !word.is_number) {
      EmitNgrams(word, tokens);
    } else {
      EmitWord(word, mode, tokens);
    }
  }
  return tokens;
}

std::string Analyzer::Stem(std::string_view lower_word) {
  const sb_symbol* stemmed = sb_stemmer_stem(
      stemmer_.get(), reinterpret_cast<const sb_symbol*>(lower_word.data()),
      static_cast<int>(lower_word.size()));
  if (stemmed == nullptr) return std::string(lower_word);  // out of memory: keep the word
  return std::string(reinterpret_cast<const char*>(stemmed),
                     static_cast<size_t>(sb_stemmer_length(stemmer_.get())));
}

std::string Analyzer::Normalize(std::string_view lower_word) {
  return options_.stem ? Stem(lower_word) : std::string(lower_word);
}

void Analyzer::EmitWord(const RawToken& word, AnalyzeMode mode, std::vector<Token>& out) {
  if (word.is_number) {
    out.push_back({word.text, word.begin, word.end, false});
    if (mode == AnalyzeMode::kDocument) {
      for (std::string& group : DigitGroups(word.text)) {
        out.push_back({std::move(group), word.begin, word.end, true});
      }
    }
    return;
  }
  out.push_back({Normalize(word.text), word.begin, word.end, false});
  if (!options_.split_compounds) return;
  for (const std::string& part : splitter_->Split(word.text)) {
    out.push_back({Normalize(part), word.begin, word.end, true});
  }
}

void Analyzer::EmitNgrams(const RawToken& word, std::vector<Token>& out) const {
  std::vector<size_t> boundaries{0};
  size_t pos = 0;
  while (pos < word.text.size()) {
    DecodeUtf8(word.text, pos);
    boundaries.push_back(pos);
  }
  const size_t code_points = boundaries.size() - 1;
  const size_t n = options_.char_ngram;
  if (code_points <= n) {
    out.push_back({word.text, word.begin, word.end, false});
    return;
  }
  for (size_t start = 0; start + n <= code_points; ++start) {
    out.push_back({word.text.substr(boundaries[start], boundaries[start + n] - boundaries[start]),
                   word.begin, word.end, start > 0});
  }
}

}  // namespace nyttig::search
