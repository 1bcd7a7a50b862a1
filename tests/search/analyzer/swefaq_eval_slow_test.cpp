// Relevance on the real SweFAQ dev split (shared/data/swefaq): the numbers
// must stay in a sane band, so that a broken analyzer or ranking shows up.
#include <gtest/gtest.h>

#include "search/analyzer/eval_command.h"
#include "swedish_dictionary.h"

namespace nyttig::search {
namespace {

const char* const kSwefaqDev = NYTTIG_SHARED_DATA_DIR "/swefaq/swefaq_dev.jsonl";

SearchEvalResult Evaluate(std::string_view analyzer_name) {
  StatusOr<SwefaqCollection> collection = ReadSwefaqFile(kSwefaqDev);
  EXPECT_TRUE(collection.ok()) << collection.status().ToString();
  StatusOr<NamedAnalyzer> named = FindNamedAnalyzer(analyzer_name);
  EXPECT_TRUE(named.ok());
  if (!collection.ok() || !named.ok()) return {};
  StatusOr<SearchEvalResult> result =
      EvaluateRetrieval(*collection, *named, testing::SharedSwedishSplitter());
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? *result : SearchEvalResult{};
}

TEST(AnalyzerSwefaqSlowTest, PlainBaselineIsInTheMeasuredBand) {
  const SearchEvalResult result = Evaluate("plain");
  EXPECT_EQ(result.queries, 110u);
  EXPECT_EQ(result.documents, 110u);
  EXPECT_GT(result.ndcg10, 0.60);
  EXPECT_LT(result.ndcg10, 0.80);
}

TEST(AnalyzerSwefaqSlowTest, DefaultAnalyzerBeatsPlainBaseline) {
  const SearchEvalResult plain = Evaluate("plain");
  const SearchEvalResult best = Evaluate(DefaultAnalyzerName());
  EXPECT_GT(best.ndcg10, plain.ndcg10 + 0.02);
  EXPECT_GT(best.recall100, 0.95);
}

}  // namespace
}  // namespace nyttig::search
