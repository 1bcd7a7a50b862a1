// libFuzzer target: the Swedish analyzer (search::Analyzer) on any bytes, as
// document and as query. The first byte picks the options (stemming,
// compound splitting with Hunspell, stop words, character n-grams). Every
// token must be valid UTF-8 and point inside the input.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "core/text.h"
#include "fuzz_check.h"
#include "search/analyzer/analyzer.h"

namespace {

std::shared_ptr<nyttig::search::CompoundSplitter> SharedSplitter() {
  static const std::shared_ptr<nyttig::search::CompoundSplitter> splitter = [] {
    auto loaded = nyttig::search::CompoundSplitter::Load();
    FUZZ_CHECK(loaded.ok());  // needs hunspell-sv, as the analyzer's tests do
    return std::shared_ptr<nyttig::search::CompoundSplitter>(std::move(loaded).value());
  }();
  return splitter;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t choice = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const nyttig::search::AnalyzerOptions options{
      .stem = (choice & 1) != 0,
      .split_compounds = (choice & 2) != 0,
      .remove_stop_words = (choice & 4) != 0,
      .char_ngram = static_cast<size_t>((choice >> 3) % 5),  // 0 (words) to 4
  };
  auto analyzer = nyttig::search::Analyzer::Create(
      options, options.split_compounds ? SharedSplitter() : nullptr);
  FUZZ_CHECK(analyzer.ok());
  for (auto mode : {nyttig::search::AnalyzeMode::kDocument, nyttig::search::AnalyzeMode::kQuery}) {
    for (const auto& token : (*analyzer)->Analyze(text, mode)) {
      FUZZ_CHECK(!token.text.empty());
      FUZZ_CHECK(nyttig::IsValidUtf8(token.text));
      FUZZ_CHECK(token.begin <= token.end && token.end <= text.size());
    }
  }
  return 0;
}
