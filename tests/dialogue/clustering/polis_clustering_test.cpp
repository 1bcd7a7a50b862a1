#include "dialogue/clustering/polis_clustering.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "dialogue/clustering/cluster_json.h"
#include "dialogue/clustering/test_votes.h"

namespace nyttig::dialogue {
namespace {

using test_votes::kNone;
using test_votes::TwoCamps;
using test_votes::VotesFromTable;

ClusteringResult Cluster(const ConversationVotes& votes, const ClusteringOptions& options = {}) {
  StatusOr<ClusteringResult> result = ClusterConversation(votes, options);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return result.ok() ? *result : ClusteringResult{};
}

std::string Json(const ClusteringResult& result) { return ClusteringToJson(result).dump(); }

// Two latent opinions over 12 comments; each participant skips some comments
// and sometimes votes against their side. Seeded, so the same every run.
ConversationVotes RandomConversation(unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<std::vector<int>> table;
  for (int row = 0; row < 60; ++row) {
    const int side = row % 3 == 0 ? kDisagree : kAgree;
    std::vector<int> votes;
    for (int col = 0; col < 12; ++col) {
      const double draw = unit(rng);
      const int lean = col < 6 ? side : -side;
      votes.push_back(draw < 0.2 ? kNone : draw < 0.3 ? kPass : draw < 0.4 ? -lean : lean);
    }
    table.push_back(votes);
  }
  return VotesFromTable(table, {11});
}

TEST(PolisClusteringTest, NoVotesGiveEmptyResult) {
  const ClusteringResult result = Cluster(ConversationVotes{});
  EXPECT_EQ(result.participants, 0);
  EXPECT_EQ(result.in_conversation, 0);
  EXPECT_TRUE(result.groups.empty());
}

TEST(PolisClusteringTest, TwoOpposedCampsBecomeTwoGroups) {
  const ClusteringResult result = Cluster(TwoCamps(10, 8));
  EXPECT_EQ(result.participants, 20);
  EXPECT_EQ(result.in_conversation, 20);
  ASSERT_EQ(result.groups.size(), 2u);
  // The agreeing camp holds the first row, so its base cluster and group come first.
  EXPECT_EQ(result.groups[0].members, (std::vector<int64_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
  EXPECT_EQ(result.groups[1].members.front(), 10);
}

TEST(PolisClusteringTest, TwoCampsRepresentativeCommentsHandComputed) {
  const ClusteringResult result = Cluster(TwoCamps(10, 8));
  ASSERT_EQ(result.groups.size(), 2u);
  // Every comment passes; the first is best-agree, the rest tie and keep
  // column order; five are kept.
  const std::vector<RepresentativeComment>& agree = result.groups[0].representative;
  ASSERT_EQ(agree.size(), 5u);
  EXPECT_EQ(agree[0].comment_id, 0);
  EXPECT_TRUE(agree[0].best_agree);
  EXPECT_EQ(agree[4].comment_id, 4);
  EXPECT_EQ(agree[1].direction, Direction::kAgree);
  EXPECT_NEAR(agree[1].p_success, 11.0 / 12, 1e-12);               // (10+1)/(10+2)
  EXPECT_NEAR(agree[1].repness, (11.0 / 12) / (1.0 / 12), 1e-12);  // vs (0+1)/(10+2)
  EXPECT_FLOAT_EQ(agree[1].repness_test, static_cast<float>(TwoPropTest(10, 0, 10, 10)));
  for (const RepresentativeComment& rep : result.groups[1].representative) {
    EXPECT_EQ(rep.direction, Direction::kDisagree);
  }
}

TEST(PolisClusteringTest, TwoCampsHaveNoConsensusAndHandComputedGroupInformedConsensus) {
  const ClusteringResult result = Cluster(TwoCamps(10, 8));
  EXPECT_TRUE(result.consensus.agree.empty());
  EXPECT_TRUE(result.consensus.disagree.empty());
  ASSERT_EQ(result.group_informed_consensus.size(), 8u);
  EXPECT_NEAR(result.group_informed_consensus[0], (11.0 / 12) * (1.0 / 12), 1e-12);
}

TEST(PolisClusteringTest, OneParticipantIsOneGroup) {
  const ClusteringResult result = Cluster(VotesFromTable({{1, -1, 0}}));
  EXPECT_EQ(result.participants, 1);
  EXPECT_EQ(result.in_conversation, 1);
  ASSERT_EQ(result.groups.size(), 1u);
  EXPECT_EQ(result.groups[0].members, (std::vector<int64_t>{0}));
}

TEST(PolisClusteringTest, EveryoneIdenticalIsOneGroup) {
  const ClusteringResult result = Cluster(VotesFromTable(
      std::vector<std::vector<int>>(30, std::vector<int>{1, -1, 1, 0, 1, 1, -1, 1})));
  EXPECT_EQ(result.in_conversation, 30);
  ASSERT_EQ(result.groups.size(), 1u);
  EXPECT_EQ(result.groups[0].members.size(), 30u);
  ASSERT_EQ(result.base_clusters.size(), 1u);
}

TEST(PolisClusteringTest, AllPassesGiveOneGroupAndNoConsensus) {
  const ClusteringResult result =
      Cluster(VotesFromTable(std::vector<std::vector<int>>(20, std::vector<int>(9, kPass))));
  ASSERT_EQ(result.groups.size(), 1u);
  EXPECT_TRUE(result.consensus.agree.empty());
  EXPECT_TRUE(result.consensus.disagree.empty());
  EXPECT_EQ(result.groups[0].representative.size(), 1u);  // fallback best by test
}

TEST(PolisClusteringTest, ModeratedOutCommentIsNeverRepresentativeNorConsensus) {
  ConversationVotes votes = TwoCamps(10, 8);
  // Everyone agrees on comment 8, which is then moderated out.
  for (int64_t participant = 0; participant < 20; ++participant) {
    votes.events.push_back(VoteEvent{participant, 8, kAgree, 1000 + participant});
  }
  ASSERT_EQ(Cluster(votes).consensus.agree.size(), 1u);
  votes.moderated_out_comment_ids = {8};
  const ClusteringResult result = Cluster(votes);
  EXPECT_TRUE(result.consensus.agree.empty());
  for (const OpinionGroup& group : result.groups) {
    for (const RepresentativeComment& rep : group.representative) EXPECT_NE(rep.comment_id, 8);
  }
  EXPECT_EQ(result.pca.pc1(8), 0.0);
  EXPECT_EQ(result.group_informed_consensus.size(), 9u);  // still listed, as Polis does
}

TEST(PolisClusteringTest, SameInputGivesIdenticalResult) {
  EXPECT_EQ(Json(Cluster(RandomConversation(7))), Json(Cluster(RandomConversation(7))));
}

TEST(PolisClusteringTest, EventOrderDoesNotChangeTheResult) {
  const ConversationVotes votes = RandomConversation(11);
  ConversationVotes shuffled = votes;
  std::mt19937 rng(3);
  std::shuffle(shuffled.events.begin(), shuffled.events.end(), rng);
  EXPECT_EQ(Json(Cluster(votes)), Json(Cluster(shuffled)));
}

TEST(PolisClusteringTest, RepresentativeCommentsMatchGroupVoteCounts) {
  const ConversationVotes votes = RandomConversation(5);
  const ClusteringResult result = Cluster(votes);
  ASSERT_GE(result.groups.size(), 2u);
  for (const OpinionGroup& group : result.groups) {
    for (const RepresentativeComment& rep : group.representative) {
      int agree = 0, disagree = 0, seen = 0;
      for (const VoteEvent& event : votes.events) {
        if (event.comment_id != rep.comment_id ||
            !std::binary_search(group.members.begin(), group.members.end(), event.participant_id)) {
          continue;
        }
        ++seen;
        agree += event.vote == kAgree;
        disagree += event.vote == kDisagree;
      }
      const int success = rep.direction == Direction::kAgree ? agree : disagree;
      EXPECT_EQ(rep.n_success, success);
      EXPECT_EQ(rep.n_trials, seen);
      EXPECT_NEAR(rep.p_success, (success + 1.0) / (seen + 2.0), 1e-12);
    }
  }
}

TEST(PolisClusteringTest, SeedingFromOwnResultKeepsTheGroups) {
  const ConversationVotes votes = RandomConversation(5);
  const ClusteringResult fresh = Cluster(votes);
  ClusteringOptions options;
  options.seed_from = &fresh;
  const ClusteringResult seeded = Cluster(votes, options);
  ASSERT_EQ(seeded.groups.size(), fresh.groups.size());
  for (size_t idx = 0; idx < fresh.groups.size(); ++idx) {
    EXPECT_EQ(seeded.groups[idx].members, fresh.groups[idx].members);
  }
}

// Three opinions over 12 comments, 30 participants each, 15 % of votes flipped.
ConversationVotes ThreeOpinions(unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const int patterns[3][4] = {{1, 1, -1, -1}, {-1, 1, 1, -1}, {1, -1, 1, 1}};
  std::vector<std::vector<int>> table;
  for (int row = 0; row < 90; ++row) {
    std::vector<int> votes;
    for (int col = 0; col < 12; ++col) {
      const int lean = patterns[row % 3][col % 4];
      votes.push_back(unit(rng) < 0.15 ? -lean : lean);
    }
    table.push_back(votes);
  }
  return VotesFromTable(table);
}

TEST(PolisClusteringTest, KSmootherWaitsForFourUpdatesBeforeChangingK) {
  const ClusteringResult two = Cluster(TwoCamps(10, 12));
  ASSERT_EQ(two.k_smoother.smoothed_k, 2);
  const ConversationVotes three = ThreeOpinions(1);
  ASSERT_EQ(Cluster(three).k_smoother.this_k, 3);
  ClusteringResult previous = two;
  for (int update = 1; update <= kGroupKBuffer; ++update) {
    ClusteringOptions options;
    options.seed_from = &previous;
    ClusteringResult next = Cluster(three, options);
    EXPECT_EQ(next.k_smoother.count, update);
    EXPECT_EQ(next.k_smoother.smoothed_k, update < kGroupKBuffer ? 2 : 3) << "update " << update;
    previous = std::move(next);
  }
}

TEST(PolisClusteringTest, RejectsOutOfRangeOptions) {
  ClusteringOptions options;
  options.max_k = 1;
  StatusOr<ClusteringResult> result = ClusterConversation(TwoCamps(3, 3), options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace nyttig::dialogue
