#include "dialogue/clustering/repness.h"

#include <gtest/gtest.h>

#include <cmath>

namespace nyttig::dialogue {
namespace {

constexpr double kTolerance = 1e-12;

TEST(ClusteringRepnessTest, PropTestHandComputed) {
  // 2·√5·(4/5 − 1/2) = 0.6·√5.
  EXPECT_NEAR(PropTest(3, 4), 0.6 * std::sqrt(5.0), kTolerance);
  EXPECT_NEAR(PropTest(0, 0), 1.0, kTolerance);  // 2·1·(1 − 1/2)
}

TEST(ClusteringRepnessTest, TwoPropTestHandComputed) {
  // s = 4, 2; n = 5, 5: p1 = .8, p2 = .4, pooled .6; z = .4 / sqrt(.24·.4).
  EXPECT_NEAR(TwoPropTest(3, 1, 4, 4), 0.4 / std::sqrt(0.24 * 0.4), kTolerance);
}

TEST(ClusteringRepnessTest, TwoPropTestIsZeroWhenPooledProportionIsOne) {
  EXPECT_EQ(TwoPropTest(4, 6, 4, 6), 0.0);
}

TEST(ClusteringRepnessTest, CommentStatsHandComputed) {
  // Group: 3 agree, 1 disagree of 4; others: 1 agree, 3 disagree of 4.
  const CommentStats stats = ComputeCommentStats({3, 1, 4}, {1, 3, 4});
  EXPECT_NEAR(stats.pa, 4.0 / 6, kTolerance);
  EXPECT_NEAR(stats.pd, 2.0 / 6, kTolerance);
  EXPECT_NEAR(stats.ra, (4.0 / 6) / (2.0 / 6), kTolerance);
  EXPECT_NEAR(stats.rd, (2.0 / 6) / (4.0 / 6), kTolerance);
  EXPECT_NEAR(stats.rat, TwoPropTest(3, 1, 4, 4), kTolerance);
  EXPECT_NEAR(stats.rdt, -stats.rat, kTolerance);
}

TEST(ClusteringRepnessTest, FinalizedDirectionFollowsTheLargerTest) {
  EXPECT_EQ(FinalizeStats(1, ComputeCommentStats({3, 1, 4}, {1, 3, 4})).direction,
            Direction::kAgree);
  const RepresentativeComment disagree =
      FinalizeStats(1, ComputeCommentStats({1, 3, 4}, {3, 1, 4}));
  EXPECT_EQ(disagree.direction, Direction::kDisagree);
  EXPECT_EQ(disagree.n_success, 3);
  EXPECT_EQ(disagree.repness_test, static_cast<float>(TwoPropTest(3, 1, 4, 4)));
}

TEST(ClusteringRepnessTest, StrongCommentsRankedAgreesFirstAtMostFive) {
  // Eight comments where the group strongly agrees or disagrees unlike the rest.
  std::vector<CommentStats> stats;
  std::vector<int64_t> ids;
  for (int col = 0; col < 8; ++col) {
    const int strength = 10 + col;
    stats.push_back(col % 2 == 0 ? ComputeCommentStats({strength, 0, strength}, {0, 20, 20})
                                 : ComputeCommentStats({0, strength, strength}, {20, 0, 20}));
    ids.push_back(100 + col);
  }
  const std::vector<RepresentativeComment> reps =
      SelectRepresentative(ids, std::vector<bool>(8, false), stats);
  ASSERT_EQ(reps.size(), 5u);
  // Best-agree: the last even column wins on ra·rat·pa·pat and comes first.
  EXPECT_EQ(reps[0].comment_id, 106);
  EXPECT_TRUE(reps[0].best_agree);
  bool seen_disagree = false;
  for (const RepresentativeComment& rep : reps) {
    if (rep.direction == Direction::kDisagree) seen_disagree = true;
    if (seen_disagree) {
      EXPECT_EQ(rep.direction, Direction::kDisagree);
    }
  }
  EXPECT_TRUE(seen_disagree);
}

TEST(ClusteringRepnessTest, WithoutSignificantCommentsBestAgreeBeatsBestByTest) {
  // Comment 5: everyone agrees everywhere, so pat = √5 > 1.2816 but rat = 0.
  // Comment 6: the larger rat (0.69, not significant), so it is the best by test.
  const std::vector<CommentStats> stats = {ComputeCommentStats({4, 0, 4}, {4, 0, 4}),
                                           ComputeCommentStats({1, 0, 4}, {0, 0, 4})};
  const std::vector<RepresentativeComment> reps =
      SelectRepresentative({5, 6}, {false, false}, stats);
  ASSERT_EQ(reps.size(), 1u);
  EXPECT_EQ(reps[0].comment_id, 5);
  EXPECT_TRUE(reps[0].best_agree);
}

TEST(ClusteringRepnessTest, WithoutAnyAgreeCandidateTheBestByTestIsKept) {
  // Nobody agrees or disagrees (all passes): no best-agree, fallback best.
  const std::vector<CommentStats> stats = {ComputeCommentStats({0, 0, 3}, {0, 0, 3})};
  const std::vector<RepresentativeComment> reps = SelectRepresentative({5}, {false}, stats);
  ASSERT_EQ(reps.size(), 1u);
  EXPECT_EQ(reps[0].comment_id, 5);
}

TEST(ClusteringRepnessTest, ModeratedOutCommentsAreNeverRepresentative) {
  const std::vector<CommentStats> stats = {ComputeCommentStats({20, 0, 20}, {0, 20, 20})};
  EXPECT_TRUE(SelectRepresentative({5}, {true}, stats).empty());
}

}  // namespace
}  // namespace nyttig::dialogue
