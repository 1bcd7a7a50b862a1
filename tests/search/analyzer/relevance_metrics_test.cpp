#include "search/analyzer/relevance_metrics.h"

#include <gtest/gtest.h>

#include <cmath>

namespace nyttig::search {
namespace {

TEST(AnalyzerMetricsTest, NdcgIsOneWhenRelevantDocumentIsFirst) {
  EXPECT_DOUBLE_EQ(NdcgAtK({7, 1, 2}, {7}, 10), 1.0);
}

TEST(AnalyzerMetricsTest, NdcgOfSingleRelevantAtRankThreeIsOneOverLog2Of4) {
  EXPECT_DOUBLE_EQ(NdcgAtK({1, 2, 7}, {7}, 10), 0.5);
}

TEST(AnalyzerMetricsTest, NdcgWithTwoRelevantAtRanksOneAndThree) {
  // DCG = 1 + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3).
  EXPECT_NEAR(NdcgAtK({4, 9, 5}, {4, 5}, 10), 1.5 / (1.0 + 1.0 / std::log2(3.0)), 1e-12);
}

TEST(AnalyzerMetricsTest, NdcgIgnoresRelevantBeyondK) {
  EXPECT_DOUBLE_EQ(NdcgAtK({1, 2, 3}, {3}, 2), 0.0);
}

TEST(AnalyzerMetricsTest, ReciprocalRankOfFirstRelevant) {
  EXPECT_DOUBLE_EQ(ReciprocalRankAtK({3, 8, 5, 6}, {5, 6}, 10), 1.0 / 3.0);
}

TEST(AnalyzerMetricsTest, ReciprocalRankIsZeroWhenRelevantMissing) {
  EXPECT_DOUBLE_EQ(ReciprocalRankAtK({3, 8}, {5}, 10), 0.0);
}

TEST(AnalyzerMetricsTest, RecallCountsRelevantFoundWithinK) {
  EXPECT_DOUBLE_EQ(RecallAtK({1, 2, 3, 4}, {2, 4, 9, 10}, 3), 0.25);
}

TEST(AnalyzerMetricsTest, EmptyRelevantSetScoresZero) {
  EXPECT_DOUBLE_EQ(NdcgAtK({1}, {}, 10), 0.0);
  EXPECT_DOUBLE_EQ(RecallAtK({1}, {}, 10), 0.0);
}

TEST(AnalyzerMetricsTest, EmptyRankingScoresZero) {
  EXPECT_DOUBLE_EQ(NdcgAtK({}, {1}, 10), 0.0);
  EXPECT_DOUBLE_EQ(ReciprocalRankAtK({}, {1}, 10), 0.0);
}

}  // namespace
}  // namespace nyttig::search
