#include "search/analyzer/bm25_index.h"

#include <gtest/gtest.h>

#include <cmath>

#include "search/analyzer/eval_command.h"

namespace nyttig::search {
namespace {

using Terms = std::vector<std::string>;

TEST(AnalyzerBm25Test, ScoreMatchesHandComputedFormula) {
  Bm25Index index;
  index.AddDocument({"skol", "gård", "skol"});  // length 3
  index.AddDocument({"vård"});                  // length 1; average 2
  std::vector<double> scores(2, 0.0);
  index.AddScores({"skol"}, 1.0, scores);
  const double idf = std::log(1.0 + (2 - 1 + 0.5) / (1 + 0.5));
  const double norm = 1.2 * (1 - 0.75 + 0.75 * 3.0 / 2.0);
  EXPECT_NEAR(scores[0], idf * 2 * 2.2 / (2 + norm), 1e-12);
  EXPECT_DOUBLE_EQ(scores[1], 0.0);
}

TEST(AnalyzerBm25Test, RarerTermWeighsMore) {
  Bm25Index index;
  index.AddDocument({"vård", "barn"});
  index.AddDocument({"vård", "skol"});
  index.AddDocument({"vård", "tandvård"});
  std::vector<double> scores(3, 0.0);
  index.AddScores({"vård", "barn"}, 1.0, scores);
  EXPECT_GT(scores[0], scores[1]);
  EXPECT_DOUBLE_EQ(scores[1], scores[2]);
}

TEST(AnalyzerBm25Test, WeightScalesScore) {
  Bm25Index index;
  index.AddDocument({"lag"});
  index.AddDocument({"rätt"});
  std::vector<double> once(2, 0.0);
  std::vector<double> twice(2, 0.0);
  index.AddScores({"lag"}, 1.0, once);
  index.AddScores({"lag"}, 2.0, twice);
  EXPECT_DOUBLE_EQ(twice[0], 2.0 * once[0]);
}

TEST(AnalyzerBm25Test, EmptyIndexLeavesScoresAlone) {
  Bm25Index index;
  std::vector<double> scores;
  index.AddScores({"lag"}, 1.0, scores);
  EXPECT_TRUE(scores.empty());
}

TEST(AnalyzerBm25Test, RankingDropsZeroScoresAndBreaksTiesByLowerId) {
  EXPECT_EQ(RankByScore({0.5, 0.0, 2.0, 0.5}, 10), (std::vector<int>{2, 0, 3}));
}

TEST(AnalyzerBm25Test, RankingStopsAtLimit) {
  EXPECT_EQ(RankByScore({1.0, 3.0, 2.0}, 2), (std::vector<int>{1, 2}));
}

}  // namespace
}  // namespace nyttig::search
