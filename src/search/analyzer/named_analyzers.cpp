#include "search/analyzer/named_analyzers.h"

namespace nyttig::search {
namespace {

constexpr std::string_view kDefaultAnalyzer = "stem+compounds+ngram3";
// Equal weights: not tuned, since the 110 SweFAQ dev queries that chose the
// default cannot also tune a weight without overfitting.
constexpr double kNgramFieldWeight = 1.0;

NamedAnalyzer OneField(std::string name, AnalyzerOptions options) {
  return {std::move(name), {{"words", options, 1.0}}};
}

std::vector<NamedAnalyzer> BuildNamedAnalyzers() {
  const AnalyzerOptions plain{.stem = false};
  const AnalyzerOptions stem{.stem = true};
  const AnalyzerOptions compounds{.stem = true, .split_compounds = true};
  return {
      OneField("plain", plain),
      OneField("stem", stem),
      OneField("stem+stop", {.stem = true, .remove_stop_words = true}),
      OneField("stem+compounds", compounds),
      OneField("stem+compounds+stop",
               {.stem = true, .split_compounds = true, .remove_stop_words = true}),
      OneField("ngram3", {.stem = false, .char_ngram = 3}),
      OneField("ngram4", {.stem = false, .char_ngram = 4}),
      {"stem+compounds+ngram3",
       {{"words", compounds, 1.0},
        {"ngrams", {.stem = false, .char_ngram = 3}, kNgramFieldWeight}}},
      {"stem+compounds+ngram4",
       {{"words", compounds, 1.0},
        {"ngrams", {.stem = false, .char_ngram = 4}, kNgramFieldWeight}}},
  };
}

}  // namespace

bool NamedAnalyzer::NeedsCompoundSplitter() const {
  for (const AnalyzerField& field : fields) {
    if (field.options.split_compounds) return true;
  }
  return false;
}

std::string_view DefaultAnalyzerName() { return kDefaultAnalyzer; }

const std::vector<NamedAnalyzer>& NamedAnalyzers() {
  static const auto* const kAnalyzers = new std::vector<NamedAnalyzer>(BuildNamedAnalyzers());
  return *kAnalyzers;
}

StatusOr<NamedAnalyzer> FindNamedAnalyzer(std::string_view name) {
  if (name.empty()) name = kDefaultAnalyzer;
  std::string known;
  for (const NamedAnalyzer& named : NamedAnalyzers()) {
    if (named.name == name) return named;
    known += (known.empty() ? "" : ", ") + named.name;
  }
  return NotFoundError("unknown analyzer '" + std::string(name) + "' (known: " + known + ")");
}

StatusOr<std::vector<std::unique_ptr<Analyzer>>> CreateFieldAnalyzers(
    const NamedAnalyzer& named, std::shared_ptr<CompoundSplitter> splitter) {
  std::vector<std::unique_ptr<Analyzer>> analyzers;
  for (const AnalyzerField& field : named.fields) {
    ASSIGN_OR_RETURN(std::unique_ptr<Analyzer> analyzer,
                     Analyzer::Create(field.options, splitter));
    analyzers.push_back(std::move(analyzer));
  }
  return analyzers;
}

}  // namespace nyttig::search
