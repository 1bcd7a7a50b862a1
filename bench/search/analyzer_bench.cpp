// Analyzer throughput: words per second through each named analyzer, over
// the distinct answers of SweFAQ (shared/data/swefaq), in document mode.
//
//   search_analyzer_bench [--benchmark_filter=stem]
//
// "warm" runs reuse one CompoundSplitter, so after the first pass its cache
// answers (the steady state of an indexer); "cold" gives every run a splitter
// whose cache holds one word, so each compound decision asks Hunspell.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "search/analyzer/named_analyzers.h"
#include "search/analyzer/swefaq.h"
#include "search/analyzer/tokenizer.h"

namespace nyttig::search {
namespace {

const char* const kSwefaqDev = NYTTIG_SHARED_DATA_DIR "/swefaq/swefaq_dev.jsonl";

struct Corpus {
  std::vector<std::string> documents;
  size_t words = 0;
};

const Corpus& SwefaqCorpus() {
  static const Corpus* const kCorpus = [] {
    auto* corpus = new Corpus;
    StatusOr<SwefaqCollection> collection = ReadSwefaqFile(kSwefaqDev);
    if (!collection.ok()) return corpus;
    corpus->documents = collection->documents;
    for (const std::string& document : corpus->documents) {
      corpus->words += TokenizeWords(document).size();
    }
    return corpus;
  }();
  return *kCorpus;
}

std::shared_ptr<CompoundSplitter> LoadSplitter(size_t cache_capacity) {
  StatusOr<std::unique_ptr<CompoundSplitter>> loaded =
      CompoundSplitter::Load({.cache_capacity = cache_capacity});
  return loaded.ok() ? std::shared_ptr<CompoundSplitter>(std::move(loaded).value()) : nullptr;
}

void AnalyzeCorpus(benchmark::State& state, const NamedAnalyzer& named, size_t cache_capacity) {
  const Corpus& corpus = SwefaqCorpus();
  std::shared_ptr<CompoundSplitter> splitter = LoadSplitter(cache_capacity);
  if (corpus.documents.empty() || splitter == nullptr) {
    state.SkipWithError("SweFAQ data or the Swedish dictionary is missing");
    return;
  }
  StatusOr<std::vector<std::unique_ptr<Analyzer>>> analyzers =
      CreateFieldAnalyzers(named, splitter);
  if (!analyzers.ok()) {
    state.SkipWithError(analyzers.status().ToString().c_str());
    return;
  }
  size_t tokens = 0;
  for (auto _ : state) {
    for (const std::string& document : corpus.documents) {
      for (auto& analyzer : *analyzers) {
        tokens += analyzer->Analyze(document, AnalyzeMode::kDocument).size();
      }
    }
  }
  benchmark::DoNotOptimize(tokens);
  state.counters["words/s"] = benchmark::Counter(
      static_cast<double>(corpus.words * state.iterations()), benchmark::Counter::kIsRate);
}

constexpr size_t kWarmCache = 65536;  // words
constexpr size_t kColdCache = 1;

}  // namespace
}  // namespace nyttig::search

int main(int argc, char** argv) {
  using nyttig::search::NamedAnalyzer;
  for (const NamedAnalyzer& named : nyttig::search::NamedAnalyzers()) {
    benchmark::RegisterBenchmark(("analyze/" + named.name + "/warm").c_str(),
                                 [&named](benchmark::State& state) {
                                   nyttig::search::AnalyzeCorpus(state, named,
                                                                 nyttig::search::kWarmCache);
                                 })->Unit(benchmark::kMillisecond);
    if (!named.NeedsCompoundSplitter()) continue;
    benchmark::RegisterBenchmark(("analyze/" + named.name + "/cold").c_str(),
                                 [&named](benchmark::State& state) {
                                   nyttig::search::AnalyzeCorpus(state, named,
                                                                 nyttig::search::kColdCache);
                                 })->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
